import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, AppError, Clock, ErrorCode, validate } from '@app/common';
import { PgErrorCode, pgErrorCode } from '@app/database';
import { ParticipantEntity, RegistrationEntity, RegistrationEventKind, RegistrationStatus, SEATED_REGISTRATION_STATUSES } from '../entities';
import { lockSession, lockUpcomingSessionsOfSeries, sessionResponsibles, SessionEntity, SessionSeriesEntity, SessionStatus } from '@app/scheduling';
import { EventMap, OnEvent } from '@app/events';
import { RegistrationEventInput, RegistrationEvents } from '../events/registration-events';
import { NewParticipantCommand, ValidParticipant, validateNewParticipant } from '../participants/participant-rules';
import { ParticipantsService } from '../participants/participants.service';
import { registrationPolicy, SessionScope } from '../registration-policy';
import { seatCounts, SessionCounts } from './seat-counts';
import { freeSeats, statusOfNewRegistration } from './seat-rules';

export interface RegisterCommand {
  sessionId: string;
  participantId?: string | null;
  participant?: NewParticipantCommand | null;
}

export interface RegisterForSeriesCommand {
  seriesId: string;
  participantId?: string | null;
  participant?: NewParticipantCommand | null;
}

type Who = { participantId: string } | { participant: NewParticipantCommand };

const SEATED: RegistrationStatus[] = [...SEATED_REGISTRATION_STATUSES];
const LIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW];

