import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ResponseCache, strongEtag } from '@app/response-cache';
import { isPublicRead } from './public-reads';
import type { RequestContext } from './request-context';

/**
 * What browsers and proxies may do with a public answer. Ten seconds: the page a newcomer reloads
 * may be that old in their browser or a proxy, never in the API (its own cache is invalidated by
 * every write), and a seat count seen ten seconds late costs nothing, since registering is decided
 * in the database (a full session waitlists). stale-while-revalidate lets a proxy answer at once
 * while it asks again. Vary: the same URL with a token, or asking for the other media type, is
 * another answer.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=10, stale-while-revalidate=30';
/** Everything else: an actor's answer or a personal one is kept by no one. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
const VARY = 'Accept, Authorization';

/** What the middleware left for the plugin and the send hook of one request. */
interface Pending {
  key: string;
  generation: string;
  /** Set by the plugin: Apollo's answer has data, no error, and no actor. */
  storable: boolean;
}

const pendingOf = (res: Response): Pending | undefined => res.locals.responseCache as Pending | undefined;

interface Operation {
  document: string;
  operationName: string | undefined;
  variables: string;
}

/** The operation of a GET or POST to /graphql, as Apollo will read it; null when there is none to cache. */
function operationOf(req: Request): Operation | null {
  const source = (req.method === 'GET' ? req.query : req.method === 'POST' ? req.body : undefined) as Record<string, unknown> | undefined;
  if (!source || typeof source.query !== 'string') return null;
  // Anything malformed is Apollo's to refuse (400), never a hit: a cache must not answer what GraphQL would not.
  if (source.operationName != null && typeof source.operationName !== 'string') return null;
  const variablesType = source.variables === null || Array.isArray(source.variables) ? 'other' : typeof source.variables;
  if (source.variables !== undefined && source.variables !== null && !(req.method === 'GET' ? variablesType === 'string' : variablesType === 'object'))
    return null;
  if (source.extensions !== undefined) return null;
  const operationName = typeof source.operationName === 'string' && source.operationName !== '' ? source.operationName : undefined;
  // GET carries the variables as the JSON text; POST as parsed JSON (one object, however it was spaced).
  const variables = typeof source.variables === 'string' ? source.variables : JSON.stringify(source.variables ?? null);
  return { document: source.query, operationName, variables };
}

/**
 * Apollo's CSRF prevention lets a GET run only with a header a plain link or form cannot send;
 * a cached answer follows the same rule, so a GET Apollo would refuse is refused by Apollo.
 */
const passesCsrfPrevention = (req: Request) => req.method !== 'GET' || !!req.headers['apollo-require-preflight'] || !!req.headers['x-apollo-operation-name'];

function sendCached(req: Request, res: Response, contentType: string, etag: string, body: string): void {
  res.setHeader('cache-control', PUBLIC_CACHE_CONTROL);
  res.setHeader('vary', VARY);
  res.setHeader('etag', etag);
  if (req.method === 'GET' && req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.status(200).type(contentType).send(body);
}

/** A miss being computed by Apollo in this process: the answer, or null when it turned out not storable. */
type Fill = Promise<{ etag: string; body: string } | null>;

/**
 * Ahead of Apollo on /graphql: an anonymous public read (no Authorization header, so no actor;
 * root fields of PUBLIC_ROOT_FIELDS only) is answered from Redis when the current generation holds
 * it, as the exact bytes Apollo sent the first time. A miss goes on to Apollo with the generation
 * read now, before any of its statements; the answer is stored on its way out (storeOnSend).
 * Misses of one key and generation that arrive while it is being computed wait for that one
 * answer instead of each running the query: right after a write every reader misses at once.
 */
export function serveCachedResponses(cache: ResponseCache): RequestHandler {
  const fills = new Map<string, Fill>();
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
    if (!cache.enabled || req.headers.authorization !== undefined || !passesCsrfPrevention(req)) return next();
    let operation: Operation | null;
    try {
      operation = operationOf(req);
    } catch {
      // Variables nested too deep to serialise (a hostile body): Apollo refuses them itself.
      return next();
    }
    if (!operation || !isPublicRead(operation.document, operation.operationName)) return next();
    // The media type is part of the answer (Apollo negotiates it from Accept).
    const contentType = req.accepts(['application/json', 'application/graphql-response+json']) || 'application/json';
    const key = ResponseCache.keyOf([operation.document, operation.operationName ?? null, operation.variables, contentType]);
    const compute = (generation: string) => {
      const fillKey = `${generation} ${key}`;
      let settle: (answer: Awaited<Fill>) => void = () => undefined;
      const fill: Fill = new Promise((resolve) => (settle = resolve));
      fills.set(fillKey, fill);
      // Settled once, on the answer or on a connection that closed without one.
      const done = (answer: Awaited<Fill>) => {
        if (fills.get(fillKey) === fill) fills.delete(fillKey);
        settle(answer);
      };
      res.locals.responseCache = { key, generation, storable: false } satisfies Pending;
      storeOnSend(req, res, cache, done);
      res.on('close', () => done(null));
      next();
    };
    cache.lookup(key).then(
      async (found) => {
        if (!found) return next();
        if (found.hit) return sendCached(req, res, contentType, found.hit.etag, found.hit.body);
        const inFlight = fills.get(`${found.generation} ${key}`);
        if (!inFlight) return compute(found.generation);
        const answer = await inFlight;
        if (answer) return sendCached(req, res, contentType, answer.etag, answer.body);
        next();
      },
      () => next(),
    );
  };
}

/** Apollo's integration answers with one `res.send(string)`: that string is what is stored, tagged and handed to waiting misses. */
function storeOnSend(req: Request, res: Response, cache: ResponseCache, done: (answer: Awaited<Fill>) => void): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const pending = pendingOf(res);
    if (!pending?.storable || res.statusCode !== 200 || typeof body !== 'string') {
      done(null);
      return send(body);
    }
    const etag = strongEtag(body);
    void cache.store(pending.key, pending.generation, { etag, body });
    done({ etag, body });
    res.setHeader('cache-control', PUBLIC_CACHE_CONTROL);
    res.setHeader('vary', VARY);
    res.setHeader('etag', etag);
    if (req.method === 'GET' && req.headers['if-none-match'] === etag) {
      res.status(304);
      return send();
    }
    return send(body);
  };
}

/**
 * Marks an answer storable: only when the middleware found it public and Apollo ran it for no
 * actor with no error at all (an anonymous caller asking for a field it may not see gets an error,
 * so an answer that selects personal data is never stored).
 */
export function markStorableResponses(cache: ResponseCache): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const pending = pendingOf(contextValue.req.res as Response);
      return {
        async willSendResponse({ response, contextValue: context, operation }) {
          // Not every write is one Transactions.run (a repository may write on its own), so every
          // mutation also retires the cached answers before its answer leaves.
          if (operation?.operation === 'mutation') await cache.bump();
          if (!pending) return;
          const single = response.body.kind === 'single' ? response.body.singleResult : null;
          pending.storable = !!single && single.data != null && !single.errors?.length && context.actor === null && !context.tokenRejected;
        },
      };
    },
  };
}
