import type { EntitySubscriberInterface, QueryEvent, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { auditScope, AuditScope } from './audit-scope';

/** Statements that may write; a read never fires the audit triggers, so it needs no scope. */
const MAY_WRITE = /^\s*(INSERT|UPDATE|DELETE|WITH|MERGE)\b/i;

/** The settings the audit triggers read (migration Privacy): $4 = true keeps them to the transaction. */
const SET_SCOPE = `SELECT set_config('oefenkansen.actor_user_id', $1, $4), set_config('oefenkansen.operation', $2, $4), set_config('oefenkansen.request_id', $3, $4)`;

const parameters = (scope: AuditScope | null, local: boolean) => [scope?.actorUserId ?? '', scope?.operation ?? '', scope?.requestId ?? '', local];

/**
 * Hands the current audit scope to PostgreSQL before the first write of each transaction (as
 * transaction-local settings, so a pooled connection never carries it on), and around a write made
 * outside a transaction (set before, cleared after). The audit triggers then write every change of
 * personal data, with who and through which operation, in the transaction of the change itself —
 * whatever library or raw SQL made it. Reads and work outside a scope cost nothing.
 */
export class AuditScopeSubscriber implements EntitySubscriberInterface {
  private readonly scopedTransactions = new WeakSet<QueryRunner>();
  private readonly scopedSessions = new WeakSet<QueryRunner>();

  async beforeQuery(event: QueryEvent): Promise<void> {
    const scope = auditScope.current();
    const runner = event.queryRunner;
    if (!scope || !MAY_WRITE.test(event.query)) return;
    if (runner.isTransactionActive) {
      if (this.scopedTransactions.has(runner)) return;
      await runner.query(SET_SCOPE, parameters(scope, true));
      this.scopedTransactions.add(runner);
    } else if (!this.scopedSessions.has(runner)) {
      // Marked only once set: the SET statement's own afterQuery must not clear it again.
      await runner.query(SET_SCOPE, parameters(scope, false));
      this.scopedSessions.add(runner);
    }
  }

  async afterQuery(event: QueryEvent): Promise<void> {
    const runner = event.queryRunner;
    if (!this.scopedSessions.has(runner)) return;
    this.scopedSessions.delete(runner);
    await runner.query(SET_SCOPE, parameters(null, false));
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    this.transactionEnded(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.transactionEnded(event.queryRunner);
  }

  private transactionEnded(runner: QueryRunner): void {
    // A savepoint released or rolled back leaves the outer transaction, and its settings, in place.
    if (!runner.isTransactionActive) this.scopedTransactions.delete(runner);
  }
}
