import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RegistrationEventEntity, RegistrationEventKind } from '../entities';
import { DomainEvents } from '@app/events';

export interface RegistrationEventInput {
  kind: RegistrationEventKind;
  registrationId: string;
  sessionId: string;
  participantId: string;
  waitlistPosition?: number | null;
  actorId: string | null;
}

/** Writes registration events in the caller's transaction, then emits 'registrations.recorded' with the rows (the outbox and the alerts react). */
@Injectable()
export class RegistrationEvents {
  constructor(private readonly events: DomainEvents) {}

  async record(manager: EntityManager, events: RegistrationEventInput[]): Promise<void> {
    if (events.length === 0) return;
    const rows = await manager.getRepository(RegistrationEventEntity).save(events.map((event) => ({ ...event, waitlistPosition: event.waitlistPosition ?? null })));
    await this.events.emit(manager, 'registrations.recorded', { events: rows });
  }
}
