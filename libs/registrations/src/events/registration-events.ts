import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RegistrationEventEntity, RegistrationEventKind } from '../entities';

export interface RegistrationEventInput {
  kind: RegistrationEventKind;
  registrationId: string;
  sessionId: string;
  participantId: string;
  waitlistPosition?: number | null;
  actorId: string | null;
}

/** Reacts to recorded events in the same transaction (the notifications outbox plugs in here). */
export interface RegistrationEventListener {
  onRegistrationEvents(manager: EntityManager, events: RegistrationEventEntity[]): Promise<void>;
}

/** Writes registration events in the caller's transaction, then hands them to the listeners. */
@Injectable()
export class RegistrationEvents {
  private readonly listeners: RegistrationEventListener[] = [];

  subscribe(listener: RegistrationEventListener): void {
    this.listeners.push(listener);
  }

  async record(manager: EntityManager, events: RegistrationEventInput[]): Promise<void> {
    if (events.length === 0) return;
    const rows = await manager.getRepository(RegistrationEventEntity).save(events.map((event) => ({ ...event, waitlistPosition: event.waitlistPosition ?? null })));
    for (const listener of this.listeners) await listener.onRegistrationEvents(manager, rows);
  }
}
