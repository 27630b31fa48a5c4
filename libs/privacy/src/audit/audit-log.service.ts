import { Injectable } from '@nestjs/common';
import { Actor, AppError, encodeCursor, validate } from '@app/common';
import type { Transaction } from '@app/database';
import { AuditAction, AuditLogEntryEntity, AuditSubjectKind } from '../entities';
import { privacyPolicy } from '../privacy-policy';
import { AuditLogRepository } from './audit-log.repository';
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
  constructor(private readonly repository: AuditLogRepository) {}

  /** An export or an erasure, in the caller's transaction, so there is never one without the other. */
  async record(tx: Transaction, entry: AuditEntry): Promise<void> {
    const scope = auditScope.current();
    await this.repository.insert(
      {
        actorUserId: entry.actorUserId,
        action: entry.action,
        subjectKind: entry.subjectKind,
        subjectId: entry.subjectId,
        operation: (scope?.operation ?? 'unattributed').slice(0, MAX_OPERATION_LENGTH),
        requestId: scope?.requestId ?? null,
        reason: entry.reason ?? null,
      },
      tx,
    );
  }

  /** What one request showed, in one statement once the query has run; a failure here must fail the request. */
  async recordReads(actorUserId: string | null, requestId: string | null, reads: readonly AuditRead[]): Promise<void> {
    if (reads.length === 0) return;
    await this.repository.insertReads(
      actorUserId,
      requestId,
      reads.map((read) => ({ ...read, operation: read.operation.slice(0, MAX_OPERATION_LENGTH) })),
    );
  }

  /** Newest first. Admins only: the log shows what coordinators did too. */
  async list(actor: Actor | null, filter: AuditLogFilterCommand, first?: number | null, after?: string | null): Promise<AuditLogPage> {
    privacyPolicy.requireAdmin(actor, 'read the audit log');
    const size = validate.int('first', first ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    const actorId = filter.actorId ? validate.uuid('actorId', filter.actorId) : undefined;
    const subjectId = filter.subjectId ? validate.uuid('subjectId', filter.subjectId) : undefined;
    if (filter.from && filter.to && filter.to.getTime() < filter.from.getTime()) throw AppError.badInput('to must not be before from', 'to');
    const { rows, totalCount } = await this.repository.page(
      { actorId, subjectId, action: filter.action ?? undefined, from: filter.from ?? undefined, to: filter.to ?? undefined },
      size,
      after ?? null,
    );
    const entries = rows.slice(0, size);
    return { entries, cursors: entries.map((e) => encodeCursor(e.at, e.id)), hasNextPage: rows.length > size, totalCount };
  }
}
