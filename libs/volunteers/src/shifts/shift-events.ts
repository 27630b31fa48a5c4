import { Injectable } from '@nestjs/common';
import { Transaction } from '@app/database';
import { DomainEvents, ShiftChange } from '@app/events';

/** Assignments that now hold a volunteer's time (reminders due), hold it at another time (reminders follow), or no longer do (reminders off). */
export type ShiftEvent = ShiftChange;

/** Emits shift changes on the domain-event bus inside the transaction that made them, leaving out changes without assignments. */
@Injectable()
export class ShiftEvents {
  constructor(private readonly events: DomainEvents) {}

  async publish(tx: Transaction, events: ShiftEvent[]): Promise<void> {
    const relevant = events.filter((event) => event.assignmentIds.length > 0);
    if (relevant.length === 0) return;
    await this.events.emit(tx, 'shifts.changed', { events: relevant });
  }

  async publishSwapRequested(tx: Transaction, requestId: string): Promise<void> {
    await this.events.emit(tx, 'shiftSwap.requested', { requestId });
  }
}
