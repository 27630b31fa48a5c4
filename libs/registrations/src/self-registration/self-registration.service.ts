import { Inject, Injectable } from '@nestjs/common';
import { AppError, Clock, ErrorCode, validate } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { PgErrorCode, pgErrorCode, Transaction, Transactions } from '@app/database';
import { DomainEvents } from '@app/events';
import { ContactChannel, ReferralChannel, RegistrationCodeRequestEntity, RegistrationEntity, RegistrationCodeStatus } from '../entities';
import { normaliseLanguage, normalisePhone } from '../participants/participant-rules';
import { RegistrationsService, requireOpenForRegistration } from '../registrations/registrations.service';
import {
  hashRegistrationCode,
  MAX_WRONG_REGISTRATION_CODES,
  newRegistrationCode,
  normaliseRegistrationCode,
  REGISTRATION_CODE_TTL_MINUTES,
  registrationCodeMatches,
} from './registration-code';
import { RegistrationCodeRequestsRepository } from './registration-code-requests.repository';
import { requireCodePhone, SMS_CODE_BUDGET_WINDOW_MS } from './sms-code-policy';

export interface RequestRegistrationCodeCommand {
  sessionId: string;
  firstName: string;
  phone: string;
  preferredLanguage: string;
}

export interface RegistrationCodeRequested {
  requestId: string;
  expiresAt: Date;
}

/** Why a request no longer takes a code, in `extensions.reason` so the web app can say "ask a new code". */
export type ClosedRequestReason = 'USED' | 'DEAD' | 'EXPIRED';

/**
 * A newcomer registers themself with a first name and a phone number: we send a code by SMS,
 * and the right code within ten minutes creates the participant (contact by SMS, consent given by
 * themself) and their registration, seat or waiting list, as staff registrations do.
 */
