import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import { Transactions } from '@app/database';
import { Outbox } from '@app/messaging';
import { JobName, OnJob } from '@app/queues';
import { ShiftMessageKind } from './shift-message-kinds';
import { ShiftMessagesRepository } from './shift-messages.repository';

/** Coordinators hear this many hours ahead when a shift still lacks volunteers. */
export const SHIFT_UNDERSTAFFED_HOURS = 72;

/** The coordinators' alert that a shift soon to start still lacks volunteers; run every few minutes by the worker. */
@Injectable()
export class UnderstaffedShiftAlerts {
  constructor(
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly messages: ShiftMessagesRepository,
  ) {}

  @OnJob(JobName.SWEEP_UNDERSTAFFED_SHIFTS)
  async sweepJob(): Promise<{ understaffedShifts: number }> {
    return { understaffedShifts: await this.sweep() };
  }

  /** Shifts within 72 hours that still lack volunteers: every coordinator hears it once per shift. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const shifts = await this.messages.understaffedShifts(now, new Date(now.getTime() + SHIFT_UNDERSTAFFED_HOURS * 3_600_000));
    if (shifts.length === 0) return 0;
    const staff = await this.messages.coordinators();
    let written = 0;
    for (const shift of shifts) {
      await this.transactions.run((tx) =>
        this.outbox.write(
          tx,
          staff.map((coordinator) => ({
            kind: ShiftMessageKind.SHIFT_UNDERSTAFFED,
            channel: 'EMAIL' as const,
            userId: coordinator.id,
            language: coordinator.preferred_language,
            dueAt: now,
            dedupeKey: `${ShiftMessageKind.SHIFT_UNDERSTAFFED}|${shift.id}|${coordinator.id}`,
            payload: { shiftId: shift.id },
          })),
        ),
      );
      written += staff.length;
    }
    return written;
  }
}
