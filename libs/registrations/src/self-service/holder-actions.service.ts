import { Injectable } from '@nestjs/common';
import { AppError, Clock, ErrorCode } from '@app/common';
import { Transaction, Transactions } from '@app/database';
import { lockSession, SessionEntity, SessionStatus } from '@app/scheduling';
import { HolderVia, RegistrationEntity, RegistrationEventKind, RegistrationStatus } from '../entities';
import { RegistrationEvents } from '../events/registration-events';
import type { ParticipantView } from '../participants/participant-view';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { RegistrationsService } from '../registrations/registrations.service';
import { holderView } from './holder-view';
import { PersonalLinksRepository } from './personal-links.repository';

/** A registration as the holder of its personal link reads it: with their own first name and language only. */
export interface HeldRegistration {
  registration: RegistrationEntity;
  holder: ParticipantView;
}

/**
 * What the person holding a registration's personal link (or replying to its SMS) may do, with
 * no login: the caller has already turned the token or the phone into a registration id. Nobody
 * logged in acts, so events carry actorId null and `via` says how the holder acted (the audit
 * trail). Every change locks the session first, like RegistrationsService.
 */
@Injectable()
export class HolderActions {
  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationsService,
    private readonly repository: RegistrationsRepository,
    private readonly links: PersonalLinksRepository,
    private readonly events: RegistrationEvents,
    private readonly clock: Clock,
  ) {}

  async view(registrationId: string): Promise<HeldRegistration | null> {
    const registration = await this.repository.findById(registrationId);
    return registration ? this.held(registration) : null;
  }

  /** "I am coming": recorded once on a confirmed seat (hosts see it); asking again changes nothing. */
  async confirm(registrationId: string, via: HolderVia): Promise<HeldRegistration> {
    const registration = await this.transactions.run(async (tx) => {
      const { session, registration } = await this.lock(tx, registrationId);
      if (registration.status !== RegistrationStatus.CONFIRMED)
        throw AppError.badInput(`nothing to confirm: this registration is ${registration.status}`, 'token');
      this.requireNotStarted(session);
      if (session.status === SessionStatus.CANCELLED) throw new AppError(ErrorCode.SESSION_CANCELLED, 'The session was cancelled', { field: 'token' });
      if (registration.holderConfirmedAt) return registration;
      registration.holderConfirmedAt = this.clock.now();
      const saved = await this.repository.save(registration, tx);
      await this.events.record(tx, [
        {
          kind: RegistrationEventKind.HOLDER_CONFIRMED,
          registrationId: saved.id,
          sessionId: saved.sessionId,
          participantId: saved.participantId,
          actorId: null,
          via,
        },
      ]);
      return saved;
    });
    return this.held(registration);
  }

  /** "I cannot come": the seat is freed and the waiting list moves in the same transaction; cancelled already → unchanged. */
  async cancel(registrationId: string, via: HolderVia): Promise<HeldRegistration> {
    const registration = await this.transactions.run(async (tx) => {
      const { session, registration } = await this.lock(tx, registrationId);
      if (registration.status === RegistrationStatus.CANCELLED) return registration;
      this.requireNotStarted(session);
      return this.registrations.cancelLocked(tx, null, session, registration, via);
    });
    return this.held(registration);
  }

  /**
   * Gives an OFFERED seat back; anything else has no offer to decline. Until seat offers
   * (SeatOffersService) take this over, declining is cancelling: the seat passes on as on any cancellation.
   */
  async decline(registrationId: string, via: HolderVia): Promise<HeldRegistration> {
    const registration = await this.transactions.run(async (tx) => {
      const { session, registration } = await this.lock(tx, registrationId);
      if (registration.status !== RegistrationStatus.OFFERED) throw AppError.badInput('no seat is offered', 'token');
      this.requireNotStarted(session);
      return this.registrations.cancelLocked(tx, null, session, registration, via);
    });
    return this.held(registration);
  }

  private async lock(tx: Transaction, registrationId: string): Promise<{ session: SessionEntity; registration: RegistrationEntity }> {
    const sessionId = await this.repository.sessionIdOf(registrationId, tx);
    const session = sessionId ? await lockSession(tx, sessionId) : null;
    if (!session) throw new AppError(ErrorCode.NOT_FOUND, 'This registration no longer exists', { field: 'token' });
    return { session, registration: await this.repository.findByIdOrFail(registrationId, tx) };
  }

  private requireNotStarted(session: SessionEntity): void {
    if (session.startsAt.getTime() <= this.clock.now().getTime())
      throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has started; nothing can be changed now', { field: 'token' });
  }

  private async held(registration: RegistrationEntity): Promise<HeldRegistration> {
    const participant = await this.links.holder(registration.participantId);
    return { registration, holder: holderView(participant!) };
  }
}
