import type { EntitySubscriberInterface, QueryEvent, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { auditScope, AuditScope } from './audit-scope';

/** Statements that may write; a read never fires the audit triggers, so it needs no scope. */
const MAY_WRITE = /^\s*(INSERT|UPDATE|DELETE|WITH|MERGE)\b/i;

const parameters = (scope: AuditScope | null, local: boolean) => [...auditScope.parameters(scope), local];

/**
 * Hands the current audit scope to PostgreSQL before the first write of each transaction (as
 * transaction-local settings, so a pooled connection never carries it on), and around a write made
 * outside a transaction (set before, cleared after). The audit triggers then write every change of
 * personal data, with who and through which operation, in the transaction of the change itself —
 * whatever library or raw SQL made it. Reads and work outside a scope cost nothing.
 */
export class AuditScopeSubscriber implements EntitySubscriberInterface {
  private readonly scopedSessions = new WeakSet<QueryRunner>();

  async beforeQuery(event: QueryEvent): Promise<void> {
    const scope = auditScope.current();
    const runner = event.queryRunner;
    if (!scope || !MAY_WRITE.test(event.query)) return;
    if (runner.isTransactionActive) {
      // Already set by this subscriber, or by the transaction's first statement (auditScope.inTransaction).
      if (auditScope.isSetFor(runner)) return;
      await runner.query(auditScope.SET_SQL, parameters(scope, true));
      auditScope.markSetFor(runner);
    } else if (!this.scopedSessions.has(runner)) {
      // Marked only once set: the SET statement's own afterQuery must not clear it again.
      await runner.query(auditScope.SET_SQL, parameters(scope, false));
      this.scopedSessions.add(runner);
    }
  }

  async afterQuery(event: QueryEvent): Promise<void> {
    const runner = event.queryRunner;
    if (!this.scopedSessions.has(runner)) return;
    this.scopedSessions.delete(runner);
    await runner.query(auditScope.SET_SQL, parameters(null, false));
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    this.transactionEnded(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.transactionEnded(event.queryRunner);
  }

  private transactionEnded(runner: QueryRunner): void {
    // A savepoint released or rolled back leaves the outer transaction, and its settings, in place.
    if (!runner.isTransactionActive) auditScope.transactionEnded(runner);
  }
}
