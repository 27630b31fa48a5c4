import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A change to stand bookings that the organisers hear about. */
export type StandEvent =
  | { kind: 'APPLIED'; organisationId: string; bookingIds: string[] }
  | { kind: 'CONFIRMED'; organisationId: string; bookingIds: string[] }
  | { kind: 'REFUSED'; organisationId: string; bookingId: string }
  | { kind: 'CANCELLED_BY_CITY'; organisationId: string; bookingId: string }
  | { kind: 'CANCELLED_BY_ORGANISER'; organisationId: string; bookingId: string }
  | { kind: 'MOVED'; organisationId: string; bookingId: string; previous: { plotId: string; startsAt: Date; endsAt: Date } };

export interface StandEventListener {
  onStandEvents(manager: EntityManager, events: StandEvent[]): Promise<void>;
}

/** Hands stand events to listeners inside the transaction that made the change (the notifications outbox plugs in here). */
@Injectable()
export class FestivalEvents {
  private readonly listeners: StandEventListener[] = [];

  subscribe(listener: StandEventListener): void {
    this.listeners.push(listener);
  }

  async publish(manager: EntityManager, events: StandEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const listener of this.listeners) await listener.onStandEvents(manager, events);
  }
}
