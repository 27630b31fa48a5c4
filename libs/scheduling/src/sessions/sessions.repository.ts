import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { BaseRepository, entityColumns, findEntitiesByIds, hydrateEntities, Transaction } from '@app/database';
import { SessionEntity, SessionSeriesEntity, SessionStatus } from '../entities';

/** Who is responsible for a session: its hosts and the organisation of its venue. */
export interface SessionResponsibles {
  hostIds: string[];
  organisationId: string;
}

/** A validated schedule query; the service checks the input, this only builds the statement. */
export interface SessionQuery {
  from?: Date;
  to?: Date;
  programmeId?: string;
  venueId?: string;
  seriesId?: string;
  organisationId?: string;
  includeCancelled: boolean;
  /** Only the sessions an account works with: those it hosts and/or those at its organisation's venues; null: every session. */
  scope: { hostUserId: string | null; organisationId: string | null } | null;
}

/**
 * Locks a session row for the rest of the transaction. Every change to a session's seats
 * (registering, cancelling, capacity) takes this lock first, so they happen one after another.
 */
export function lockSession(tx: Transaction, sessionId: string): Promise<SessionEntity | null> {
  return tx.findOne(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
}

/** Locks the scheduled sessions of a series that start after `after`, in id order so two callers never deadlock. */
export async function lockUpcomingSessionsOfSeries(tx: Transaction, seriesId: string, after: Date): Promise<SessionEntity[]> {
  const sessions = await tx
    .getRepository(SessionEntity)
    .createQueryBuilder('s')
    .where('s.series_id = :seriesId AND s.status = :scheduled AND s.starts_at > :after', { seriesId, scheduled: SessionStatus.SCHEDULED, after })
    .orderBy('s.id')
    .setLock('pessimistic_write')
    .getMany();
  return sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export async function sessionResponsibles(manager: EntityManager, sessionIds: readonly string[]): Promise<Map<string, SessionResponsibles>> {
  const rows = await manager.query<{ id: string; organisation_id: string; host_ids: string[] }[]>(
    `SELECT s.id, v.organisation_id, ARRAY(SELECT sh.user_id FROM session_host sh WHERE sh.session_id = s.id) AS host_ids
       FROM session s JOIN venue v ON v.id = s.venue_id WHERE s.id = ANY($1::uuid[])`,
    [[...sessionIds]],
  );
  return new Map(rows.map((row) => [row.id, { hostIds: row.host_ids, organisationId: row.organisation_id }]));
}

/**
 * The session table. The three functions above are the same statements for other libs that hold
 * a transaction; they are exported from the lib's index as they were before this repository.
 */
@Injectable()
export class SessionsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  lock(sessionId: string, tx: Transaction): Promise<SessionEntity | null> {
    return lockSession(tx, sessionId);
  }

  lockUpcomingOfSeries(seriesId: string, after: Date, tx: Transaction): Promise<SessionEntity[]> {
    return lockUpcomingSessionsOfSeries(tx, seriesId, after);
  }

  responsibles(sessionIds: readonly string[], tx?: Transaction): Promise<Map<string, SessionResponsibles>> {
    return sessionResponsibles(this.on(tx), sessionIds);
  }

  findById(id: string, tx?: Transaction): Promise<SessionEntity | null> {
    return this.on(tx).getRepository(SessionEntity).findOneBy({ id });
  }

  /** For DataLoaders: a statement written once, not built per call (findEntitiesByIds). */
  findByIds(ids: readonly string[], tx?: Transaction): Promise<SessionEntity[]> {
    return findEntitiesByIds(this.on(tx), SessionEntity, ids);
  }

  findBySeriesIds(seriesIds: readonly string[], tx?: Transaction): Promise<SessionEntity[]> {
    return this.on(tx)
      .getRepository(SessionEntity)
      .find({ where: { seriesId: In([...seriesIds]) }, order: { startsAt: 'ASC' } });
  }

  /** Inserts a new session (a plain object) or saves a loaded one. */
  create(session: Partial<SessionEntity>, tx?: Transaction): Promise<SessionEntity> {
    return this.on(tx).save(SessionEntity, session);
  }

  save(session: SessionEntity, tx?: Transaction): Promise<SessionEntity> {
    return this.on(tx).save(session);
  }

  futureOfSeries(seriesId: string, now: Date, tx?: Transaction): Promise<SessionEntity[]> {
    return this.on(tx).getRepository(SessionEntity).createQueryBuilder('s').where('s.series_id = :id AND s.starts_at > :now', { id: seriesId, now }).getMany();
  }

  async deleteByIds(ids: string[], tx?: Transaction): Promise<void> {
    await this.on(tx).delete(SessionEntity, { id: In(ids) });
  }

  async cancelByIds(ids: string[], cancellationReason: string, cancelledAt: Date, tx?: Transaction): Promise<void> {
    await this.on(tx).update(SessionEntity, { id: In(ids) }, { status: SessionStatus.CANCELLED, cancellationReason, cancelledAt });
  }

  /** A series' changed title, duration and capacity on sessions it keeps. */
  async updateFromSeries(ids: string[], title: string, durationMinutes: number, capacity: number, tx?: Transaction): Promise<void> {
    await this.on(tx).query(
      `UPDATE session SET title = $2, ends_at = starts_at + make_interval(mins => $3), capacity = $4, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [ids, title, durationMinutes, capacity],
    );
  }

  /** Inserts a series' occurrences, skipping starts it already has; returns the new sessions' ids. */
  async insertForSeries(series: SessionSeriesEntity, starts: Date[], capacity: number, tx?: Transaction): Promise<string[]> {
    const inserted = await this.on(tx).query<{ id: string }[]>(
      `INSERT INTO session (programme_id, venue_id, series_id, title, starts_at, ends_at, capacity, status)
       SELECT $1, $2, $3, $4, st, st + make_interval(mins => $5), $6, $7 FROM unnest($8::timestamptz[]) AS st
       ON CONFLICT (series_id, starts_at) DO NOTHING RETURNING id`,
      [
        series.programmeId,
        series.venueId,
        series.id,
        series.title,
        series.durationMinutes,
        capacity,
        SessionStatus.SCHEDULED,
        starts.map((d) => d.toISOString()),
      ],
    );
    return inserted.map((r) => r.id);
  }

  /** Cancels the scheduled, not yet started sessions of holiday-skipping series at the organisation's venues on a Brussels date. */
  async cancelHolidaySkippingOn(organisationId: string, date: string, reason: string, now: Date, tx?: Transaction): Promise<string[]> {
    const [cancelled] = await this.on(tx).query<[{ id: string }[], number]>(
      `UPDATE session s SET status = $4, cancellation_reason = $3, cancelled_at = $5, updated_at = now()
         FROM session_series ss, venue v
        WHERE s.series_id = ss.id AND ss.skip_school_holidays AND s.venue_id = v.id AND v.organisation_id = $1
          AND s.status = 'SCHEDULED' AND s.starts_at > $5
          AND (s.starts_at AT TIME ZONE 'Europe/Brussels')::date = $2::date
        RETURNING s.id`,
      [organisationId, date, reason, SessionStatus.CANCELLED, now],
    );
    return cancelled.map((row) => row.id);
  }

  /**
   * One page of sessions in start order after the keyset cursor, with the count of the whole query,
   * in one statement: the count's row is always there (an empty page too), the page's rows joined to
   * it. The statement is written here rather than built by TypeORM's query builder, and its rows
   * hydrated by lean-entities: the public schedule runs it on every request (bench/README.md).
   */
  async page(
    filter: SessionQuery,
    size: number,
    cursor: { at: Date; id: string } | null,
    tx?: Transaction,
  ): Promise<{ rows: SessionEntity[]; totalCount: number }> {
    const manager = this.on(tx);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = this.filterSql(filter, param);
    const pageWhere = cursor ? `${where} AND (s.starts_at, s.id) > (${param(cursor.at)}, ${param(cursor.id)})` : where;
    const columns = entityColumns(manager, SessionEntity, 's');
    if (!columns) throw new Error('SessionEntity must stay readable by lean-entities');
    const rows = await manager.query<({ total_count: number } & Record<string, unknown>)[]>(
      `SELECT c.total_count, p.* FROM (SELECT count(*)::int AS total_count FROM session s WHERE ${where}) c
         LEFT JOIN LATERAL (SELECT ${columns} FROM session s WHERE ${pageWhere} ORDER BY s.starts_at ASC, s.id ASC LIMIT ${param(size + 1)}) p ON true
        ORDER BY p.starts_at ASC, p.id ASC`,
      params,
    );
    const pageRows = rows.length === 1 && rows[0].id === null ? [] : rows;
    return { rows: hydrateEntities(manager, SessionEntity, pageRows), totalCount: rows[0].total_count };
  }

  /** The filter as a WHERE condition on `session s`; values only as parameters. */
  private filterSql(filter: SessionQuery, param: (value: unknown) => string): string {
    const conditions: string[] = [];
    if (filter.from) conditions.push(`s.ends_at > ${param(filter.from)}`);
    if (filter.to) conditions.push(`s.starts_at < ${param(filter.to)}`);
    if (filter.programmeId) conditions.push(`s.programme_id = ${param(filter.programmeId)}`);
    if (filter.venueId) conditions.push(`s.venue_id = ${param(filter.venueId)}`);
    if (filter.seriesId) conditions.push(`s.series_id = ${param(filter.seriesId)}`);
    if (filter.organisationId) conditions.push(`s.venue_id IN (SELECT id FROM venue WHERE organisation_id = ${param(filter.organisationId)})`);
    if (!filter.includeCancelled) conditions.push(`s.status = ${param(SessionStatus.SCHEDULED)}`);
    const scope = filter.scope;
    if (scope) {
      const mine = ['1 = 0'];
      if (scope.hostUserId) mine.push(`s.id IN (SELECT session_id FROM session_host WHERE user_id = ${param(scope.hostUserId)})`);
      if (scope.organisationId) mine.push(`s.venue_id IN (SELECT id FROM venue WHERE organisation_id = ${param(scope.organisationId)})`);
      conditions.push(`(${mine.join(' OR ')})`);
    }
    return conditions.length ? conditions.join(' AND ') : 'true';
  }
}
