import { Injectable } from '@nestjs/common';
import { Clock, NotificationChannel } from '@app/common';
import type { Transaction } from '@app/database';
import { EventMap, OnEvent } from '@app/events';
import { ComposesMessages, type Composition, type MessageComposer, Outbox, type OutboxRow } from '@app/messaging';
import { RegistrationCodeRequestEntity, RegistrationCodeStatus } from '../entities';
import { dedupeKeyOf } from './participant-messages';
import { RegistrationMessageKind } from './registration-message-kinds';
import { type CodeRequestRow, RegistrationMessagesRepository } from './registration-messages.repository';
import { StaffRecipients } from './staff-recipients';

/**
 * The one payload field that must not outlive the message: the code itself. The request keeps only
 * a hash, so the outbox row is the one place the code exists, and only until the SMS is sent or no
 * longer needed (`withoutCode`).
 */
const CODE = 'code';

/**
 * Writes the code SMS of a newcomer registering themself, due at once, in the transaction that
 * created the request; and withdraws it when the request is used, dead or replaced.
 */
@Injectable()
export class RegistrationCodeMessages {
  constructor(
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly staff: StaffRecipients,
  ) {}

  @OnEvent({ name: 'registrationCode.issued', order: 100 })
  async onIssued(manager: Transaction, { request, code }: EventMap['registrationCode.issued']): Promise<void> {
    await this.send(manager, request as RegistrationCodeRequestEntity, code);
  }

  @OnEvent({ name: 'registrationCode.withdrawn', order: 100 })
  async onWithdrawn(manager: Transaction, { requestIds }: EventMap['registrationCode.withdrawn']): Promise<void> {
    await this.withdraw(manager, requestIds);
  }

  @OnEvent({ name: 'registrationCode.budgetReached', order: 100 })
  async onBudgetReached(manager: Transaction, { budget }: EventMap['registrationCode.budgetReached']): Promise<void> {
    await this.budgetReached(manager, budget);
  }

  /** Every coordinator hears it once per clock hour (UTC), however many requests the budget refuses in it. */
  async budgetReached(manager: Transaction, budget: number): Promise<void> {
    const now = this.clock.now();
    const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();
    const coordinators = await this.staff.coordinators(manager);
    await this.staff.write(
      manager,
      coordinators.map((userId) => ({
        kind: RegistrationMessageKind.SMS_CODE_BUDGET_REACHED,
        userId,
        sessionId: null,
        dueAt: now,
        dedupeKey: `${RegistrationMessageKind.SMS_CODE_BUDGET_REACHED}|${hour}|${userId}`,
        payload: { budget, reachedAt: now.toISOString() },
      })),
    );
  }

  async send(manager: Transaction, request: RegistrationCodeRequestEntity, code: string): Promise<void> {
    await this.outbox.write(manager, [
      {
        kind: RegistrationMessageKind.REGISTRATION_CODE,
        channel: NotificationChannel.SMS,
        language: request.preferredLanguage,
        sessionId: request.sessionId,
        payload: { requestId: request.id, [CODE]: code },
        dueAt: this.clock.now(),
        dedupeKey: dedupeKeyOf(RegistrationMessageKind.REGISTRATION_CODE, request.id),
      },
    ]);
  }

  /** Unsent SMS are cancelled; sent or not, no row keeps the code. */
  async withdraw(manager: Transaction, requestIds: string[]): Promise<void> {
    await this.outbox.withdraw(
      manager,
      { kinds: [RegistrationMessageKind.REGISTRATION_CODE], payload: { field: 'requestId', values: requestIds } },
      CODE,
      'the code is no longer needed',
    );
  }
}

/**
 * The code SMS, read fresh when sent: to the request's phone while the request still waits for
 * its code. It is awaited right now and dies in ten minutes, so it ignores quiet hours; once the row
 * is final the code is dropped from it.
 */
@Injectable()
@ComposesMessages(RegistrationMessageKind.REGISTRATION_CODE)
export class RegistrationCodeComposer implements MessageComposer {
  constructor(
    private readonly messages: RegistrationMessagesRepository,
    private readonly outbox: Outbox,
  ) {}

  async compose(manager: Transaction, row: OutboxRow, now: Date): Promise<Composition> {
    const code = row.payload[CODE];
    if (typeof code !== 'string') return { stale: 'the code is no longer kept' };
    const request = await this.messages.codeRequestOf(manager, row.payload.requestId);
    return composition(request, code, now);
  }

  async settled(manager: Transaction, row: OutboxRow): Promise<void> {
    await this.outbox.forgetField(manager, row.id, CODE);
  }
}

function composition(request: CodeRequestRow | null, code: string, now: Date): Composition {
  if (!request || request.status !== RegistrationCodeStatus.PENDING) return { stale: 'the code request is over' };
  if (new Date(request.expires_at).getTime() <= now.getTime()) return { stale: 'the code has expired' };
  return {
    to: request.phone,
    vars: {
      firstName: request.first_name,
      sessionTitle: request.title,
      startsAt: new Date(request.starts_at),
      endsAt: new Date(request.ends_at),
      venueName: request.venue_name,
      venueAddress: request.venue_address,
      code,
    },
    calendar: null,
    ignoresQuietHours: true,
  };
}
