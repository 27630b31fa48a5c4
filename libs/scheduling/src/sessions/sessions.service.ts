import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import { Actor, AppError, Clock, decodeCursor, encodeCursor, ErrorCode, hasAnyRole, validate } from '@app/common';
import { PgErrorCode, pgErrorCode, ProgrammeEntity, Role, SessionEntity, SessionStatus, VenueEntity } from '@app/database';
import { addHosts, hostIdsByOwner, hostIdsOf } from '../hosts/host-links';
import { schedulingPolicy } from '../scheduling-policy';
import { SessionHooks } from './session-hooks';
import { MAX_DURATION_MINUTES, MAX_TITLE, requireHosts, requireProgrammeAndVenue, requireValidInstant, sessionCapacity } from './session-rules';

export interface CreateSessionCommand {
  programmeId: string;
  venueId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity?: number | null;
  hostIds?: string[] | null;
}

export interface SessionFilterCommand {
  from?: Date | null;
  to?: Date | null;
  programmeId?: string | null;
  venueId?: string | null;
  organisationId?: string | null;
  seriesId?: string | null;
  includeCancelled?: boolean | null;
}

export interface SessionPage {
  sessions: SessionEntity[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly hooks: SessionHooks,
  ) {}

  async createSession(actor: Actor | null, input: CreateSessionCommand): Promise<SessionEntity> {
    const hostIdsInput = input.hostIds ?? (actor && !schedulingPolicy.isCoordinator(actor) ? [actor.userId] : []);
    schedulingPolicy.requireCanSchedule(actor, hostIdsInput);
    const title = validate.text('title', input.title, { max: MAX_TITLE });
    const startsAt = requireValidInstant('startsAt', input.startsAt);
    const endsAt = requireValidInstant('endsAt', input.endsAt);
    validate.range('startsAt', startsAt, endsAt);
    if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MINUTES * 60_000) throw AppError.badInput(`a session lasts at most ${MAX_DURATION_MINUTES / 60} hours`, 'endsAt');
    if (startsAt.getTime() <= this.clock.now().getTime()) throw AppError.badInput('startsAt is in the past', 'startsAt');
    return this.dataSource.transaction(async (manager) => {
      const { programme, venue } = await requireProgrammeAndVenue(manager, input.programmeId, input.venueId);
      const capacity = sessionCapacity(input.capacity, programme, venue);
      const hostIds = await requireHosts(manager, hostIdsInput);
      const session = await manager.save(SessionEntity, { programmeId: programme.id, venueId: venue.id, title, startsAt, endsAt, capacity, status: SessionStatus.SCHEDULED, seriesId: null });
      await addHosts(manager, 'session', [session.id], hostIds);
      return session;
    });
  }

  async cancelSession(actor: Actor | null, id: string, reason?: string | null): Promise<SessionEntity> {
    const sessionId = validate.uuid('id', id);
    const cancellationReason = validate.optionalText('reason', reason, 1000);
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw AppError.notFound('Session', sessionId);
      schedulingPolicy.requireCanManageHosted(actor, await hostIdsOf(manager, 'session', sessionId), 'cancel it');
      if (session.status === SessionStatus.CANCELLED) return session;
      if (session.startsAt.getTime() <= this.clock.now().getTime()) throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has already started; it can no longer be cancelled');
      session.status = SessionStatus.CANCELLED;
      session.cancellationReason = cancellationReason;
      session.cancelledAt = this.clock.now();
      const saved = await manager.save(session);
      await this.hooks.sessionsCancelled(manager, [saved.id], actor?.userId ?? null);
      return saved;
    });
  }

  /** Moves one session in time; registrations stay, and the people on it hear the new time. */
  async moveSession(actor: Actor | null, id: string, startsAtInput: Date, endsAtInput: Date): Promise<SessionEntity> {
    const sessionId = validate.uuid('id', id);
    const startsAt = requireValidInstant('startsAt', startsAtInput);
    const endsAt = requireValidInstant('endsAt', endsAtInput);
    validate.range('startsAt', startsAt, endsAt);
    if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MINUTES * 60_000) throw AppError.badInput(`a session lasts at most ${MAX_DURATION_MINUTES} minutes`, 'endsAt');
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw AppError.notFound('Session', sessionId);
      schedulingPolicy.requireCanManageHosted(actor, await hostIdsOf(manager, 'session', sessionId), 'move it');
      if (session.status === SessionStatus.CANCELLED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session is cancelled');
      const now = this.clock.now().getTime();
      if (session.startsAt.getTime() <= now) throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has already started');
      if (startsAt.getTime() <= now) throw AppError.badInput('startsAt must be in the future', 'startsAt');
      const previousStartsAt = session.startsAt;
      session.startsAt = startsAt;
      session.endsAt = endsAt;
      let saved: SessionEntity;
      try {
        saved = await manager.save(session);
      } catch (error) {
        if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) throw new AppError(ErrorCode.CONFLICT, 'The series already has a session at that time', { field: 'startsAt' });
        throw error;
      }
      if (previousStartsAt.getTime() !== startsAt.getTime()) await this.hooks.sessionMoved(manager, saved, previousStartsAt, actor?.userId ?? null);
      return saved;
    });
  }

  async updateSessionCapacity(actor: Actor | null, id: string, capacity: number): Promise<SessionEntity> {
    const sessionId = validate.uuid('id', id);
    return this.dataSource.transaction(async (manager) => {
      // The row lock serialises capacity changes with the registrations that count against it.
      const session = await manager.findOne(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw AppError.notFound('Session', sessionId);
      schedulingPolicy.requireCanManageHosted(actor, await hostIdsOf(manager, 'session', sessionId), 'change its capacity');
      if (session.status === SessionStatus.CANCELLED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session is cancelled');
      if (session.endsAt.getTime() <= this.clock.now().getTime()) throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session is over');
      const [programme, venue] = await Promise.all([
        manager.findOneByOrFail(ProgrammeEntity, { id: session.programmeId }),
        manager.findOneByOrFail(VenueEntity, { id: session.venueId }),
      ]);
      session.capacity = sessionCapacity(capacity, programme, venue);
      const saved = await manager.save(session);
      // Raising capacity seats the waiting list at once; lowering it never un-confirms anyone.
      await this.hooks.capacityChanged(manager, saved, actor?.userId ?? null);
      return saved;
    });
  }

  findSession(id: string): Promise<SessionEntity | null> {
    return this.dataSource.getRepository(SessionEntity).findOneBy({ id: validate.uuid('id', id) });
  }

  /** The public schedule: sessions in start order, filtered, paged with a keyset cursor. */
  listSessions(filter: SessionFilterCommand | null | undefined, first?: number | null, after?: string | null): Promise<SessionPage> {
    return this.page(this.filtered(filter ?? {}), first, after);
  }

  /**
   * The sessions an account works with: a host's own sessions, a school contact's school's
   * sessions, everything for coordinators; nothing for other roles.
   */
  listMySessions(actor: Actor | null, filter: SessionFilterCommand | null | undefined, first?: number | null, after?: string | null): Promise<SessionPage> {
    if (!actor) throw AppError.unauthenticated();
    const query = this.filtered(filter ?? {});
    if (!schedulingPolicy.isCoordinator(actor)) {
      query.andWhere(
        new Brackets((scope) => {
          scope.where('1 = 0');
          if (hasAnyRole(actor, Role.HOST, Role.VOLUNTEER)) scope.orWhere('s.id IN (SELECT session_id FROM session_host WHERE user_id = :me)', { me: actor.userId });
          if (hasAnyRole(actor, Role.SCHOOL_CONTACT) && actor.organisationId) scope.orWhere('s.venue_id IN (SELECT id FROM venue WHERE organisation_id = :myOrg)', { myOrg: actor.organisationId });
        }),
      );
    }
    return this.page(query, first, after);
  }

  findByIds(ids: readonly string[]): Promise<SessionEntity[]> {
    return this.dataSource.getRepository(SessionEntity).findBy({ id: In([...ids]) });
  }

  findBySeriesIds(seriesIds: readonly string[]): Promise<SessionEntity[]> {
    return this.dataSource.getRepository(SessionEntity).find({ where: { seriesId: In([...seriesIds]) }, order: { startsAt: 'ASC' } });
  }

  /** session id → host user ids, for a batch of sessions in one statement. */
  hostIdsBySessionIds(sessionIds: readonly string[]): Promise<Map<string, string[]>> {
    return hostIdsByOwner(this.dataSource.manager, 'session', sessionIds);
  }

  private filtered(filter: SessionFilterCommand): SelectQueryBuilder<SessionEntity> {
    const query = this.dataSource.getRepository(SessionEntity).createQueryBuilder('s');
    if (filter.from) query.andWhere('s.ends_at > :from', { from: requireValidInstant('from', filter.from) });
    if (filter.to) query.andWhere('s.starts_at < :to', { to: requireValidInstant('to', filter.to) });
    if (filter.from && filter.to && filter.to.getTime() < filter.from.getTime()) throw AppError.badInput('to must not be before from', 'to');
    if (filter.programmeId) query.andWhere('s.programme_id = :programmeId', { programmeId: validate.uuid('programmeId', filter.programmeId) });
    if (filter.venueId) query.andWhere('s.venue_id = :venueId', { venueId: validate.uuid('venueId', filter.venueId) });
    if (filter.seriesId) query.andWhere('s.series_id = :seriesId', { seriesId: validate.uuid('seriesId', filter.seriesId) });
    if (filter.organisationId) {
      query.andWhere('s.venue_id IN (SELECT id FROM venue WHERE organisation_id = :organisationId)', { organisationId: validate.uuid('organisationId', filter.organisationId) });
    }
    if (!filter.includeCancelled) query.andWhere('s.status = :scheduled', { scheduled: SessionStatus.SCHEDULED });
    return query;
  }

  private async page(query: SelectQueryBuilder<SessionEntity>, first?: number | null, after?: string | null): Promise<SessionPage> {
    const size = validate.int('first', first ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    const totalCount = await query.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(s.starts_at, s.id) > (:cursorAt, :cursorId)', { cursorAt: cursor.at, cursorId: cursor.id });
    }
    const rows = await query.orderBy('s.starts_at', 'ASC').addOrderBy('s.id', 'ASC').take(size + 1).getMany();
    const sessions = rows.slice(0, size);
    return { sessions, cursors: sessions.map((s) => encodeCursor(s.startsAt, s.id)), hasNextPage: rows.length > size, totalCount };
  }
}
