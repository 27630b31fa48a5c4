import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { readSignedIn } from '../auth/signed-in';

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

/**
 * One POST to the API's /graphql (same origin: the API serves this app; `npm run web:dev` proxies).
 * Resolves with the data, or rejects with the first error. Deliberately tiny: the public pages
 * send one query per view and need no normalised cache.
 */
export async function request<Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables: Variables, signal?: AbortSignal): Promise<Result> {
  const token = readSignedIn()?.token;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: queryText(document as TadaDocumentNode<unknown, never>), variables }),
    signal,
  });
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
