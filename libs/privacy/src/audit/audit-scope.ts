import { AsyncLocalStorage } from 'node:async_hooks';

/** Who acts, through which operation, for the audit log. A null actor is the system (a scheduled job). */
export interface AuditScope {
  actorUserId: string | null;
  /** The GraphQL field (registerParticipant, erasePersonalData, …) or the job name. */
  operation: string;
  requestId: string | null;
}

const storage = new AsyncLocalStorage<AuditScope>();

/**
 * The scope follows the async flow of one GraphQL operation or job, so that code deep in a domain
 * library writes to the database without passing it along: AuditScopeSubscriber hands it to the
 * audit triggers, and AuditLog.record uses it for explicit entries.
 */
export const auditScope = {
  run<T>(scope: AuditScope, work: () => T): T {
    return storage.run(scope, work);
  },

  current(): AuditScope | undefined {
    return storage.getStore();
  },
};
