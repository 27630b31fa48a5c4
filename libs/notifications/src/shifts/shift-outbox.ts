import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { NotificationStatus } from '../entities';
import { ShiftEvent } from '@app/volunteers';
import { EventMap, OnEvent } from '@app/events';
import { MessageKind } from '../templates/message-kinds';

/** A volunteer hears about a shift two days and three hours before it. */
export const SHIFT_REMINDER_OFFSETS_MINUTES = [48 * 60, 3 * 60];

/** Shift reminders written and withdrawn in the transaction that assigns or releases the volunteer (docs/architecture.md#invariant-4). */
@Injectable()
export class ShiftOutbox {
  constructor(private readonly clock: Clock) {}

  @OnEvent({ name: 'shifts.changed', order: 100 })
  async onShiftsChanged(manager: EntityManager, { events }: EventMap['shifts.changed']): Promise<void> {
    await this.write(manager, events);
  }

  @OnEvent({ name: 'shiftSwap.requested', order: 100 })
  async onSwapRequested(manager: EntityManager, { requestId }: EventMap['shiftSwap.requested']): Promise<void> {
    await this.writeSwapRequest(manager, requestId);
  }

  /** The colleague asked hears it at once, in their language; the mail is about the holder's assignment, so releasing or moving it withdraws the mail too. */
  async writeSwapRequest(manager: EntityManager, requestId: string): Promise<void> {
    await manager.query(
      `INSERT INTO notification (kind, channel, user_id, language, shift_assignment_id, payload, due_at, dedupe_key)
       SELECT $1, 'EMAIL', r.to_volunteer_id, u.preferred_language, r.assignment_id, jsonb_build_object('requestId', r.id), $3, $4
         FROM shift_swap_request r JOIN app_user u ON u.id = r.to_volunteer_id WHERE r.id = $2
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [MessageKind.SHIFT_SWAP_REQUESTED, requestId, this.clock.now(), `${MessageKind.SHIFT_SWAP_REQUESTED}|${requestId}`],
    );
  }

  async write(manager: EntityManager, events: ShiftEvent[]): Promise<void> {
    const now = this.clock.now();
    for (const event of events) {
      if (event.kind !== 'ASSIGNED') {
        await manager.query(`UPDATE notification SET status = $2, last_error = $4, updated_at = now() WHERE shift_assignment_id = ANY($1::uuid[]) AND status = $3`, [
          event.assignmentIds,
          NotificationStatus.CANCELLED,
          NotificationStatus.PENDING,
          event.kind === 'MOVED' ? 'the shift moved; a reminder at the new time replaces this one' : 'the volunteer no longer has this shift',
        ]);
        if (event.kind === 'RELEASED') continue;
      }
      const assignments = await manager.query<{ id: string; volunteer_id: string; starts_at: Date; preferred_language: string }[]>(
        `SELECT a.id, a.volunteer_id, a.starts_at, u.preferred_language FROM shift_assignment a JOIN app_user u ON u.id = a.volunteer_id WHERE a.id = ANY($1::uuid[])`,
        [event.assignmentIds],
      );
      for (const assignment of assignments) {
        for (const offset of SHIFT_REMINDER_OFFSETS_MINUTES) {
          const dueAt = new Date(new Date(assignment.starts_at).getTime() - offset * 60_000);
          if (dueAt.getTime() <= now.getTime()) continue;
          await manager.query(
            `INSERT INTO notification (kind, channel, user_id, language, shift_assignment_id, offset_minutes, payload, due_at, dedupe_key)
             VALUES ($1, 'EMAIL', $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING`,
            [
              MessageKind.SHIFT_REMINDER,
              assignment.volunteer_id,
              assignment.preferred_language,
              assignment.id,
              offset,
              JSON.stringify({ startsAt: new Date(assignment.starts_at).toISOString() }),
              dueAt,
              `${MessageKind.SHIFT_REMINDER}|${assignment.id}|${offset}|${new Date(assignment.starts_at).getTime()}`,
            ],
          );
        }
      }
    }
  }
}
