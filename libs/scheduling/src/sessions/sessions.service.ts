import { Injectable } from '@nestjs/common';
import type { UserEntity } from '@app/auth';
import { Actor, AppError, Clock, decodeCursor, encodeCursor, ErrorCode, hasAnyRole, validate, Role } from '@app/common';
import { PgErrorCode, pgErrorCode, Transactions } from '@app/database';
import { DomainEvents } from '@app/events';
import { SessionEntity, SessionStatus } from '../entities';
import { HostsRepository } from '../hosts/hosts.repository';
import { ProgrammesRepository } from '../programmes/programmes.repository';
import { schedulingPolicy } from '../scheduling-policy';
import { VenuesRepository } from '../venues/venues.repository';
import { MAX_DURATION_MINUTES, MAX_TITLE, requireHosts, requireProgrammeAndVenue, requireValidInstant, sessionCapacity } from './session-rules';
import { SessionQuery, SessionsRepository } from './sessions.repository';

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
    private readonly transactions: Transactions,
    private readonly sessions: SessionsRepository,
    private readonly hosts: HostsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly venues: VenuesRepository,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  async createSession(actor: Actor | null, input: CreateSessionCommand): Promise<SessionEntity> {
    const hostIdsInput = input.hostIds ?? (actor && !schedulingPolicy.isCoordinator(actor) ? [actor.userId] : []);
    schedulingPolicy.requireCanSchedule(actor, hostIdsInput);
    const title = validate.text('title', input.title, { max: MAX_TITLE });
    const startsAt = requireValidInstant('startsAt', input.startsAt);
    const endsAt = requireValidInstant('endsAt', input.endsAt);
    validate.range('startsAt', startsAt, endsAt);
    if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MINUTES * 60_000)
      throw AppError.badInput(`a session lasts at most ${MAX_DURATION_MINUTES / 60} hours`, 'endsAt');
    if (startsAt.getTime() <= this.clock.now().getTime()) throw AppError.badInput('startsAt is in the past', 'startsAt');
    return this.transactions.run(async (tx) => {
      const { programme, venue } = await requireProgrammeAndVenue({ programmes: this.programmes, venues: this.venues }, input.programmeId, input.venueId, tx);
      const capacity = sessionCapacity(input.capacity, programme, venue);
      const hostIds = await requireHosts(this.hosts, hostIdsInput, tx);
      const session = await this.sessions.create(
        { programmeId: programme.id, venueId: venue.id, title, startsAt, endsAt, capacity, status: SessionStatus.SCHEDULED, seriesId: null },
        tx,
      );
      await this.hosts.addHosts('session', [session.id], hostIds, tx);
      return session;
    });
  }

  async cancelSession(actor: Actor | null, id: string, reason?: string | null): Promise<SessionEntity> {
    const sessionId = validate.uuid('id', id);
    const cancellationReason = validate.optionalText('reason', reason, 1000);
    return this.transactions.run(async (tx) => {
      const session = await this.sessions.lock(sessionId, tx);
      if (!session) throw AppError.notFound('Session', sessionId);
      schedulingPolicy.requireCanManageHosted(actor, await this.hosts.hostIdsOf('session', sessionId, tx), 'cancel it');
      if (session.status === SessionStatus.CANCELLED) return session;
      if (session.startsAt.getTime() <= this.clock.now().getTime())
        throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has already started; it can no longer be cancelled');
      session.status = SessionStatus.CANCELLED;
      session.cancellationReason = cancellationReason;
      session.cancelledAt = this.clock.now();
      const saved = await this.sessions.save(session, tx);
      await this.events.emit(tx, 'sessions.cancelled', { sessionIds: [saved.id], actorId: actor?.userId ?? null });
      return saved;
    });
  }

  /** Moves one session in time, and to another venue when given; registrations stay, and the people on it hear the news. */
  async moveSession(actor: Actor | null, id: string, startsAtInput: Date, endsAtInput: Date, venueIdInput?: string | null): Promise<SessionEntity> {
    const sessionId = validate.uuid('id', id);
    // Left out (undefined or null): the session stays where it is; anything else, even "", must be a venue's id.
    const venueId = venueIdInput === undefined || venueIdInput === null ? null : validate.uuid('venueId', venueIdInput);
    const startsAt = requireValidInstant('startsAt', startsAtInput);
    const endsAt = requireValidInstant('endsAt', endsAtInput);
    validate.range('startsAt', startsAt, endsAt);
    if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MINUTES * 60_000)
      throw AppError.badInput(`a session lasts at most ${MAX_DURATION_MINUTES} minutes`, 'endsAt');
    return this.transactions.run(async (tx) => {
      const session = await this.sessions.lock(sessionId, tx);
      if (!session) throw AppError.notFound('Session', sessionId);
      schedulingPolicy.requireCanManageHosted(actor, await this.hosts.hostIdsOf('session', sessionId, tx), 'move it');
      if (session.status === SessionStatus.CANCELLED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session is cancelled');
      const now = this.clock.now().getTime();
      if (session.startsAt.getTime() <= now) throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has already started');
      if (startsAt.getTime() <= now) throw AppError.badInput('startsAt must be in the future', 'startsAt');
      const previousStartsAt = session.startsAt;
      const previousVenueId = session.venueId;
      if (venueId && venueId !== session.venueId) {
        const { programme, venue } = await requireProgrammeAndVenue({ programmes: this.programmes, venues: this.venues }, session.programmeId, venueId, tx);
        // The new room must hold the seats already given out (sessionCapacity refuses a capacity above its limit).
        sessionCapacity(session.capacity, programme, venue);
        session.venueId = venue.id;
      }
      session.startsAt = startsAt;
      session.endsAt = endsAt;
      let saved: SessionEntity;
      try {
        saved = await this.sessions.save(session, tx);
      } catch (error) {
        if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION)
          throw new AppError(ErrorCode.CONFLICT, 'The series already has a session at that time', { field: 'startsAt' });
        throw error;
      }
      if (previousStartsAt.getTime() !== startsAt.getTime() || previousVenueId !== saved.venueId)
        await this.events.emit(tx, 'session.moved', { session: saved, previousStartsAt, actorId: actor?.userId ?? null });
      return saved;
    });
  }

  /** Coordinators add a host (a user with the HOST or VOLUNTEER role, or a coordinator); adding one twice changes nothing. */
  async assignSessionHost(actor: Actor | null, sessionIdInput: string, userIdInput: string): Promise<SessionEntity> {
    schedulingPolicy.requireCoordinator(actor, 'assign hosts');
    const sessionId = validate.uuid('sessionId', sessionIdInput);
    const userId = validate.uuid('userId', userIdInput);
    return this.transactions.run(async (tx) => {
      const session = await this.sessions.lock(sessionId, tx);
      if (!session) throw AppError.notFound('Session', sessionId);
      const [hostId] = await requireHosts(this.hosts, [userId], tx).catch((error: unknown) => {
        throw error instanceof AppError && error.details.field === 'hostIds' ? AppError.badInput(error.message, 'userId') : error;
      });
      await this.hosts.addHosts('session', [session.id], [hostId], tx);
      return session;
    });
  }

  /** Coordinators remove a host; the session may go on without one (a coordinator then runs it). */
  async unassignSessionHost(actor: Actor | null, sessionIdInput: string, userIdInput: string): Promise<SessionEntity> {
    schedulingPolicy.requireCoordinator(actor, 'unassign hosts');
    const sessionId = validate.uuid('sessionId', sessionIdInput);
    const userId = validate.uuid('userId', userIdInput);
    return this.transactions.run(async (tx) => {
      const session = await this.sessions.lock(sessionId, tx);
      if (!session) throw AppError.notFound('Session', sessionId);
      if (!(await this.hosts.hostIdsOf('session', sessionId, tx)).includes(userId)) throw AppError.badInput('this user does not host the session', 'userId');
      await this.hosts.removeHost('session', session.id, userId, tx);
      return session;
    });
  }

  /** Who may be made a host: active users with the HOST or VOLUNTEER role. Coordinators. */
  hostCandidateIds(actor: Actor | null): Promise<string[]> {
    schedulingPolicy.requireCoordinator(actor, 'list who may host');
    return this.hosts.activeUserIdsWithRoles([Role.HOST, Role.VOLUNTEER]);
  }

  async updateSessionCapacity(actor: Actor | null, id: string, capacity: number): Promise<SessionEntity> {
    const sessionId = validate.uuid('id', id);
    return this.transactions.run(async (tx) => {
      // The row lock serialises capacity changes with the registrations that count against it.
      const session = await this.sessions.lock(sessionId, tx);
      if (!session) throw AppError.notFound('Session', sessionId);
      schedulingPolicy.requireCanManageHosted(actor, await this.hosts.hostIdsOf('session', sessionId, tx), 'change its capacity');
      if (session.status === SessionStatus.CANCELLED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session is cancelled');
      if (session.endsAt.getTime() <= this.clock.now().getTime()) throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session is over');
      const [programme, venue] = await Promise.all([this.programmes.findByIdOrFail(session.programmeId, tx), this.venues.findByIdOrFail(session.venueId, tx)]);
      session.capacity = sessionCapacity(capacity, programme, venue);
      const saved = await this.sessions.save(session, tx);
      // Raising capacity seats the waiting list at once; lowering it never un-confirms anyone.
      await this.events.emit(tx, 'session.capacityChanged', { session: saved, actorId: actor?.userId ?? null });
      return saved;
    });
  }

  findSession(id: string): Promise<SessionEntity | null> {
    return this.sessions.findById(validate.uuid('id', id));
  }

  /** The public schedule: sessions in start order, filtered, paged with a keyset cursor. */
  listSessions(filter: SessionFilterCommand | null | undefined, first?: number | null, after?: string | null): Promise<SessionPage> {
    return this.page(this.query(filter ?? {}, null), first, after);
  }

  /**
   * The sessions an account works with: a host's own sessions, a school contact's school's
   * sessions, everything for coordinators; nothing for other roles.
   */
  listMySessions(actor: Actor | null, filter: SessionFilterCommand | null | undefined, first?: number | null, after?: string | null): Promise<SessionPage> {
    if (!actor) throw AppError.unauthenticated();
    const scope = schedulingPolicy.isCoordinator(actor)
      ? null
      : {
          hostUserId: hasAnyRole(actor, Role.HOST, Role.VOLUNTEER) ? actor.userId : null,
          organisationId: hasAnyRole(actor, Role.SCHOOL_CONTACT) && actor.organisationId ? actor.organisationId : null,
        };
    return this.page(this.query(filter ?? {}, scope), first, after);
  }

  findByIds(ids: readonly string[]): Promise<SessionEntity[]> {
    return this.sessions.findByIds(ids);
  }

  findBySeriesIds(seriesIds: readonly string[]): Promise<SessionEntity[]> {
    return this.sessions.findBySeriesIds(seriesIds);
  }

  /** session id → its hosts' accounts, for a batch of sessions in one statement. */
  hostsBySessionIds(sessionIds: readonly string[]): Promise<Map<string, UserEntity[]>> {
    return this.hosts.hostsByOwner('session', sessionIds);
  }

  /** session id → host user ids, for a batch of sessions in one statement. */
  hostIdsBySessionIds(sessionIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.hosts.hostIdsByOwner('session', sessionIds);
  }

  /** Checks the filter (in the order the schedule always reported bad input) into a query for the repository. */
  private query(filter: SessionFilterCommand, scope: SessionQuery['scope']): SessionQuery {
    const query: SessionQuery = { includeCancelled: !!filter.includeCancelled, scope };
    if (filter.from) query.from = requireValidInstant('from', filter.from);
    if (filter.to) query.to = requireValidInstant('to', filter.to);
    if (filter.from && filter.to && filter.to.getTime() < filter.from.getTime()) throw AppError.badInput('to must not be before from', 'to');
    if (filter.programmeId) query.programmeId = validate.uuid('programmeId', filter.programmeId);
    if (filter.venueId) query.venueId = validate.uuid('venueId', filter.venueId);
    if (filter.seriesId) query.seriesId = validate.uuid('seriesId', filter.seriesId);
    if (filter.organisationId) query.organisationId = validate.uuid('organisationId', filter.organisationId);
    return query;
  }

  private async page(query: SessionQuery, first?: number | null, after?: string | null): Promise<SessionPage> {
    const size = validate.int('first', first ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    const cursor = after ? decodeCursor(after) : null;
    const { rows, totalCount } = await this.sessions.page(query, size, cursor);
    const sessions = rows.slice(0, size);
    return { sessions, cursors: sessions.map((s) => encodeCursor(s.startsAt, s.id)), hasNextPage: rows.length > size, totalCount };
  }
}
