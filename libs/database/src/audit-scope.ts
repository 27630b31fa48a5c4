import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager, QueryRunner } from 'typeorm';

/** Who acts, through which operation, for the audit log. A null actor is the system (a scheduled job). */
export interface AuditScope {
  actorUserId: string | null;
  /** The GraphQL field (registerParticipant, erasePersonalData, …) or the job name. */
  operation: string;
  requestId: string | null;
}

const storage = new AsyncLocalStorage<AuditScope>();

/** Transactions whose audit settings are already set: their later writes need no SET statement. */
const scopedTransactions = new WeakSet<QueryRunner>();

/** The settings the audit triggers read (migration Privacy), as select-list items. */
const settings = (first: number, local: string) =>
  [
    `set_config('oefenkansen.actor_user_id', $${first}, ${local})`,
    `set_config('oefenkansen.operation', $${first + 1}, ${local})`,
    `set_config('oefenkansen.request_id', $${first + 2}, ${local})`,
  ].join(', ');

/**
 * The scope follows the async flow of one GraphQL operation or job, so that code deep in a domain
 * library writes to the database without passing it along: privacy's AuditScopeSubscriber hands it
 * to the audit triggers before a transaction's first write, and AuditLog.record uses it for
 * explicit entries. It lives here, beside the database, because the settings are the triggers'
 * interface and a hot path may set them inside its own first statement (inTransaction).
 */
export const auditScope = {
  run<T>(scope: AuditScope, work: () => T): T {
    return storage.run(scope, work);
  },

  current(): AuditScope | undefined {
    return storage.getStore();
  },

  /** The whole SET statement: $1–$3 the scope, $4 true for transaction-local settings. */
  SET_SQL: `SELECT ${settings(1, '$4')}`,

  parameters(scope: AuditScope | null | undefined): string[] {
    return [scope?.actorUserId ?? '', scope?.operation ?? '', scope?.requestId ?? ''];
  },

  /**
   * For the first statement of a transaction (a lock taken before any write): select-list items
   * that set the scope for the rest of the transaction from parameter $first on (pass
   * `parameters(current())` there), saving the SET round trip. Call `applied(tx)` once the statement
   * returned a row (only then did its select list run); without a scope the items set empty
   * settings, which the triggers read as none.
   */
  selectItems(first: number): string {
    return settings(first, 'true');
  },

  /** The statement built with selectItems returned a row: the transaction's writes need no SET. */
  applied(tx: EntityManager): void {
    if (tx.queryRunner?.isTransactionActive && auditScope.current()) scopedTransactions.add(tx.queryRunner);
  },

  isSetFor(runner: QueryRunner): boolean {
    return scopedTransactions.has(runner);
  },

  markSetFor(runner: QueryRunner): void {
    scopedTransactions.add(runner);
  },

  transactionEnded(runner: QueryRunner): void {
    scopedTransactions.delete(runner);
  },
};
