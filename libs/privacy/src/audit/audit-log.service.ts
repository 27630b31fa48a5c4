import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppError, decodeCursor, encodeCursor, validate } from '@app/common';
import { AuditAction, AuditLogEntryEntity, AuditSubjectKind } from '../entities';
import { privacyPolicy } from '../privacy-policy';
import { auditScope } from './audit-scope';

export interface AuditEntry {
  action: AuditAction;
  subjectKind: AuditSubjectKind;
  subjectId: string;
  /** Null for the system. */
  actorUserId: string | null;
  reason?: string | null;
}

/** One subject whose personal data one operation of a request showed. */
export interface AuditRead {
  subjectKind: AuditSubjectKind;
  subjectId: string;
  operation: string;
}

export interface AuditLogFilterCommand {
  actorId?: string | null;
  /** A participant's or user's id (a participant's also finds the entries about their trajectories), or a trajectory's. */
  subjectId?: string | null;
  action?: AuditAction | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditLogPage {
  entries: AuditLogEntryEntity[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
/** The column's width; GraphQL field and job names are far shorter. */
const MAX_OPERATION_LENGTH = 100;

/**
 * The audit log: who read, changed, exported or erased whose personal data. Changes are written by
 * the database triggers (see AuditScopeSubscriber); this service writes the rest and reads it back.
 */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** An export or an erasure, in the caller's transaction, so there is never one without the other. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const scope = auditScope.current();
    await manager.query(
      `INSERT INTO audit_log_entry (actor_user_id, action, subject_kind, subject_id, operation, request_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.actorUserId, entry.action, entry.subjectKind, entry.subjectId, (scope?.operation ?? 'unattributed').slice(0, MAX_OPERATION_LENGTH), scope?.requestId ?? null, entry.reason ?? null],
    );
  }

  /** What one request showed, in one statement once the query has run; a failure here must fail the request. */
  async recordReads(actorUserId: string | null, requestId: string | null, reads: readonly AuditRead[]): Promise<void> {
    if (reads.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO audit_log_entry (actor_user_id, action, subject_kind, subject_id, operation, request_id)
       SELECT $1, 'READ', kind, id, operation, $2 FROM unnest($3::audit_subject_kind[], $4::uuid[], $5::varchar[]) AS read(kind, id, operation)`,
      [actorUserId, requestId, reads.map((r) => r.subjectKind), reads.map((r) => r.subjectId), reads.map((r) => r.operation.slice(0, MAX_OPERATION_LENGTH))],
    );
  }

  /** Newest first. Admins only: the log shows what coordinators did too. */
  async list(actor: Actor | null, filter: AuditLogFilterCommand, first?: number | null, after?: string | null): Promise<AuditLogPage> {
    privacyPolicy.requireAdmin(actor, 'read the audit log');
    const size = validate.int('first', first ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    const query = this.dataSource.getRepository(AuditLogEntryEntity).createQueryBuilder('e');
    if (filter.actorId) query.andWhere('e.actor_user_id = :actorId', { actorId: validate.uuid('actorId', filter.actorId) });
    if (filter.subjectId) {
      query.andWhere(`(e.subject_id = :subjectId OR (e.subject_kind = 'TRAJECTORY' AND e.subject_id IN (SELECT t.id FROM trajectory t WHERE t.participant_id = :subjectId)))`, {
        subjectId: validate.uuid('subjectId', filter.subjectId),
      });
    }
    if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
    if (filter.from) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.at < :to', { to: filter.to });
    if (filter.from && filter.to && filter.to.getTime() < filter.from.getTime()) throw AppError.badInput('to must not be before from', 'to');
    const totalCount = await query.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(e.at, e.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.at, cursorId: cursor.id });
    }
    const rows = await query.orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').take(size + 1).getMany();
    const entries = rows.slice(0, size);
    return { entries, cursors: entries.map((e) => encodeCursor(e.at, e.id)), hasNextPage: rows.length > size, totalCount };
  }
}
