import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor } from '@app/common';
import { BaseRepository, Transaction } from '@app/database';
import { AuditAction, AuditLogEntryEntity, AuditSubjectKind } from '../entities';
import { AuditScopeSubscriber } from './audit-scope.subscriber';

/** One row as written, its operation already cut to the column's width. */
export interface AuditRow {
  actorUserId: string | null;
  action: AuditAction;
  subjectKind: AuditSubjectKind;
  subjectId: string;
  operation: string;
  requestId: string | null;
  reason: string | null;
}

export interface AuditListFilter {
  actorId?: string;
  subjectId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
}

/**
 * The audit_log_entry table. It also hands the data source the AuditScopeSubscriber at start-up
 * (the subscriber belongs to the connection, and this is the privacy lib's holder of it), so the
 * audit triggers see who changed personal data, whatever lib made the change.
 */
@Injectable()
export class AuditLogRepository extends BaseRepository implements OnModuleInit {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  onModuleInit(): void {
    if (!this.dataSource.subscribers.some((subscriber) => subscriber instanceof AuditScopeSubscriber))
      this.dataSource.subscribers.push(new AuditScopeSubscriber());
  }

  async insert(row: AuditRow, tx?: Transaction): Promise<void> {
    await this.on(tx).query(
      `INSERT INTO audit_log_entry (actor_user_id, action, subject_kind, subject_id, operation, request_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.actorUserId, row.action, row.subjectKind, row.subjectId, row.operation, row.requestId, row.reason],
    );
  }

  /** The reads of one request, in one statement; operations already cut to the column's width. */
  async insertReads(
    actorUserId: string | null,
    requestId: string | null,
    reads: readonly { subjectKind: AuditSubjectKind; subjectId: string; operation: string }[],
    tx?: Transaction,
  ): Promise<void> {
    await this.on(tx).query(
      `INSERT INTO audit_log_entry (actor_user_id, action, subject_kind, subject_id, operation, request_id)
       SELECT $1, 'READ', kind, id, operation, $2 FROM unnest($3::audit_subject_kind[], $4::uuid[], $5::varchar[]) AS read(kind, id, operation)`,
      [actorUserId, requestId, reads.map((r) => r.subjectKind), reads.map((r) => r.subjectId), reads.map((r) => r.operation)],
    );
  }

  /**
   * Newest first, `size + 1` rows after the cursor (so the caller knows whether there is a next
   * page), and the count of all that match the filter. A participant's id also finds the entries
   * about their trajectories (volunteers' table, read only).
   */
  async page(filter: AuditListFilter, size: number, after: string | null, tx?: Transaction): Promise<{ rows: AuditLogEntryEntity[]; totalCount: number }> {
    const query = this.on(tx).getRepository(AuditLogEntryEntity).createQueryBuilder('e');
    if (filter.actorId) query.andWhere('e.actor_user_id = :actorId', { actorId: filter.actorId });
    if (filter.subjectId) {
      query.andWhere(
        `(e.subject_id = :subjectId OR (e.subject_kind = 'TRAJECTORY' AND e.subject_id IN (SELECT t.id FROM trajectory t WHERE t.participant_id = :subjectId)))`,
        {
          subjectId: filter.subjectId,
        },
      );
    }
    if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
    if (filter.from) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.at < :to', { to: filter.to });
    const totalCount = await query.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(e.at, e.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.at, cursorId: cursor.id });
    }
    const rows = await query
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(size + 1)
      .getMany();
    return { rows, totalCount };
  }
}
