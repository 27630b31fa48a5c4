import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, AppError, Clock, ErrorCode, validate } from '@app/common';
import { PgErrorCode, pgErrorCode, Transaction, Transactions } from '@app/database';
import { EventMap, OnEvent, type RegistrationRecipient } from '@app/events';
import { lockSession, lockUpcomingSessionsOfSeries, SessionEntity, SessionStatus } from '@app/scheduling';
import { ChildcareService } from '../childcare/childcare.service';
import { FamilyCommand, validateFamily } from '../childcare/children-rules';
import { HolderVia, ParticipantEntity, RegistrationEntity, RegistrationEventKind, RegistrationStatus, SEATED_REGISTRATION_STATUSES } from '../entities';
import { RegistrationEventInput, RegistrationEvents } from '../events/registration-events';
import { NewParticipantCommand, ValidParticipant, validateNewParticipant } from '../participants/participant-rules';
import { ParticipantsService } from '../participants/participants.service';
import { registrationPolicy, SessionScope } from '../registration-policy';
import { SeatOffersService } from '../seat-offers/seat-offers.service';
import { PersonalLinks } from '../self-service/personal-links';
import { Arrival, RegistrationsRepository } from './registrations.repository';
import { SessionCounts } from './seat-counts';
import { freeSeats } from './seat-rules';

export interface RegisterCommand extends FamilyCommand {
  sessionId: string;
  participantId?: string | null;
  participant?: NewParticipantCommand | null;
}

export interface RegisterForSeriesCommand extends FamilyCommand {
  seriesId: string;
  participantId?: string | null;
  participant?: NewParticipantCommand | null;
}

type Who = { participantId: string } | { participant: NewParticipantCommand };

const SEATED: RegistrationStatus[] = [...SEATED_REGISTRATION_STATUSES];

