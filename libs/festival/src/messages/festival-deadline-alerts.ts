import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import { Transactions } from '@app/database';
import { Outbox } from '@app/messaging';
import { JobName, OnJob } from '@app/queues';
import { FestivalMessageKind } from './festival-message-kinds';
import { FestivalMessagesRepository } from './festival-messages.repository';

/** Coordinators hear this many days before a festival's application deadline if plots are still free. */
export const FESTIVAL_DEADLINE_ALERT_DAYS = 7;

/** The coordinators' alert that an application deadline is near while plots are still free; run every few minutes by the worker. */
@Injectable()
export class FestivalDeadlineAlerts {
  constructor(
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly messages: FestivalMessagesRepository,
  ) {}

  @OnJob(JobName.SWEEP_FESTIVAL_DEADLINES)
  async sweepJob(): Promise<{ festivalDeadlines: number }> {
    return { festivalDeadlines: await this.sweep() };
  }

  /** Editions whose application deadline is within a week while plots are still free: every coordinator hears it once per deadline. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const editions = await this.messages.editionsWithDeadlineBetween(now, new Date(now.getTime() + FESTIVAL_DEADLINE_ALERT_DAYS * 86_400_000));
    let written = 0;
    for (const edition of editions) {
      written += await this.transactions.run(async (tx) => {
        if ((await this.messages.freePlotCount(tx, edition.id)) === 0) return 0;
        const deadline = new Date(edition.application_deadline);
        const staff = await this.messages.coordinators(tx);
        for (const coordinator of staff) {
          await this.outbox.write(tx, [
            {
              kind: FestivalMessageKind.FESTIVAL_DEADLINE_NEAR,
              channel: 'EMAIL',
              userId: coordinator.id,
              language: coordinator.preferred_language,
              dueAt: now,
              dedupeKey: `${FestivalMessageKind.FESTIVAL_DEADLINE_NEAR}|${edition.id}|${deadline.getTime()}|${coordinator.id}`,
              payload: { editionId: edition.id, deadline: deadline.toISOString() },
            },
          ]);
        }
        return staff.length;
      });
    }
    return written;
  }
}
