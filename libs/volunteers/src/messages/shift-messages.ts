import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { calendarMessage, Composition, ComposesMessages, MessageComposer, OutboxRow } from '@app/messaging';
import { SHIFT_MESSAGE_KINDS, ShiftMessageKind } from './shift-message-kinds';
import { ShiftMessagesRepository, ShiftRow } from './shift-messages.repository';

/** A shift reminder's calendar attachment, as for the other Oefenkansen mails. */
export const SHIFT_CALENDAR_FILENAME = 'oefenkansen.ics';

/** A shift reminder, under-staffed alert or swap request, read fresh when sent; or why it is no longer true. */
@Injectable()
@ComposesMessages(...SHIFT_MESSAGE_KINDS)
export class ShiftMessageComposer implements MessageComposer {
  constructor(private readonly messages: ShiftMessagesRepository) {}

  async compose(tx: Transaction, row: OutboxRow, now: Date): Promise<Composition> {
    const user = await this.messages.user(tx, row.userId);
    if (!user?.active) return { stale: 'the user is no longer active' };
    if (row.kind === ShiftMessageKind.SHIFT_UNDERSTAFFED) {
      const shift = await this.messages.shift(tx, row.payload.shiftId);
      if (!shift || shift.status !== 'OPEN') return { stale: 'the shift was cancelled' };
      if (new Date(shift.starts_at).getTime() <= now.getTime()) return { stale: 'the shift has begun' };
      if (shift.held >= shift.needed) return { stale: 'the shift is fully staffed now' };
      return { to: user.email, vars: varsOf(user.display_name, shift, { confirmedCount: shift.held, capacity: shift.needed }), calendar: null };
    }
    if (row.kind === ShiftMessageKind.SHIFT_SWAP_REQUESTED) return this.composeSwapRequest(tx, row, user, now);
    const assignment = await this.messages.assignment(tx, row.shiftAssignmentId);
    if (!assignment || assignment.status !== 'ASSIGNED') return { stale: 'the volunteer no longer has this shift' };
    const shift = (await this.messages.shift(tx, assignment.shift_id))!;
    if (shift.status !== 'OPEN') return { stale: 'the shift was cancelled' };
    if (new Date(shift.starts_at).getTime() <= now.getTime()) return { stale: 'the shift has begun' };
    if (new Date(String(row.payload.startsAt)).getTime() !== new Date(shift.starts_at).getTime()) return { stale: 'the shift moved' };
    return {
      to: user.email,
      vars: varsOf(user.display_name, shift, {}),
      // The same UID and SEQUENCE as the volunteer's calendar feed: an app holding both sees one shift.
      calendar: {
        filename: SHIFT_CALENDAR_FILENAME,
        content: calendarMessage(
          'Oefenkansen',
          'PUBLISH',
          [
            {
              id: row.shiftAssignmentId!,
              start: shift.starts_at,
              end: shift.ends_at,
              summary: shift.title,
              location: [shift.place, shift.address].filter(Boolean).join(', ') || undefined,
              sequence: assignment.calendar_sequence,
              changedAt: assignment.calendar_changed_at,
            },
          ],
          now,
        ),
      },
    };
  }

  /** Sent only while the colleague can still answer: the request open, the holder still on the shift as it was asked. */
  private async composeSwapRequest(tx: Transaction, row: OutboxRow, user: { email: string; display_name: string }, now: Date): Promise<Composition> {
    const request = await this.messages.swapRequest(tx, row.payload.requestId);
    if (!request || request.status !== 'PENDING' || request.assignment_status !== 'ASSIGNED') return { stale: 'the swap request is no longer open' };
    const shift = (await this.messages.shift(tx, request.shift_id))!;
    if (shift.status !== 'OPEN') return { stale: 'the shift was cancelled' };
    if (new Date(shift.starts_at).getTime() <= now.getTime()) return { stale: 'the shift has begun' };
    return { to: user.email, vars: varsOf(user.display_name, shift, { colleagueName: request.from_name }), calendar: null };
  }
}

function varsOf(firstName: string, shift: ShiftRow, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    firstName,
    sessionTitle: shift.title,
    startsAt: new Date(shift.starts_at),
    endsAt: new Date(shift.ends_at),
    venueName: shift.place ?? 'Kortrijk',
    venueAddress: shift.address ?? '8500 Kortrijk',
    ...extra,
  };
}
