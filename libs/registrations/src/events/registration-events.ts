import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { DomainEvents, type RecordedRegistrationEvent, type SessionLoadAfter } from '@app/events';
import { HolderVia, RegistrationEventKind } from '../entities';
import { RegistrationEventsRepository } from './registration-events.repository';

export interface RegistrationEventInput {
  kind: RegistrationEventKind;
  registrationId: string;
  sessionId: string;
  participantId: string;
  waitlistPosition?: number | null;
  actorId: string | null;
  /** Set when the holder of the personal link acted (actorId null). */
  via?: HolderVia | null;
}

/** Writes registration events in the caller's transaction, then emits 'registrations.recorded' with the rows (the outbox and the alerts react). */
@Injectable()
export class RegistrationEvents {
  constructor(
    private readonly repository: RegistrationEventsRepository,
    private readonly events: DomainEvents,
  ) {}

  async record(tx: Transaction, events: RegistrationEventInput[]): Promise<void> {
    if (events.length === 0) return;
    const rows = await this.repository.insert(
      events.map((event) => ({ ...event, waitlistPosition: event.waitlistPosition ?? null, via: event.via ?? null })),
      tx,
    );
    await this.announce(tx, rows);
  }

  /** Events a statement of the caller already wrote (an arrival writes its registration and event in one): only the listeners run. */
  async announce(tx: Transaction, rows: RecordedRegistrationEvent[], loads?: SessionLoadAfter[]): Promise<void> {
    if (rows.length === 0) return;
    await this.events.emit(tx, 'registrations.recorded', loads ? { events: rows, loads } : { events: rows });
  }
}
