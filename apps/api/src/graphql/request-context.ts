import type { Request } from 'express';
import type { Actor } from '@app/common';
import type { Loaders } from '../loaders/loaders';

/** What every resolver gets: who is asking (null when anonymous) and this request's DataLoaders. */
export interface RequestContext {
  req: Request;
  actor: Actor | null;
  /** A bearer token was sent but is invalid, expired or revoked. */
  tokenRejected: boolean;
  loaders: Loaders;
}
