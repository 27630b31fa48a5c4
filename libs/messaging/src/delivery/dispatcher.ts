import { Injectable } from '@nestjs/common';
import { Clock, NotificationChannel } from '@app/common';
import { JobName, JobProducer, OnJob } from '@app/queues';
import { NotificationRepository } from '../notification.repository';

/** Rows due within this window go to BullMQ as delayed jobs, so they leave on the minute. */
export const DISPATCH_LOOKAHEAD_MS = 10 * 60_000;
const BATCH = 1000;

/** The BullMQ job id of a row's current due time: a deferred row gets a new job, a lost job comes back. */
export function deliveryJobId(notificationId: string, dueAt: Date): string {
  return `${notificationId}-${dueAt.getTime()}`;
}

/** Mail and text messages leave through queues of their own, each worked at its own concurrency (apps/worker). */
export function deliveryJobName(channel: NotificationChannel): JobName.DELIVER_NOTIFICATION | JobName.DELIVER_TEXT_MESSAGE {
  return channel === NotificationChannel.SMS ? JobName.DELIVER_TEXT_MESSAGE : JobName.DELIVER_NOTIFICATION;
}

/**
 * Moves due PENDING rows into BullMQ. Run every 20 s and at worker start: adding a job whose id
 * exists is a no-op, so re-adding everything due also brings back jobs a flushed Redis lost.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly jobs: JobProducer,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.DISPATCH_NOTIFICATIONS)
  async dispatchDue(): Promise<{ enqueued: number }> {
    const now = this.clock.now();
    let enqueued = 0;
    let after = new Date(0);
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.notifications.due(new Date(now.getTime() + DISPATCH_LOOKAHEAD_MS), after, afterId, BATCH);
      if (rows.length === 0) return { enqueued };
      for (const channel of new Set(rows.map((row) => row.channel))) {
        await this.jobs.enqueueMany(
          deliveryJobName(channel),
          rows
            .filter((row) => row.channel === channel)
            .map((row) => ({
              payload: { notificationId: row.id },
              jobId: deliveryJobId(row.id, row.due_at),
              delay: Math.max(0, row.due_at.getTime() - now.getTime()),
            })),
        );
      }
      enqueued += rows.length;
      after = rows[rows.length - 1].due_at;
      afterId = rows[rows.length - 1].id;
    }
  }
}
