import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Assignments that now hold a volunteer's time (reminders due), hold it at another time (reminders follow), or no longer do (reminders off). */
export type ShiftEvent = { kind: 'ASSIGNED' | 'MOVED' | 'RELEASED'; assignmentIds: string[] };

export interface ShiftEventListener {
  onShiftEvents(manager: EntityManager, events: ShiftEvent[]): Promise<void>;
  /** A colleague was asked to take a shift over: the request's id (the outbox writes their e-mail). */
  onSwapRequested?(manager: EntityManager, requestId: string): Promise<void>;
}

/** Hands shift events to listeners inside the transaction that made the change (the notifications outbox plugs in here). */
@Injectable()
export class ShiftEvents {
  private readonly listeners: ShiftEventListener[] = [];

  subscribe(listener: ShiftEventListener): void {
    this.listeners.push(listener);
  }

  async publish(manager: EntityManager, events: ShiftEvent[]): Promise<void> {
    const relevant = events.filter((event) => event.assignmentIds.length > 0);
    if (relevant.length === 0) return;
    for (const listener of this.listeners) await listener.onShiftEvents(manager, relevant);
  }

  async publishSwapRequested(manager: EntityManager, requestId: string): Promise<void> {
    for (const listener of this.listeners) await listener.onSwapRequested?.(manager, requestId);
  }
}
