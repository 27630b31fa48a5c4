import { Injectable } from '@nestjs/common';
import { StaffDirectory } from '@app/auth';
import { NotificationChannel } from '@app/common';
import type { Transaction } from '@app/database';
import { Outbox } from '@app/messaging';
import { RegistrationMessagesRepository } from './registration-messages.repository';

export interface StaffMessage {
  kind: string;
  userId: string;
  sessionId: string | null;
  dueAt: Date;
  dedupeKey: string;
  payload?: Record<string, unknown>;
}

/** Who among the staff hears about a session, and their messages written in their language. */
@Injectable()
export class StaffRecipients {
  constructor(
    private readonly staff: StaffDirectory,
    private readonly outbox: Outbox,
    private readonly repository: RegistrationMessagesRepository,
  ) {}

  /** Every active coordinator. */
  coordinators(tx: Transaction): Promise<string[]> {
    return this.staff.coordinatorIds(tx);
  }

  /** Hosts of the session and every active coordinator: who hears that a table is full or empty. */
  async sessionStaff(tx: Transaction, sessionId: string): Promise<string[]> {
    return [...new Set([...(await this.repository.sessionHostIds(tx, sessionId)), ...(await this.staff.coordinatorIds(tx))])];
  }

  /** Writes the e-mails (a dedupe key that exists already is skipped). */
  async write(tx: Transaction, messages: StaffMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const contacts = await this.staff.contactsOf(tx, [...new Set(messages.map((message) => message.userId))]);
    await this.outbox.write(
      tx,
      messages.map((message) => ({
        kind: message.kind,
        channel: NotificationChannel.EMAIL,
        userId: message.userId,
        language: contacts.get(message.userId)?.language ?? '',
        sessionId: message.sessionId,
        payload: message.payload ?? {},
        dueAt: message.dueAt,
        dedupeKey: message.dedupeKey,
      })),
    );
  }
}