/**
 * Seats and waiting lists. Every change to a session's registrations runs in one transaction
 * that first locks the session row, so seats are counted and given out one request at a time,
 * on any number of API replicas (docs/architecture.md#invariant-1 and #invariant-2).
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: RegistrationsRepository,
    private readonly participants: ParticipantsService,
    private readonly events: RegistrationEvents,
    private readonly clock: Clock,
    private readonly seatOffers: SeatOffersService,
    private readonly childcare: ChildcareService,
    private readonly links: PersonalLinks,
  ) {}

  /** More seats: the waiting list moves up (before the alerts look at the session). */
  @OnEvent({ name: 'session.capacityChanged', order: 10 })
  async onCapacityChanged(tx: Transaction, { session, actorId }: EventMap['session.capacityChanged']): Promise<void> {
    await this.promoteWaitlist(tx, session as SessionEntity, actorId);
  }

  @OnEvent({ name: 'sessions.cancelled', order: 10 })
  async onSessionsCancelled(tx: Transaction, { sessionIds, actorId }: EventMap['sessions.cancelled']): Promise<void> {
    await this.recordSessionCancelled(tx, sessionIds, actorId);
  }

  @OnEvent({ name: 'sessions.inUse', order: 10 })
  async onSessionsInUse(tx: Transaction, { sessionIds, inUse }: EventMap['sessions.inUse']): Promise<void> {
    for (const id of await this.sessionsWithLiveRegistrations(tx, sessionIds)) inUse.add(id);
  }

  /** Confirms the participant when a seat is free, otherwise puts them at the end of the waiting list. */
  async registerParticipant(actor: Actor | null, input: RegisterCommand): Promise<RegistrationEntity> {
    if (!actor) throw AppError.unauthenticated();
    const sessionId = validate.uuid('sessionId', input.sessionId);
    const who = whoToRegister(input);
    const family = validateFamily(input);
    return this.transactions.run(async (tx) => {
      const locked = await this.repository.lockForArrival(sessionId, tx);
      if (!locked) throw AppError.notFound('Session', sessionId);
      const { session, scope } = locked;
      registrationPolicy.requireCanManageRegistrations(actor, scope);
      this.requireOpen(session);
      const { participant, isNew } = await this.participantToRegister(tx, actor, who, scope);
      // A participant created a moment ago in this transaction has no registration anywhere yet.
      const existing = isNew ? null : await this.liveRegistration(tx, session.id, participant.id);
      if (existing) throw alreadyRegistered(existing.id);
      const arrival = await this.insertRegistration(tx, actor.userId, session, participant, null);
      return this.childcare.arrive(tx, session, arrival.registration, family, arrival.childcare);
    });
  }

  /**
   * A newcomer who proved their phone with an SMS code registers themself, in the caller's
   * transaction: no staff member acts, so the participant, their consent and the registration
   * carry no actor. Someone with this phone already in the session gets ALREADY_REGISTERED.
   */
  async registerSelf(tx: Transaction, sessionId: string, newcomer: ValidParticipant): Promise<RegistrationEntity> {
    const locked = await this.repository.lockForArrival(sessionId, tx);
    if (!locked) throw AppError.notFound('Session', sessionId);
    const { session } = locked;
    this.requireOpen(session);
    if (await this.repository.phoneRegisteredInSession(session.id, newcomer.phone, tx))
      throw new AppError(ErrorCode.ALREADY_REGISTERED, 'Someone with this phone number is already registered for this session');
    const participant = await this.participants.createParticipant(tx, null, newcomer, null);
    return (await this.insertRegistration(tx, null, session, participant, null)).registration;
  }

  /**
   * Registers one participant for every upcoming session of a series (parents come every week);
   * each session confirms or waitlists on its own, and sessions they are already in are kept.
   */
  async registerParticipantForSeries(actor: Actor | null, input: RegisterForSeriesCommand): Promise<RegistrationEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    const seriesId = validate.uuid('seriesId', input.seriesId);
    const who = whoToRegister(input);
    const family = validateFamily(input);
    return this.transactions.run(async (tx) => {
      const sessions = await lockUpcomingSessionsOfSeries(tx, seriesId, this.clock.now());
      if (sessions.length === 0) {
        // An unknown series is NOT_FOUND, like an unknown session; a known one has simply run out of dates.
        if (!(await this.repository.seriesExists(seriesId, tx))) throw AppError.notFound('Session series', seriesId);
        throw AppError.badInput('the series has no upcoming sessions to register for', 'seriesId');
      }
      const scopes = await this.repository.scopes(
        sessions.map((s) => s.id),
        tx,
      );
      for (const session of sessions) registrationPolicy.requireCanManageRegistrations(actor, scopes.get(session.id)!);
      const participant = await this.resolveParticipant(tx, actor, who, scopes.get(sessions[0].id)!);
      const result: RegistrationEntity[] = [];
      for (const session of sessions) {
        const existing = await this.liveRegistration(tx, session.id, participant.id);
        if (existing) {
          result.push(existing);
          continue;
        }
        const arrival = await this.insertRegistration(tx, actor.userId, session, participant, seriesId);
        result.push(await this.childcare.arrive(tx, session, arrival.registration, family, arrival.childcare));
      }
      return result;
    });
  }

  /** Frees the place; a freed seat goes to the first person on the waiting list in the same transaction. */
  async cancelRegistration(actor: Actor | null, id: string): Promise<RegistrationEntity> {
    if (!actor) throw AppError.unauthenticated();
    const registrationId = validate.uuid('id', id);
    return this.transactions.run(async (tx) => {
      const sessionId = await this.sessionIdOf(tx, registrationId);
      const session = await lockSession(tx, sessionId);
      registrationPolicy.requireCanManageRegistrations(actor, await this.scopeOf(tx, session!));
      const registration = await this.repository.findByIdOrFail(registrationId, tx);
      await this.requireSeesInFull(actor, registration.participantId);
      if (registration.status === RegistrationStatus.CANCELLED) return registration;
      if (session!.startsAt.getTime() <= this.clock.now().getTime()) {
        throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has started; mark attendance instead of cancelling');
      }
      return this.cancelLocked(tx, actor, session!, registration);
    });
  }

  /** Cancels the participant's remaining registrations in a series; each freed seat is passed on. */
  async cancelSeriesRegistration(actor: Actor | null, seriesIdInput: string, participantIdInput: string): Promise<RegistrationEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    const seriesId = validate.uuid('seriesId', seriesIdInput);
    const participantId = validate.uuid('participantId', participantIdInput);
    return this.transactions.run(async (tx) => {
      const sessions = await lockUpcomingSessionsOfSeries(tx, seriesId, this.clock.now());
      const scopes = await this.repository.scopes(
        sessions.map((s) => s.id),
        tx,
      );
      const registrations = await this.repository.activeInSessions(
        sessions.map((s) => s.id),
        participantId,
        tx,
      );
      if (registrations.length === 0) throw AppError.notFound('Registration of this participant in the series', participantId);
      await this.requireSeesInFull(actor, participantId);
      const cancelled: RegistrationEntity[] = [];
      for (const session of sessions) {
        const registration = registrations.find((r) => r.sessionId === session.id);
        if (!registration) continue;
        registrationPolicy.requireCanManageRegistrations(actor, scopes.get(session.id)!);
        cancelled.push(await this.cancelLocked(tx, actor, session, registration));
      }
      return cancelled;
    });
  }

  /**
   * Moves a registration to another session of the same programme, in one transaction: the old
   * place is cancelled (its freed seat goes to the source's waiting list) and the participant
   * arrives at the target like any newcomer, seated when a seat is free, otherwise at the end of
   * its waiting list. Both sessions are locked in id order, so two moves in opposite directions
   * wait for each other instead of deadlocking.
   */
  async moveRegistration(actor: Actor | null, registrationIdInput: string, toSessionIdInput: string): Promise<RegistrationEntity> {
    if (!actor) throw AppError.unauthenticated();
    const registrationId = validate.uuid('registrationId', registrationIdInput);
    const toSessionId = validate.uuid('toSessionId', toSessionIdInput);
    return this.transactions.run(async (tx) => {
      const fromSessionId = await this.sessionIdOf(tx, registrationId);
      if (fromSessionId === toSessionId) throw AppError.badInput('the participant is already in this session', 'toSessionId');
      const locked = new Map<string, SessionEntity | null>();
      for (const id of [fromSessionId, toSessionId].sort()) locked.set(id, await lockSession(tx, id));
      const from = locked.get(fromSessionId)!;
      const to = locked.get(toSessionId);
      if (!to) throw AppError.notFound('Session', toSessionId);
      const scopes = await this.repository.scopes([from.id, to.id], tx);
      registrationPolicy.requireCanManageRegistrations(actor, scopes.get(from.id)!);
      registrationPolicy.requireCanManageRegistrations(actor, scopes.get(to.id)!);
      const registration = await this.repository.findByIdOrFail(registrationId, tx);
      await this.requireSeesInFull(actor, registration.participantId);
      if (registration.status !== RegistrationStatus.CONFIRMED && registration.status !== RegistrationStatus.WAITLISTED)
        throw AppError.badInput(`only a confirmed or waiting registration moves; this one is ${registration.status}`, 'registrationId');
      if (from.startsAt.getTime() <= this.clock.now().getTime())
        throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has started; mark attendance instead of moving', { field: 'registrationId' });
      if (to.programmeId !== from.programmeId) throw AppError.badInput('the other session belongs to another programme', 'toSessionId');
      try {
        this.requireOpen(to);
      } catch (error) {
        if (error instanceof AppError) throw new AppError(error.code, error.message, { field: 'toSessionId' });
        throw error;
      }
      const existing = await this.liveRegistration(tx, to.id, registration.participantId);
      if (existing)
        throw new AppError(ErrorCode.ALREADY_REGISTERED, 'This participant is already registered for that session', {
          registrationId: existing.id,
          field: 'toSessionId',
        });
      const family = await this.childcare.familyOf(tx, registration);
      await this.cancelLocked(tx, actor, from, registration);
      const arrival = await this.insertRegistration(tx, actor.userId, to, { id: registration.participantId }, null);
      return this.childcare.arrive(tx, to, arrival.registration, family, arrival.childcare);
    });
  }

  /** ATTENDED or NO_SHOW, once the session has started; a no-show keeps the seat it had. */
  async markAttendance(actor: Actor | null, registrationIdInput: string, attended: boolean): Promise<RegistrationEntity> {
    if (!actor) throw AppError.unauthenticated();
    const registrationId = validate.uuid('registrationId', registrationIdInput);
    if (typeof attended !== 'boolean') throw AppError.badInput('attended must be true or false', 'attended');
    return this.transactions.run(async (tx) => {
      const session = await lockSession(tx, await this.sessionIdOf(tx, registrationId));
      registrationPolicy.requireCanMarkAttendance(actor, await this.scopeOf(tx, session!));
      if (session!.status === SessionStatus.CANCELLED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session was cancelled');
      if (session!.startsAt.getTime() > this.clock.now().getTime())
        throw AppError.badInput('attendance can be marked once the session has started', 'registrationId');
      const registration = await this.repository.findByIdOrFail(registrationId, tx);
      if (!SEATED.includes(registration.status)) {
        throw AppError.badInput(`only confirmed participants attend; this registration is ${registration.status}`, 'registrationId');
      }
      registration.status = attended ? RegistrationStatus.ATTENDED : RegistrationStatus.NO_SHOW;
      registration.attendanceMarkedAt = this.clock.now();
      const saved = await this.repository.save(registration, tx);
      await this.events.record(tx, [eventOf(saved, attended ? RegistrationEventKind.ATTENDED : RegistrationEventKind.NO_SHOW, actor.userId)]);
      return saved;
    });
  }

  /** A registration for whoever may see the session's list; null when unknown or not theirs to see. */
  async findRegistration(actor: Actor | null, id: string): Promise<RegistrationEntity | null> {
    if (!actor) throw AppError.unauthenticated();
    const registration = await this.repository.findById(validate.uuid('id', id));
    if (!registration) return null;
    const scope = (await this.repository.scopes([registration.sessionId])).get(registration.sessionId)!;
    if (!registrationPolicy.canManageRegistrations(actor, scope)) throw AppError.forbidden('This registration belongs to a session you do not manage');
    return registration;
  }

  /**
   * A participant's registrations, newest session first (cancelled ones too: they are history).
   * Coordinators see all of them; others only those at sessions whose registrations they manage.
   */
  async registrationsOfParticipant(actor: Actor | null, participantId: string): Promise<RegistrationEntity[]> {
    if (!actor) throw AppError.unauthenticated();
    const registrations = await this.repository.byParticipantId(validate.uuid('participantId', participantId));
    if (registrationPolicy.isCoordinator(actor)) return registrations;
    const scopes = await this.repository.scopes([...new Set(registrations.map((r) => r.sessionId))]);
    return registrations.filter((r) => registrationPolicy.canManageRegistrations(actor, scopes.get(r.sessionId)!));
  }

  responsiblesBySessionIds(sessionIds: readonly string[]): Promise<Map<string, SessionScope>> {
    return this.repository.scopes(sessionIds);
  }

  countsBySessionIds(sessionIds: readonly string[]): Promise<Map<string, SessionCounts>> {
    return this.repository.seatCounts(sessionIds);
  }

  /** registration id → position on its session's waiting list (1 = next), for WAITLISTED ones. */
  waitlistPositions(registrationIds: readonly string[]): Promise<Map<string, number>> {
    return this.repository.waitlistPositions(registrationIds);
  }

  /** The sessions' registrations: seated ones in order of arrival, then the waiting list in order. */
  registrationsBySessionIds(sessionIds: readonly string[], includeCancelled: boolean): Promise<RegistrationEntity[]> {
    return this.repository.bySessionIds(sessionIds, includeCancelled);
  }

  findByIds(ids: readonly string[]): Promise<RegistrationEntity[]> {
    return this.repository.findByIds(ids);
  }

  /** Gives free seats to the waiting list in order of arrival; returns how many were promoted. */
  async promoteWaitlist(tx: Transaction, session: SessionEntity, actorId: string | null): Promise<number> {
    const promoted = await this.promote(tx, session, actorId);
    await this.events.record(tx, promoted);
    return promoted.length;
  }

  /** The promotion itself; the caller records its events together with its own, so listeners see only the final state. */
  private async promote(tx: Transaction, session: SessionEntity, actorId: string | null): Promise<RegistrationEventInput[]> {
    if (session.status !== SessionStatus.SCHEDULED) return [];
    const { seated } = (await this.repository.seatCounts([session.id], tx)).get(session.id)!;
    const free = freeSeats(session.capacity, seated);
    if (free === 0) return [];
    // Close to the start the seats are offered instead (seat-offers).
    return this.seatOffers.fillFreeSeats(tx, session, free, actorId);
  }

  /**
   * Seated while a seat is free, otherwise at the end of the waiting list: one statement under the
   * session lock counts, inserts and records the event (arrival-sql); the listeners (personal link,
   * outbox, alerts) then run as for any recorded event, given what that statement read for them and,
   * when the caller holds the whole participant, their contact details. actorId: the staff member
   * registering them; null when the newcomer registered themself.
   */
  private async insertRegistration(
    tx: Transaction,
    actorId: string | null,
    session: Pick<SessionEntity, 'id' | 'capacity'>,
    participant: ParticipantEntity | { id: string },
    seriesId: string | null,
  ): Promise<Arrival> {
    const participantId = participant.id;
    let arrival: Arrival;
    try {
      const id = randomUUID();
      const linkTokenHash = this.links.hashOf(this.links.tokenFor(id));
      const { capacity } = session;
      arrival = await this.repository.insertArrival({ id, linkTokenHash, sessionId: session.id, capacity, participantId, actorId, seriesId }, tx);
    } catch (error) {
      // The partial unique index is the last word on "one live registration per participant".
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) throw alreadyRegistered();
      throw error;
    }
    const recipient = 'contactChannel' in participant ? recipientOf(participant, arrival) : undefined;
    await this.events.announce(tx, [{ ...arrival.event, recipient }], [arrival.load]);
    return arrival;
  }

  /** Under the session's lock. actor null with `via`: the holder of the personal link cancels (HolderActions). */
  async cancelLocked(
    tx: Transaction,
    actor: Actor | null,
    session: SessionEntity,
    registration: RegistrationEntity,
    via: HolderVia | null = null,
  ): Promise<RegistrationEntity> {
    const heldSeat = SEATED.includes(registration.status);
    registration.status = RegistrationStatus.CANCELLED;
    registration.cancelledAt = this.clock.now();
    const saved = await this.repository.save(registration, tx);
    await this.childcare.leave(tx, session, saved);
    const promoted = heldSeat ? await this.promote(tx, session, actor?.userId ?? null) : [];
    await this.events.record(tx, [{ ...eventOf(saved, RegistrationEventKind.CANCELLED, actor?.userId ?? null), via }, ...promoted]);
    return saved;
  }

  async resolveParticipant(tx: Transaction, actor: Actor, who: Who, scope: SessionScope): Promise<ParticipantEntity> {
    return (await this.participantToRegister(tx, actor, who, scope)).participant;
  }

  /** isNew: created just now, in this transaction. */
  private async participantToRegister(
    tx: Transaction,
    actor: Actor,
    who: Who,
    scope: SessionScope,
  ): Promise<{ participant: ParticipantEntity; isNew: boolean }> {
    if ('participantId' in who) return { participant: await this.participants.requireVisible(tx, actor, who.participantId), isNew: false };
    // The registering organisation: the caller's own (a school contact's school), otherwise where the session is.
    const organisationId = actor.organisationId ?? scope.organisationId;
    const participant = validateNewParticipant(who.participant, organisationId);
    const known = await this.participants.findKnownParent(tx, actor, participant, organisationId);
    if (known) return { participant: known, isNew: false };
    return { participant: await this.participants.createParticipant(tx, actor, participant, organisationId), isNew: true };
  }

  /**
   * Only who may see the participant in full acts for them: a school contact sees the first name
   * of everyone at its school's sessions, but cancels only for the people its school registered.
   */
  private async requireSeesInFull(actor: Actor, participantId: string): Promise<void> {
    if (registrationPolicy.isCoordinator(actor) || (await this.participants.seesInFull(actor, participantId))) return;
    throw AppError.forbidden('Only who registered this participant (their school, the session’s hosts) or a coordinator cancels for them');
  }

  private requireOpen(session: Pick<SessionEntity, 'status' | 'startsAt'>): void {
    requireOpenForRegistration(session, this.clock.now());
  }

  private async scopeOf(tx: Transaction, session: SessionEntity): Promise<SessionScope> {
    return (await this.repository.scopes([session.id], tx)).get(session.id)!;
  }

  private async sessionIdOf(tx: Transaction, registrationId: string): Promise<string> {
    const sessionId = await this.repository.sessionIdOf(registrationId, tx);
    if (!sessionId) throw AppError.notFound('Registration', registrationId);
    return sessionId;
  }

  private liveRegistration(tx: Transaction, sessionId: string, participantId: string): Promise<RegistrationEntity | null> {
    return this.repository.liveRegistration(sessionId, participantId, tx);
  }

  private async recordSessionCancelled(tx: Transaction, sessionIds: string[], actorId: string | null): Promise<void> {
    const live = await this.repository.activeInSessions(sessionIds, null, tx);
    await this.events.record(
      tx,
      live.map((registration) => eventOf(registration, RegistrationEventKind.SESSION_CANCELLED, actorId)),
    );
  }

  private sessionsWithLiveRegistrations(tx: Transaction, sessionIds: string[]): Promise<string[]> {
    return this.repository.sessionsWithLiveRegistrations(sessionIds, tx);
  }
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
export function requireOpenForRegistration(session: Pick<SessionEntity, 'status' | 'startsAt'>, now: Date): void {
  if (session.status === SessionStatus.CANCELLED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session was cancelled');
  if (session.startsAt.getTime() <= now.getTime()) throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has already started');
}

function recipientOf(participant: ParticipantEntity, { registration, startsAt, reminderOffsetsMinutes }: Arrival): RegistrationRecipient {
  return {
    registration_id: registration.id,
    session_id: registration.sessionId,
    participant_id: participant.id,
    contact_channel: participant.contactChannel,
    phone: participant.phone,
    email: participant.email,
    consent_to_contact: participant.consentToContact,
    preferred_language: participant.preferredLanguage,
    starts_at: startsAt,
    reminder_offsets_minutes: reminderOffsetsMinutes,
  };
}

function eventOf(registration: RegistrationEntity, kind: RegistrationEventKind, actorId: string | null): RegistrationEventInput {
  return { kind, registrationId: registration.id, sessionId: registration.sessionId, participantId: registration.participantId, actorId };
}

/** registrationId: the live registration in the way, so the client can show it. */
function alreadyRegistered(registrationId?: string): AppError {
  return new AppError(ErrorCode.ALREADY_REGISTERED, 'This participant is already registered for this session', registrationId ? { registrationId } : {});
}
