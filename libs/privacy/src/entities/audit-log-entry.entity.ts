import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AuditAction, AuditSubjectKind } from './enums';

/**
 * Who read or changed whose personal data, and through which operation. Reads are written by the
 * API after the query, changes by database triggers in the transaction of the change itself (see
 * libs/privacy), exports and erasures by the privacy service. Rows are never updated or deleted.
 */
@Entity('audit_log_entry')
@Index(['at', 'id'])
@Index(['subjectId', 'at'])
@Index(['actorUserId', 'at'])
// One CHANGE per subject per transaction, however many rows of theirs it touched (the triggers insert ON CONFLICT DO NOTHING).
@Index('audit_log_entry_one_change_per_transaction', ['transactionId', 'subjectKind', 'subjectId'], { unique: true, where: `"action" = 'CHANGE'` })
export class AuditLogEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /**
   * The database's clock: when it really happened, also in tests that move the application clock.
   * Milliseconds, like the page cursors (encodeCursor), so that paging never skips an entry.
   */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  at: Date;

  /** Null for the system (a scheduled job, a migration or a script). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action: AuditAction;

  @Column({ type: 'enum', enum: AuditSubjectKind, enumName: 'audit_subject_kind' })
  subjectKind: AuditSubjectKind;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** The GraphQL field (erasePersonalData, participants, …) or the job (retention) it happened in. */
  @Column({ type: 'varchar', length: 100 })
  operation: string;

  /** The HTTP request's X-Request-Id, to find the matching log lines. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  /** Why, for an erasure: the coordinator's words or "retention". */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** The database transaction of a CHANGE (for the one-per-transaction rule); null for the other actions. */
  @Column({ type: 'bigint', nullable: true })
  transactionId: string | null;
}