/**
 * Seats and waiting lists. Every change to a session's registrations runs in one transaction
 * that first locks the session row, so seats are counted and given out one request at a time,
 * on any number of API replicas (docs/architecture.md#invariant-1 and #invariant-2).
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly participants: ParticipantsService,
    private readonly events: RegistrationEvents,
    private readonly clock: Clock,
  ) {}

  /** More seats: the waiting list moves up (before the alerts look at the session). */
  @OnEvent({ name: 'session.capacityChanged', order: 10 })
  async onCapacityChanged(manager: EntityManager, { session, actorId }: EventMap['session.capacityChanged']): Promise<void> {
    await this.promoteWaitlist(manager, session as SessionEntity, actorId);
  }

  @OnEvent({ name: 'sessions.cancelled', order: 10 })
  async onSessionsCancelled(manager: EntityManager, { sessionIds, actorId }: EventMap['sessions.cancelled']): Promise<void> {
    await this.recordSessionCancelled(manager, sessionIds, actorId);
  }

  @OnEvent({ name: 'sessions.inUse', order: 10 })
  async onSessionsInUse(manager: EntityManager, { sessionIds, inUse }: EventMap['sessions.inUse']): Promise<void> {
    for (const id of await this.sessionsWithLiveRegistrations(manager, sessionIds)) inUse.add(id);
  }

  /** Confirms the participant when a seat is free, otherwise puts them at the end of the waiting list. */
  async registerParticipant(actor: Actor | null, input: RegisterCommand): Promise<RegistrationEntity> {
    if (!actor) throw AppError.unauthenticated();
    const sessionId = validate.uuid('sessionId', input.sessionId);
    const who = whoToRegister(input);
    return this.dataSource.transaction(async (manager) => {
      const session = await lockSession(manager, sessionId);
      if (!session) throw AppError.notFound('Session', sessionId);
      const scope = await this.scopeOf(manager, session);
      registrationPolicy.requireCanManageRegistrations(actor, scope);
      this.requireOpen(session);
      const participant = await this.resolveParticipant(manager, actor, who, scope);
      const existing = await this.liveRegistration(manager, session.id, participant.id);
      if (existing) throw alreadyRegistered(existing.id);
      return this.insertRegistration(manager, actor.userId, session, participant.id, null);
    });
  }

  /**
   * A newcomer who proved their phone with an SMS code registers themself, in the caller's
   * transaction: no staff member acts, so the participant, their consent and the registration
   * carry no actor. Someone with this phone already in the session gets ALREADY_REGISTERED.
   */
  async registerSelf(manager: EntityManager, sessionId: string, newcomer: ValidParticipant): Promise<RegistrationEntity> {
    const session = await lockSession(manager, sessionId);
    if (!session) throw AppError.notFound('Session', sessionId);
    this.requireOpen(session);
    const [registered] = await manager.query<{ id: string }[]>(
      `SELECT r.id FROM registration r JOIN participant p ON p.id = r.participant_id WHERE r.session_id = $1 AND p.phone = $2 AND r.status <> 'CANCELLED' LIMIT 1`,
      [session.id, newcomer.phone],
    );
    if (registered) throw new AppError(ErrorCode.ALREADY_REGISTERED, 'Someone with this phone number is already registered for this session');
    const participant = await this.participants.createParticipant(manager, null, newcomer, null);
    return this.insertRegistration(manager, null, session, participant.id, null);
  }

  /**
   * Registers one participant for every upcoming session of a series (parents come every week);
   * each session confirms or waitlists on its own, and sessions they are already in are kept.
   */
  async registerParticipantForSeries(actor: Actor | null, input: RegisterForSeriesCommand): Promise<RegistrationEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    const seriesId = validate.uuid('seriesId', input.seriesId);
    const who = whoToRegister(input);
    return this.dataSource.transaction(async (manager) => {
      const sessions = await lockUpcomingSessionsOfSeries(manager, seriesId, this.clock.now());
      if (sessions.length === 0) {
        // An unknown series is NOT_FOUND, like an unknown session; a known one has simply run out of dates.
        if (!(await manager.existsBy(SessionSeriesEntity, { id: seriesId }))) throw AppError.notFound('Session series', seriesId);
        throw AppError.badInput('the series has no upcoming sessions to register for', 'seriesId');
      }
      const scopes = await sessionResponsibles(manager, sessions.map((s) => s.id));
      for (const session of sessions) registrationPolicy.requireCanManageRegistrations(actor, scopes.get(session.id)!);
      const participant = await this.resolveParticipant(manager, actor, who, scopes.get(sessions[0].id)!);
      const result: RegistrationEntity[] = [];
      for (const session of sessions) {
        const existing = await this.liveRegistration(manager, session.id, participant.id);
        result.push(existing ?? (await this.insertRegistration(manager, actor.userId, session, participant.id, seriesId)));
      }
      return result;
    });
  }

  /** Frees the place; a freed seat goes to the first person on the waiting list in the same transaction. */
  async cancelRegistration(actor: Actor | null, id: string): Promise<RegistrationEntity> {
    if (!actor) throw AppError.unauthenticated();
    const registrationId = validate.uuid('id', id);
    return this.dataSource.transaction(async (manager) => {
      const sessionId = await this.sessionIdOf(manager, registrationId);
      const session = await lockSession(manager, sessionId);
      registrationPolicy.requireCanManageRegistrations(actor, await this.scopeOf(manager, session!));
      const registration = await manager.findOneByOrFail(RegistrationEntity, { id: registrationId });
      await this.requireSeesInFull(actor, registration.participantId);
      if (registration.status === RegistrationStatus.CANCELLED) return registration;
      if (session!.startsAt.getTime() <= this.clock.now().getTime()) {
        throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has started; mark attendance instead of cancelling');
      }
      return this.cancelLocked(manager, actor, session!, registration);
    });
  }

  /** Cancels the participant's remaining registrations in a series; each freed seat is passed on. */
  async cancelSeriesRegistration(actor: Actor | null, seriesIdInput: string, participantIdInput: string): Promise<RegistrationEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    const seriesId = validate.uuid('seriesId', seriesIdInput);
    const participantId = validate.uuid('participantId', participantIdInput);
    return this.dataSource.transaction(async (manager) => {
      const sessions = await lockUpcomingSessionsOfSeries(manager, seriesId, this.clock.now());
      const scopes = await sessionResponsibles(manager, sessions.map((s) => s.id));
      const registrations = await manager.findBy(RegistrationEntity, {
        sessionId: In(sessions.map((s) => s.id)),
        participantId,
        status: In([RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]),
      });
      if (registrations.length === 0) throw AppError.notFound('Registration of this participant in the series', participantId);
      await this.requireSeesInFull(actor, participantId);
      const cancelled: RegistrationEntity[] = [];
      for (const session of sessions) {
        const registration = registrations.find((r) => r.sessionId === session.id);
        if (!registration) continue;
        registrationPolicy.requireCanManageRegistrations(actor, scopes.get(session.id)!);
        cancelled.push(await this.cancelLocked(manager, actor, session, registration));
      }
      return cancelled;
    });
  }

  /** ATTENDED or NO_SHOW, once the session has started; a no-show keeps the seat it had. */
  async markAttendance(actor: Actor | null, registrationIdInput: string, attended: boolean): Promise<RegistrationEntity> {
    if (!actor) throw AppError.unauthenticated();
    const registrationId = validate.uuid('registrationId', registrationIdInput);
    if (typeof attended !== 'boolean') throw AppError.badInput('attended must be true or false', 'attended');
    return this.dataSource.transaction(async (manager) => {
      const session = await lockSession(manager, await this.sessionIdOf(manager, registrationId));
      registrationPolicy.requireCanMarkAttendance(actor, await this.scopeOf(manager, session!));
      if (session!.status === SessionStatus.CANCELLED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session was cancelled');
      if (session!.startsAt.getTime() > this.clock.now().getTime()) throw AppError.badInput('attendance can be marked once the session has started', 'registrationId');
      const registration = await manager.findOneByOrFail(RegistrationEntity, { id: registrationId });
      if (!SEATED.includes(registration.status)) {
        throw AppError.badInput(`only confirmed participants attend; this registration is ${registration.status}`, 'registrationId');
      }
      registration.status = attended ? RegistrationStatus.ATTENDED : RegistrationStatus.NO_SHOW;
      registration.attendanceMarkedAt = this.clock.now();
      const saved = await manager.save(registration);
      await this.events.record(manager, [eventOf(saved, attended ? RegistrationEventKind.ATTENDED : RegistrationEventKind.NO_SHOW, actor.userId)]);
      return saved;
    });
  }

  /** A registration for whoever may see the session's list; null when unknown or not theirs to see. */
  async findRegistration(actor: Actor | null, id: string): Promise<RegistrationEntity | null> {
    if (!actor) throw AppError.unauthenticated();
    const registration = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ id: validate.uuid('id', id) });
    if (!registration) return null;
    const scope = (await sessionResponsibles(this.dataSource.manager, [registration.sessionId])).get(registration.sessionId)!;
    if (!registrationPolicy.canManageRegistrations(actor, scope)) throw AppError.forbidden('This registration belongs to a session you do not manage');
    return registration;
  }

  responsiblesBySessionIds(sessionIds: readonly string[]): Promise<Map<string, SessionScope>> {
    return sessionResponsibles(this.dataSource.manager, sessionIds);
  }

  countsBySessionIds(sessionIds: readonly string[]): Promise<Map<string, SessionCounts>> {
    return seatCounts(this.dataSource.manager, sessionIds);
  }

  /** registration id → position on its session's waiting list (1 = next), for WAITLISTED ones. */
  async waitlistPositions(registrationIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<{ id: string; position: number }[]>(
      `SELECT id, position FROM (
         SELECT r.id, row_number() OVER (PARTITION BY r.session_id ORDER BY r.arrival)::int AS position
           FROM registration r
          WHERE r.status = 'WAITLISTED' AND r.session_id IN (SELECT session_id FROM registration WHERE id = ANY($1::uuid[]))
       ) ranked WHERE id = ANY($1::uuid[])`,
      [[...registrationIds]],
    );
    return new Map(rows.map((row) => [row.id, row.position]));
  }

  /** The sessions' registrations: seated ones in order of arrival, then the waiting list in order. */
  registrationsBySessionIds(sessionIds: readonly string[], includeCancelled: boolean): Promise<RegistrationEntity[]> {
    const query = this.dataSource
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .where('r.session_id IN (:...sessionIds)', { sessionIds: [...sessionIds] })
      .orderBy(`CASE r.status WHEN 'WAITLISTED' THEN 1 WHEN 'CANCELLED' THEN 2 ELSE 0 END`)
      .addOrderBy('r.arrival');
    if (!includeCancelled) query.andWhere(`r.status <> 'CANCELLED'`);
    return query.getMany();
  }

  findByIds(ids: readonly string[]): Promise<RegistrationEntity[]> {
    return this.dataSource.getRepository(RegistrationEntity).findBy({ id: In([...ids]) });
  }

  /** Gives free seats to the waiting list in order of arrival; returns how many were promoted. */
  async promoteWaitlist(manager: EntityManager, session: SessionEntity, actorId: string | null): Promise<number> {
    const promoted = await this.promote(manager, session, actorId);
    await this.events.record(manager, promoted);
    return promoted.length;
  }

  /** The promotion itself; the caller records its events together with its own, so listeners see only the final state. */
  private async promote(manager: EntityManager, session: SessionEntity, actorId: string | null): Promise<RegistrationEventInput[]> {
    if (session.status !== SessionStatus.SCHEDULED) return [];
    const { seated } = (await seatCounts(manager, [session.id])).get(session.id)!;
    const free = freeSeats(session.capacity, seated);
    if (free === 0) return [];
    const [promoted] = await manager.query<[RegistrationRow[], number]>(
      `UPDATE registration SET status = 'CONFIRMED', updated_at = now()
        WHERE id IN (SELECT id FROM registration WHERE session_id = $1 AND status = 'WAITLISTED' ORDER BY arrival LIMIT $2)
        RETURNING id, session_id, participant_id`,
      [session.id, free],
    );
    return promoted.map((row) => ({ kind: RegistrationEventKind.PROMOTED, registrationId: row.id, sessionId: row.session_id, participantId: row.participant_id, actorId }));
  }

  /** actorId: the staff member registering them; null when the newcomer registered themself. */
  private async insertRegistration(manager: EntityManager, actorId: string | null, session: SessionEntity, participantId: string, seriesId: string | null): Promise<RegistrationEntity> {
    const { seated, waitlisted } = (await seatCounts(manager, [session.id])).get(session.id)!;
    const status = statusOfNewRegistration(seated, session.capacity);
    let registration: RegistrationEntity;
    try {
      registration = await manager.getRepository(RegistrationEntity).save({ sessionId: session.id, participantId, status, registeredById: actorId, seriesId });
    } catch (error) {
      // The partial unique index is the last word on "one live registration per participant".
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) throw alreadyRegistered();
      throw error;
    }
    await this.events.record(manager, [
      {
        ...eventOf(registration, status === RegistrationStatus.CONFIRMED ? RegistrationEventKind.CONFIRMED : RegistrationEventKind.WAITLISTED, actorId),
        waitlistPosition: status === RegistrationStatus.WAITLISTED ? waitlisted + 1 : null,
      },
    ]);
    return registration;
  }

  private async cancelLocked(manager: EntityManager, actor: Actor, session: SessionEntity, registration: RegistrationEntity): Promise<RegistrationEntity> {
    const heldSeat = SEATED.includes(registration.status);
    registration.status = RegistrationStatus.CANCELLED;
    registration.cancelledAt = this.clock.now();
    const saved = await manager.save(registration);
    const promoted = heldSeat ? await this.promote(manager, session, actor.userId) : [];
    await this.events.record(manager, [eventOf(saved, RegistrationEventKind.CANCELLED, actor.userId), ...promoted]);
    return saved;
  }

  private async resolveParticipant(manager: EntityManager, actor: Actor, who: Who, scope: SessionScope): Promise<ParticipantEntity> {
    if ('participantId' in who) return this.participants.requireVisible(manager, actor, who.participantId);
    // The registering organisation: the caller's own (a school contact's school), otherwise where the session is.
    const organisationId = actor.organisationId ?? scope.organisationId;
    const participant = validateNewParticipant(who.participant, organisationId);
    return (await this.participants.findKnownParent(manager, actor, participant, organisationId)) ?? this.participants.createParticipant(manager, actor, participant, organisationId);
  }

  /**
   * Only who may see the participant in full acts for them: a school contact sees the first name
   * of everyone at its school's sessions, but cancels only for the people its school registered.
   */
  private async requireSeesInFull(actor: Actor, participantId: string): Promise<void> {
    if (registrationPolicy.isCoordinator(actor) || (await this.participants.seesInFull(actor, participantId))) return;
    throw AppError.forbidden('Only who registered this participant (their school, the session’s hosts) or a coordinator cancels for them');
  }

  private requireOpen(session: SessionEntity): void {
    requireOpenForRegistration(session, this.clock.now());
  }

  private async scopeOf(manager: EntityManager, session: SessionEntity): Promise<SessionScope> {
    return (await sessionResponsibles(manager, [session.id])).get(session.id)!;
  }

  private async sessionIdOf(manager: EntityManager, registrationId: string): Promise<string> {
    const [row] = await manager.query<{ session_id: string }[]>(`SELECT session_id FROM registration WHERE id = $1`, [registrationId]);
    if (!row) throw AppError.notFound('Registration', registrationId);
    return row.session_id;
  }

  private liveRegistration(manager: EntityManager, sessionId: string, participantId: string): Promise<RegistrationEntity | null> {
    return manager.findOneBy(RegistrationEntity, { sessionId, participantId, status: In(LIVE) });
  }

  private async recordSessionCancelled(manager: EntityManager, sessionIds: string[], actorId: string | null): Promise<void> {
    const live = await manager.findBy(RegistrationEntity, { sessionId: In(sessionIds), status: In([RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]) });
    await this.events.record(manager, live.map((registration) => eventOf(registration, RegistrationEventKind.SESSION_CANCELLED, actorId)));
  }

  private async sessionsWithLiveRegistrations(manager: EntityManager, sessionIds: string[]): Promise<string[]> {
    const rows = await manager.query<{ session_id: string }[]>(`SELECT DISTINCT session_id FROM registration WHERE session_id = ANY($1::uuid[]) AND status <> 'CANCELLED'`, [sessionIds]);
    return rows.map((row) => row.session_id);
  }
}

