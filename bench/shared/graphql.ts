export function graphqlHeaders(token?: string): Record<string, string> {
  return token ? { 'content-type': 'application/json', authorization: `Bearer ${token}` } : { 'content-type': 'application/json' };
}

export interface GraphqlError {
  message: string;
  extensions?: { code?: string };
}

export interface GraphqlAnswer<T> {
  /** The HTTP status: 200 also when a resolver refused (the refusal is in `errors`). */
  status: number;
  data?: T | null;
  errors?: GraphqlError[];
}

/**
 * One GraphQL request's answer as the API sent it, errors included: for benchmarks in which a
 * refusal (e.g. STAND_UNAVAILABLE) is an expected outcome. Node's global fetch keeps connections
 * alive, so this measures requests, not TCP handshakes.
 */
export async function sendGraphql<T>(url: string, headers: Record<string, string>, body: string): Promise<GraphqlAnswer<T>> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const result = (await response.json()) as { data?: T | null; errors?: GraphqlError[] };
  return { status: response.status, data: result.data, errors: result.errors };
}

/** One GraphQL request's data; any error fails the benchmark, as timing failed requests would be meaningless. */
export async function postGraphql<T>(url: string, headers: Record<string, string>, body: string): Promise<T> {
  const { status, data, errors } = await sendGraphql<T>(url, headers, body);
  if (status < 200 || status >= 300 || errors || !data) throw new Error(`GraphQL request failed (${status}): ${JSON.stringify(errors)}`);
  return data;
}

/** A setup call: `query` with `variables`, as the holder of `token` (or anonymously). */
export function callGraphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  return postGraphql<T>(url, graphqlHeaders(token), JSON.stringify({ query, variables }));
}

/** The public schedule's main query, a page of sessions with their nested data: what the sessions and memory benches load. */
export const SCHEDULE_PAGE_SIZE = 50;
export const SESSIONS_QUERY = `query Schedule($from: DateTime!) {
  sessions(first: ${SCHEDULE_PAGE_SIZE}, filter: { from: $from }) {
    totalCount
    edges {
      cursor
      node {
        id title startsAt endsAt capacity status
        programme { id name }
        venue { id name organisation { id name } }
        hosts { id displayName }
      }
    }
  }
}`;
