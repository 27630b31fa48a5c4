import type { Transaction } from '@app/database';
import { hostIdsOf } from './host-links';

/** The hosts of a session, for the libs that tell them about it (session_host is scheduling's). */
export function sessionHostIds(tx: Transaction, sessionId: string): Promise<string[]> {
  return hostIdsOf(tx, 'session', sessionId);
}