interface RegistrationRow {
  id: string;
  session_id: string;
  participant_id: string;
}

/** Exactly one of participantId and participant; a new participant is validated before anything is written. */
export function whoToRegister(input: { participantId?: string | null; participant?: NewParticipantCommand | null }): Who {
  const hasId = input.participantId != null;
  const hasNew = input.participant != null;
  if (hasId === hasNew) throw AppError.badInput('give either participantId or participant, not both or neither', hasId ? 'participant' : 'participantId');
  if (hasId) return { participantId: validate.uuid('participantId', input.participantId!) };
  // Validated once here (organisation-dependent rules again on creation) so bad data fails before any lock.
  validateNewParticipant(input.participant!, 'pending');
  return { participant: input.participant! };
}

/** SESSION_CANCELLED or SESSION_IN_PAST when nobody can register for the session any more. */
export function requireOpenForRegistration(session: SessionEntity, now: Date): void {
  if (session.status === SessionStatus.CANCELLED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session was cancelled');
  if (session.startsAt.getTime() <= now.getTime()) throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has already started');
}

function eventOf(registration: RegistrationEntity, kind: RegistrationEventKind, actorId: string | null): RegistrationEventInput {
  return { kind, registrationId: registration.id, sessionId: registration.sessionId, participantId: registration.participantId, actorId };
}

/** registrationId: the live registration in the way, so the client can show it. */
function alreadyRegistered(registrationId?: string): AppError {
  return new AppError(ErrorCode.ALREADY_REGISTERED, 'This participant is already registered for this session', registrationId ? { registrationId } : {});
}
