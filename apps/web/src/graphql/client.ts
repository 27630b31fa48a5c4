import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { readSignedIn } from '../auth/signed-in';
import { PERSISTED_DOCUMENTS } from './public-operations';

/** A GraphQL error as the API reports it: a message and a stable `extensions.code`. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number,
    /** The error's details besides the code, e.g. which slot is taken (STAND_UNAVAILABLE). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

let onUnauthenticated: () => void = () => undefined;

/** Called when the API refuses a request's token (expired, revoked). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

const printed = new WeakMap<object, string>();

function queryText(document: TadaDocumentNode<unknown, never>): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

const persisted: ReadonlySet<object> = new Set(PERSISTED_DOCUMENTS);
const ids = new Map<string, Promise<string | null>>();

/** sha256 of the printed document, as the API's manifest has it; null where the browser has no WebCrypto (plain http). */
function persistedId(text: string): Promise<string | null> {
  let id = ids.get(text);
  if (!id) {
    id = globalThis.crypto?.subtle
      ? crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(
          (digest) => Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join(''),
          () => null,
        )
      : Promise.resolve(null);
    ids.set(text, id);
  }
  return id;
}

/**
 * The public pages' documents (public-operations.ts) go as a GET by persisted-query id, a URL
 * that the API's response cache, the browser and a reverse proxy can answer; everything else as a
 * POST with its text. `x-apollo-operation-name` is what lets the API's CSRF prevention accept a GET.
 */
async function send(text: string, document: object, variables: unknown, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  const id = persisted.has(document) ? await persistedId(text) : null;
  if (id) {
    const name = /^\s*query\s+(\w+)/.exec(text)?.[1] ?? '';
    const params = new URLSearchParams({
      operationName: name,
      variables: JSON.stringify(variables),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }),
    });
    // no-cache: the browser asks again every time (a 304 when nothing changed), so a page reloaded
    // after the reader's own registration never shows the count from before it.
    return fetch(`/graphql?${params.toString()}`, { method: 'GET', headers: { ...headers, 'x-apollo-operation-name': name }, cache: 'no-cache', signal });
  }
  return fetch('/graphql', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
    signal,
  });
}

/**
 * One request to the API's /graphql (same origin: the API serves this app; `npm run web:dev` proxies).
 * Resolves with the data, or rejects with the first error. Deliberately tiny: the public pages
 * send one query per view and need no normalised cache.
 */
export async function request<Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables: Variables, signal?: AbortSignal): Promise<Result> {
  const token = readSignedIn()?.token;
  const headers: Record<string, string> = {
    accept: 'application/graphql-response+json, application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  const response = await send(queryText(document as TadaDocumentNode<unknown, never>), document, variables, headers, signal);
  let body: { data?: Result | null; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphQLRequestError(`HTTP ${response.status}`, undefined, response.status);
  }
  const [error] = body.errors ?? [];
  if (error) {
    if (token && error.extensions?.code === 'UNAUTHENTICATED') onUnauthenticated();
    throw new GraphQLRequestError(error.message, error.extensions?.code, response.status, error.extensions);
  }
  if (!body.data) throw new GraphQLRequestError(`HTTP ${response.status} without data`, undefined, response.status);
  return body.data;
}
