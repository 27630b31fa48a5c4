import { Injectable } from '@nestjs/common';
import { AppError, Clock, ErrorCode, validate } from '@app/common';
import { Transaction, Transactions } from '@app/database';
import { JobName, OnJob } from '@app/queues';
import { lockSession, SessionEntity, SessionStatus } from '@app/scheduling';
import { HolderVia, RegistrationEntity, RegistrationEventKind, RegistrationStatus } from '../entities';
import { RegistrationEventInput, RegistrationEvents } from '../events/registration-events';
import { freeSeats } from '../registrations/seat-rules';
import { offerExpiry, offersSeat } from './seat-offer-rules';
import { SeatOffersRepository } from './seat-offers.repository';

/** Sessions handled per sweep; the rest wait a minute (each one is its own short transaction). */
const SESSIONS_PER_SWEEP = 200;

/**
 * Seat offers: close to the start a freed seat is held for the first waiting person, who accepts
 * or declines it; unanswered, it expires and goes to the next. Everything runs under the session
 * lock (docs/architecture.md#invariant-1), so an offer, its answer, its expiry and any other
 * change to the session's seats happen one at a time: no overbooking, no double offer, FIFO.
 */
@Injectable()
export class SeatOffersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: SeatOffersRepository,
    private readonly events: RegistrationEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * Gives `free` seats to the waiting list in order of arrival (the caller holds the session lock
   * and records the events with its own): offered within the programme's window, otherwise
   * promoted at once (as always once the session has started: there is no time left to answer).
   */
  async fillFreeSeats(tx: Transaction, session: SessionEntity, free: number, actorId: string | null): Promise<RegistrationEventInput[]> {
    const now = this.clock.now();
    if (free <= 0 || session.status !== SessionStatus.SCHEDULED) return [];
    const settings = await this.repository.settingsOf(session.programmeId, tx);
    if (hasStarted(session, now) || !offersSeat(session.startsAt, now, settings)) {
      const promoted = await this.repository.promote(session.id, free, tx);
      return promoted.map((row) => ({
        kind: RegistrationEventKind.PROMOTED,
        registrationId: row.id,
        sessionId: row.session_id,
        participantId: row.participant_id,
        actorId,
      }));
    }
    const offered = await this.repository.offer(session.id, free, offerExpiry(session.startsAt, now, settings), tx);
    return offered.map((row) => ({
      kind: RegistrationEventKind.OFFERED,
      registrationId: row.id,
      sessionId: row.session_id,
      participantId: row.participant_id,
      actorId,
    }));
  }

  /** The person takes the offered seat: CONFIRMED, with the confirmation and reminders of a promotion. */
  async accept(registrationIdInput: string, actorId: string | null, via: HolderVia | null): Promise<RegistrationEntity> {
    const registrationId = validate.uuid('registrationId', registrationIdInput);
    return this.transactions.run(async (tx) => {
      const { session, registration } = await this.lock(tx, registrationId);
      return this.acceptLocked(tx, session, registration, actorId, via);
    });
  }

  /** The person says no: their registration is CANCELLED (the message says so) and the seat is offered to the next. */
  async decline(registrationIdInput: string, actorId: string | null, via: HolderVia | null): Promise<RegistrationEntity> {
    const registrationId = validate.uuid('registrationId', registrationIdInput);
    return this.transactions.run(async (tx) => {
      const { session, registration } = await this.lock(tx, registrationId);
      return this.declineLocked(tx, session, registration, actorId, via);
    });
  }

  /** accept, for a caller that already holds the session lock (HolderActions). The holder who says yes also says "I am coming". */
  async acceptLocked(
    tx: Transaction,
    session: SessionEntity,
    registration: RegistrationEntity,
    actorId: string | null,
    via: HolderVia | null,
  ): Promise<RegistrationEntity> {
    this.requireOpenOffer(session, registration, true);
    registration.status = RegistrationStatus.CONFIRMED;
    registration.seatOfferExpiresAt = null;
    if (via) registration.holderConfirmedAt = this.clock.now();
    const saved = await this.repository.save(registration, tx);
    await this.events.record(tx, [{ ...eventOf(saved, RegistrationEventKind.OFFER_ACCEPTED, actorId), via }]);
    return saved;
  }

  /**
   * decline, for a caller that already holds the session lock. A no after the hold time but before
   * the sweep ends the offer the same way (the seat goes on), so it is not refused.
   */
  async declineLocked(
    tx: Transaction,
    session: SessionEntity,
    registration: RegistrationEntity,
    actorId: string | null,
    via: HolderVia | null,
  ): Promise<RegistrationEntity> {
    this.requireOpenOffer(session, registration, false);
    const saved = await this.endOffer(tx, registration);
    const next = await this.fillSession(tx, session, actorId);
    await this.events.record(tx, [{ ...eventOf(saved, RegistrationEventKind.OFFER_DECLINED, actorId), via }, ...next]);
    return saved;
  }

  /**
   * The worker's sweep: every offer that ran out is CANCELLED with an OFFER_EXPIRED event (the
   * person hears the seat went on and that they can register again) and its seat is offered to the
   * next in line. Each session in its own transaction under its lock, re-reading the offers there:
   * two sweeps at once, or an answer at the last second, end each offer exactly once.
   */
  async expireDue(now: Date = this.clock.now()): Promise<{ expired: number; sessions: number }> {
    let expired = 0;
    const sessionIds = await this.repository.sessionsWithDueOffers(now, SESSIONS_PER_SWEEP);
    for (const sessionId of sessionIds) {
      expired += await this.transactions.run(async (tx) => {
        const session = await lockSession(tx, sessionId);
        if (!session) return 0;
        const due = await this.repository.dueOffersOf(sessionId, now, tx);
        const ended: RegistrationEventInput[] = [];
        for (const registration of due) ended.push(eventOf(await this.endOffer(tx, registration), RegistrationEventKind.OFFER_EXPIRED, null));
        const next = await this.fillSession(tx, session, null);
        await this.events.record(tx, [...ended, ...next]);
        return due.length;
      });
    }
    return { expired, sessions: sessionIds.length };
  }

  @OnJob(JobName.EXPIRE_SEAT_OFFERS)
  sweep(): Promise<{ expired: number; sessions: number }> {
    return this.expireDue();
  }

  private async lock(tx: Transaction, registrationId: string): Promise<{ session: SessionEntity; registration: RegistrationEntity }> {
    const sessionId = await this.repository.sessionIdOf(registrationId, tx);
    if (!sessionId) throw AppError.notFound('Registration', registrationId);
    const session = (await lockSession(tx, sessionId))!;
    return { session, registration: (await this.repository.findById(registrationId, tx))! };
  }

  private requireOpenOffer(session: SessionEntity, registration: RegistrationEntity, refuseExpired: boolean): void {
    if (registration.status !== RegistrationStatus.OFFERED)
      throw new AppError(ErrorCode.CONFLICT, `There is no seat offer to answer: the registration is ${registration.status}`);
    if (hasStarted(session, this.clock.now())) throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has started; the offer ran out with it');
    if (refuseExpired && registration.seatOfferExpiresAt && registration.seatOfferExpiresAt.getTime() <= this.clock.now().getTime())
      throw new AppError(ErrorCode.CONFLICT, 'The seat offer has expired: the seat goes to the next in line');
  }

  private async endOffer(tx: Transaction, registration: RegistrationEntity): Promise<RegistrationEntity> {
    registration.status = RegistrationStatus.CANCELLED;
    registration.cancelledAt = this.clock.now();
    registration.seatOfferExpiresAt = null;
    return this.repository.save(registration, tx);
  }

  /** After an offer ends: the next in line is offered the seat, unless the session has started (the offer ran out with it). */
  private async fillSession(tx: Transaction, session: SessionEntity, actorId: string | null): Promise<RegistrationEventInput[]> {
    if (hasStarted(session, this.clock.now())) return [];
    const seated = await this.repository.seatedCount(session.id, tx);
    return this.fillFreeSeats(tx, session, freeSeats(session.capacity, seated), actorId);
  }
}

function hasStarted(session: SessionEntity, now: Date): boolean {
  return session.startsAt.getTime() <= now.getTime();
}

function eventOf(registration: RegistrationEntity, kind: RegistrationEventKind, actorId: string | null): RegistrationEventInput {
  return { kind, registrationId: registration.id, sessionId: registration.sessionId, participantId: registration.participantId, actorId };
}
