export function graphqlHeaders(token?: string): Record<string, string> {
  return token ? { 'content-type': 'application/json', authorization: `Bearer ${token}` } : { 'content-type': 'application/json' };
}

/**
 * One GraphQL request's data; any error fails the benchmark, as timing failed requests would be
 * meaningless. Node's global fetch keeps connections alive, so this measures requests, not TCP
 * handshakes.
 */
export async function postGraphql<T>(url: string, headers: Record<string, string>, body: string): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const result = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || result.errors || !result.data) throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(result.errors)}`);
  return result.data;
}
