import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Actor, AppError, Clock, ErrorCode, validate } from '@app/common';
import { Transaction, Transactions } from '@app/database';
import { lockSession, SessionEntity, SessionStatus } from '@app/scheduling';
import { ContactChannel, ParticipantEntity, RegistrationEntity, RegistrationEventKind, RegistrationStatus } from '../entities';
import { RegistrationEvents } from '../events/registration-events';
import { NewParticipantCommand, normaliseLanguage } from '../participants/participant-rules';
import { UNDISCLOSED_LANGUAGE } from '../participants/participant-view';
import { ParticipantsRepository } from '../participants/participants.repository';
import { registrationPolicy } from '../registration-policy';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { RegistrationsService, whoToRegister } from '../registrations/registrations.service';

export interface RegisterWalkInCommand {
  sessionId: string;
  participantId?: string | null;
  participant?: NewParticipantCommand | null;
  children?: number | null;
  /** The language an anonymous walk-in speaks, for the figures only; a named one gives it in `participant`. */
  preferredLanguage?: string | null;
}

const ZONE = 'Europe/Brussels';
/** A host opens the door before the start; people who come early are there too. */
const OPENS_BEFORE_START_HOURS = 2;
const MAX_CHILDREN = 10;

/**
 * When walk-ins may be added to a session: from two hours before the start until the end of the
 * session's day in Brussels (a host fills in the list after the table too), or its end when later.
 */
export function walkInWindow(session: Pick<SessionEntity, 'startsAt' | 'endsAt'>): { opensAt: Date; closesAt: Date } {
  const opensAt = new Date(session.startsAt.getTime() - OPENS_BEFORE_START_HOURS * 3600_000);
  const endOfDay = DateTime.fromJSDate(session.startsAt, { zone: ZONE }).endOf('day').toJSDate();
  return { opensAt, closesAt: new Date(Math.max(endOfDay.getTime(), session.endsAt.getTime())) };
}

/**
 * Someone who comes to a session without a seat booked (docs/architecture.md#walk-ins). They are
 * there, so they are ATTENDED at once and nobody is sent anything. A walk-in takes a free seat when
 * there is one; otherwise the room decides and they sit beyond capacity, left out of the booked
 * seats (docs/architecture.md#invariant-1). Runs under the session lock like every seat change.
 */
@Injectable()
export class WalkInsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationsRepository,
    private readonly registrationsService: RegistrationsService,
    private readonly participants: ParticipantsRepository,
    private readonly events: RegistrationEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * A known participant (participantId), a new one (participant) or nobody named (anonymous: a
   * count only). A known participant with a seat is marked ATTENDED (walkIn stays false: they had
   * booked); one on the waiting list comes in as a walk-in; one already ATTENDED is refused.
   */
  async registerWalkIn(actor: Actor | null, input: RegisterWalkInCommand): Promise<RegistrationEntity> {
    if (!actor) throw AppError.unauthenticated();
    const sessionId = validate.uuid('sessionId', input.sessionId);
    const children = validate.int('children', input.children ?? 0, 0, MAX_CHILDREN);
    if (input.participantId != null && input.participant != null)
      throw AppError.badInput('give participantId, participant or neither (an anonymous walk-in), not both', 'participant');
    const who = input.participantId == null && input.participant == null ? null : whoToRegister(input);
    const language = who === null && input.preferredLanguage?.trim() ? normaliseLanguage('preferredLanguage', input.preferredLanguage) : UNDISCLOSED_LANGUAGE;
    return this.transactions.run(async (tx) => {
      const session = await lockSession(tx, sessionId);
      if (!session) throw AppError.notFound('Session', sessionId);
      const scope = (await this.registrations.scopes([session.id], tx)).get(session.id)!;
      registrationPolicy.requireCanMarkAttendance(actor, scope);
      if (session.status === SessionStatus.CANCELLED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session was cancelled', { field: 'sessionId' });
      this.requireWindowOpen(session);
      const participant =
        who === null ? await this.anonymousParticipant(tx, actor, language) : await this.registrationsService.resolveParticipant(tx, actor, who, scope);
      return this.admit(tx, actor, session, participant, children);
    });
  }

  private requireWindowOpen(session: SessionEntity): void {
    const { opensAt, closesAt } = walkInWindow(session);
    const now = this.clock.now().getTime();
    if (now >= opensAt.getTime() && now <= closesAt.getTime()) return;
    throw new AppError(
      ErrorCode.WALK_IN_CLOSED,
      `Walk-ins are added from two hours before the start until the end of the session's day (Europe/Brussels): ${opensAt.toISOString()} to ${closesAt.toISOString()}`,
      { field: 'sessionId', opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
    );
  }

  /** One row per anonymous walk-in: no name or contact data, so it cannot be found, matched or messaged. */
  private anonymousParticipant(tx: Transaction, actor: Actor, preferredLanguage: string): Promise<ParticipantEntity> {
    return this.participants.insert(
      {
        firstName: '',
        lastName: null,
        phone: null,
        email: null,
        preferredLanguage,
        contactChannel: ContactChannel.NONE,
        consentToContact: false,
        referralChannel: null,
        registeredByOrganisationId: null,
        createdById: actor.userId,
        anonymous: true,
      },
      tx,
    );
  }

  private async admit(tx: Transaction, actor: Actor, session: SessionEntity, participant: ParticipantEntity, children: number): Promise<RegistrationEntity> {
    const attendanceMarkedAt = this.clock.now();
    const existing = await this.registrations.liveRegistration(session.id, participant.id, tx);
    if (existing?.status === RegistrationStatus.ATTENDED)
      throw new AppError(ErrorCode.ALREADY_REGISTERED, 'This participant is already marked as come to this session', {
        registrationId: existing.id,
        field: 'participantId',
      });
    let saved: RegistrationEntity;
    if (existing && existing.status !== RegistrationStatus.WAITLISTED) {
      // Booked (confirmed, offered, or marked no-show before they turned up late): the seat is theirs.
      Object.assign(existing, { status: RegistrationStatus.ATTENDED, seatOfferExpiresAt: null, attendanceMarkedAt });
      if (children > 0) existing.children = children;
      saved = await this.registrations.save(existing, tx);
    } else {
      const { seated } = (await this.registrations.seatCounts([session.id], tx)).get(session.id)!;
      const walkIn = { status: RegistrationStatus.ATTENDED, walkIn: true, beyondCapacity: seated >= session.capacity, children, attendanceMarkedAt };
      saved = existing
        ? await this.registrations.save(Object.assign(existing, walkIn), tx)
        : await this.registrations.insert(
            { sessionId: session.id, participantId: participant.id, registeredById: actor.userId, seriesId: null, ...walkIn },
            tx,
          );
    }
    await this.events.record(tx, [
      { kind: RegistrationEventKind.ATTENDED, registrationId: saved.id, sessionId: saved.sessionId, participantId: saved.participantId, actorId: actor.userId },
    ]);
    return saved;
  }
}
