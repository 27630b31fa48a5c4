import { Injectable } from '@nestjs/common';
import { Transaction } from '@app/database';
import { DomainEvents, StandChange } from '@app/events';

/** A change to stand bookings that the organisers hear about. */
export type StandEvent = StandChange;

/** Emits stand booking changes on the domain-event bus inside the transaction that made them. */
@Injectable()
export class FestivalEvents {
  constructor(private readonly events: DomainEvents) {}

  async publish(tx: Transaction, events: StandEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.events.emit(tx, 'stands.changed', { events });
  }
}
