import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import type { Transaction } from '@app/database';
import { EventMap, OnEvent } from '@app/events';
import { Outbox } from '@app/messaging';
import { ShiftEvent } from '../shifts/shift-events';
import { ShiftMessageKind } from './shift-message-kinds';
import { ShiftMessagesRepository } from './shift-messages.repository';

/** A volunteer hears about a shift two days and three hours before it. */
export const SHIFT_REMINDER_OFFSETS_MINUTES = [48 * 60, 3 * 60];

/** Shift reminders written and withdrawn in the transaction that assigns or releases the volunteer (docs/architecture.md#invariant-4). */
@Injectable()
export class ShiftOutbox {
  constructor(
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly messages: ShiftMessagesRepository,
  ) {}

  @OnEvent({ name: 'shifts.changed', order: 100 })
  async onShiftsChanged(tx: Transaction, { events }: EventMap['shifts.changed']): Promise<void> {
    await this.write(tx, events);
  }

  @OnEvent({ name: 'shiftSwap.requested', order: 100 })
  async onSwapRequested(tx: Transaction, { requestId }: EventMap['shiftSwap.requested']): Promise<void> {
    await this.writeSwapRequest(tx, requestId);
  }

  /** The colleague asked hears it at once, in their language; the mail is about the holder's assignment, so releasing or moving it withdraws the mail too. */
  async writeSwapRequest(tx: Transaction, requestId: string): Promise<void> {
    const request = await this.messages.swapRequestRecipient(tx, requestId);
    if (!request) return;
    await this.outbox.write(tx, [
      {
        kind: ShiftMessageKind.SHIFT_SWAP_REQUESTED,
        channel: 'EMAIL',
        userId: request.to_volunteer_id,
        language: request.preferred_language,
        shiftAssignmentId: request.assignment_id,
        payload: { requestId: request.id },
        dueAt: this.clock.now(),
        dedupeKey: `${ShiftMessageKind.SHIFT_SWAP_REQUESTED}|${requestId}`,
      },
    ]);
  }

  async write(tx: Transaction, events: ShiftEvent[]): Promise<void> {
    const now = this.clock.now();
    for (const event of events) {
      if (event.kind !== 'ASSIGNED') {
        await this.outbox.cancelPending(
          tx,
          { shiftAssignmentIds: event.assignmentIds },
          event.kind === 'MOVED' ? 'the shift moved; a reminder at the new time replaces this one' : 'the volunteer no longer has this shift',
        );
        if (event.kind === 'RELEASED') continue;
      }
      for (const assignment of await this.messages.assignmentsWithLanguage(tx, event.assignmentIds)) {
        for (const offset of SHIFT_REMINDER_OFFSETS_MINUTES) {
          const dueAt = new Date(new Date(assignment.starts_at).getTime() - offset * 60_000);
          if (dueAt.getTime() <= now.getTime()) continue;
          await this.outbox.write(tx, [
            {
              kind: ShiftMessageKind.SHIFT_REMINDER,
              channel: 'EMAIL',
              userId: assignment.volunteer_id,
              language: assignment.preferred_language,
              shiftAssignmentId: assignment.id,
              offsetMinutes: offset,
              payload: { startsAt: new Date(assignment.starts_at).toISOString() },
              dueAt,
              dedupeKey: `${ShiftMessageKind.SHIFT_REMINDER}|${assignment.id}|${offset}|${new Date(assignment.starts_at).getTime()}`,
            },
          ]);
        }
      }
    }
  }
}