@Injectable()
export class SelfRegistrationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly requests: RegistrationCodeRequestsRepository,
    private readonly registrations: RegistrationsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends a new code; an earlier request for the same phone and session stops counting. */
  async requestCode(input: RequestRegistrationCodeCommand): Promise<RegistrationCodeRequested> {
    const sessionId = validate.uuid('sessionId', input.sessionId);
    const firstName = validate.text('firstName', input.firstName, { max: 100 });
    const phone = normalisePhone('phone', input.phone);
    requireCodePhone('phone', phone, this.config.smsCodeCountries);
    const preferredLanguage = normaliseLanguage('preferredLanguage', input.preferredLanguage);
    const code = newRegistrationCode();
    const codeHash = await hashRegistrationCode(code);
    let outcome: RegistrationCodeRequested | { overBudgetFor: number };
    try {
      outcome = await this.transactions.run(async (tx): Promise<RegistrationCodeRequested | { overBudgetFor: number }> => {
        const session = await this.requests.findSession(sessionId, tx);
        if (!session) throw AppError.notFound('Session', sessionId);
        const now = this.clock.now();
        requireOpenForRegistration(session, now);
        const overBudgetFor = await this.secondsOverBudget(tx, now);
        if (overBudgetFor > 0) return { overBudgetFor };
        const replaced = await this.requests.killPending(phone, sessionId, tx);
        if (replaced.length > 0) await this.events.emit(tx, 'registrationCode.withdrawn', { requestIds: replaced });
        const request = await this.requests.insert(
          {
            sessionId,
            firstName,
            phone,
            preferredLanguage,
            codeHash,
            expiresAt: new Date(now.getTime() + REGISTRATION_CODE_TTL_MINUTES * 60_000),
          },
          tx,
        );
        await this.events.emit(tx, 'registrationCode.issued', { request, code });
        return { requestId: request.id, expiresAt: request.expiresAt };
      });
    } catch (error) {
      // Two requests for one phone and session at the same instant: the partial unique index keeps one.
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION)
        throw new AppError(ErrorCode.CONFLICT, 'A code was just sent to this phone for this session; use that one', { field: 'phone' });
      throw error;
    }
    if ('requestId' in outcome) return outcome;
    // Its own transaction: the refusal writes nothing else, but the coordinators must hear it.
    await this.transactions.run((tx) => this.events.emit(tx, 'registrationCode.budgetReached', { budget: this.config.smsCodeBudgetPerHour }));
    const retryAfter = outcome.overBudgetFor;
    throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `We cannot send more codes by SMS for now; try again in ${retryAfter} seconds`, {
      retryAfter,
      field: 'phone',
    });
  }

  /**
   * Seconds until the hourly budget of code SMS has room again (0: room now), counted over every
   * request of the last hour. A transaction-scoped advisory lock takes the requests one at a time,
   * so two at the same instant cannot both take the last place.
   */
  private async secondsOverBudget(tx: Transaction, now: Date): Promise<number> {
    await this.requests.lockBudget(tx);
    // A request's expiry is its creation (by our clock) plus the code's lifetime.
    const windowStart = new Date(now.getTime() - SMS_CODE_BUDGET_WINDOW_MS + REGISTRATION_CODE_TTL_MINUTES * 60_000);
    const row = await this.requests.recentRequests(windowStart, this.config.smsCodeBudgetPerHour, tx);
    if (row.sent < this.config.smsCodeBudgetPerHour || !row.oldest) return 0;
    return Math.max(1, Math.ceil((new Date(row.oldest).getTime() - windowStart.getTime()) / 1000));
  }

  /**
   * The right code registers the newcomer, once: the request row is locked, so two confirmations
   * at the same time make one registration. A wrong code counts (committed, though the call
   * fails); the fifth ends the request.
   */
  async confirmCode(requestIdInput: string, codeInput: string): Promise<RegistrationEntity> {
    const requestId = validate.uuid('requestId', requestIdInput);
    const code = normaliseRegistrationCode(codeInput);
    if (!code) throw AppError.badInput('the code is the 6 digits from the SMS', 'code');
    const outcome = await this.transactions.run(async (tx): Promise<{ registration: RegistrationEntity } | { attemptsLeft: number }> => {
      const request = await this.requests.findForUpdate(requestId, tx);
      if (!request) throw AppError.notFound('Registration code request', requestId);
      this.requireOpenRequest(request);
      if (!(await registrationCodeMatches(code, request.codeHash))) {
        request.failedAttempts += 1;
        const attemptsLeft = Math.max(0, MAX_WRONG_REGISTRATION_CODES - request.failedAttempts);
        if (attemptsLeft === 0) {
          request.status = RegistrationCodeStatus.DEAD;
          await this.events.emit(tx, 'registrationCode.withdrawn', { requestIds: [request.id] });
        }
        await this.requests.save(request, tx);
        return { attemptsLeft };
      }
      const registration = await this.registrations.registerSelf(tx, request.sessionId, {
        firstName: request.firstName,
        lastName: null,
        phone: request.phone,
        email: null,
        preferredLanguage: request.preferredLanguage,
        contactChannel: ContactChannel.SMS,
        // Asking for the code by SMS and typing it in is the newcomer's own yes to being contacted by SMS.
        consentToContact: true,
        referralChannel: ReferralChannel.SELF,
      });
      request.status = RegistrationCodeStatus.USED;
      request.registrationId = registration.id;
      await this.requests.save(request, tx);
      await this.events.emit(tx, 'registrationCode.withdrawn', { requestIds: [request.id] });
      return { registration };
    });
    if ('registration' in outcome) return outcome.registration;
    const message =
      outcome.attemptsLeft > 0
        ? `The code is not right; ${outcome.attemptsLeft} tries left`
        : 'The code is not right, and that was the last try; ask for a new code';
    throw new AppError(ErrorCode.BAD_USER_INPUT, message, { field: 'code', attemptsLeft: outcome.attemptsLeft });
  }

  private requireOpenRequest(request: RegistrationCodeRequestEntity): void {
    const closed = (reason: ClosedRequestReason, message: string) => new AppError(ErrorCode.CONFLICT, message, { field: 'requestId', reason });
    if (request.status === RegistrationCodeStatus.USED) throw closed('USED', 'This code was already used: the registration is done');
    if (request.status === RegistrationCodeStatus.DEAD) throw closed('DEAD', 'This code no longer works; ask for a new code');
    if (request.expiresAt.getTime() <= this.clock.now().getTime()) throw closed('EXPIRED', 'This code has expired; ask for a new code');
  }
}
