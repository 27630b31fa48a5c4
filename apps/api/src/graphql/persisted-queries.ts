import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@app/common';

/**
 * The web app's public operations by id (sha256 of the document as the web app prints it), made
 * from apps/web/src/graphql/public-operations.ts by `npm run web:persisted` and checked to be
 * current by apps/web/src/graphql/persisted-queries.spec.ts. A static allowlist, not Apollo's
 * automatic persisted queries: APQ lets any stranger store any document under its hash (the
 * server keeps whatever it is sent), while this list is fixed at build time, so a GET by id can
 * only ever run a document this repository ships.
 */
export const PERSISTED_QUERIES_FILE = join(__dirname, 'persisted-queries.json');

export function loadPersistedQueries(file = PERSISTED_QUERIES_FILE): ReadonlyMap<string, string> {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const byId = new Map<string, string>();
  for (const [id, document] of Object.entries(manifest)) {
    // A manifest edited by hand must not smuggle in a document under another's id.
    if (sha256(document) !== id) throw new Error(`${file}: ${id} is not the sha256 of its document; run npm run web:persisted`);
    byId.set(id, document);
  }
  return byId;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

type PersistedRefusal = { code: ErrorCode | 'PERSISTED_QUERY_NOT_FOUND'; message: string };

function refuse(res: Response, { code, message }: PersistedRefusal): void {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}

function persistedIdOf(extensions: unknown): { id: string | null } | PersistedRefusal | null {
  let parsed = extensions;
  if (typeof extensions === 'string') {
    try {
      parsed = JSON.parse(extensions);
    } catch {
      return { code: ErrorCode.BAD_REQUEST, message: 'The extensions parameter is not valid JSON' };
    }
  }
  if (typeof parsed !== 'object' || parsed === null || !('persistedQuery' in parsed)) return null;
  const persisted = (parsed as { persistedQuery: unknown }).persistedQuery as { version?: unknown; sha256Hash?: unknown } | null;
  if (persisted?.version !== 1 || typeof persisted.sha256Hash !== 'string') {
    return { code: ErrorCode.BAD_REQUEST, message: 'persistedQuery needs version 1 and a sha256Hash' };
  }
  return { id: persisted.sha256Hash.toLowerCase() };
}

/**
 * Before GraphQL reads the request: a persisted query id (`extensions.persistedQuery.sha256Hash`,
 * the wire format of Apollo's clients, by GET or POST) becomes its document from the manifest,
 * and the extension is taken away (Apollo has APQ off and would refuse it). An unknown id is a 400
 * PERSISTED_QUERY_NOT_FOUND; a document sent with an id must be that id's document.
 */
export function resolvePersistedQueries(manifest: ReadonlyMap<string, string>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const fromGet = req.method === 'GET';
    const source = (fromGet ? req.query : req.body) as Record<string, unknown> | undefined;
    const found = source && typeof source === 'object' ? persistedIdOf(source.extensions) : null;
    if (!found) return next();
    if (!('id' in found)) return refuse(res, found);
    const document = found.id ? manifest.get(found.id) : undefined;
    if (!document) {
      return refuse(res, {
        code: 'PERSISTED_QUERY_NOT_FOUND',
        message: 'Unknown persisted query: this API runs by id only the operations of its own web app; send the query itself',
      });
    }
    if (typeof source!.query === 'string' && source!.query !== document) {
      return refuse(res, { code: ErrorCode.BAD_REQUEST, message: 'The query sent is not the document of its persisted query id' });
    }
    if (fromGet) {
      const params = new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1));
      params.delete('extensions');
      params.set('query', document);
      req.url = `${req.path}?${params.toString()}`;
    } else {
      const body = req.body as Record<string, unknown>;
      delete body.extensions;
      body.query = document;
    }
    next();
  };
}
