import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationStatus } from '@app/database';
import { MetricsRegistry } from '@app/health';
import { MessageKind } from '../templates/message-kinds';
import { DeliveryResult, NotificationDelivery } from './delivery.service';

/**
 * NotificationDelivery that counts what it settles into the process's /metrics: SENT and FAILED
 * per channel, and the lateness (sentAt - dueAt) of session reminders. Provided in place of
 * NotificationDelivery, so the sending code itself stays free of metrics; it reads the settled
 * row back (one primary-key lookup per message) for its channel, kind and times.
 */
@Injectable()
export class MeteredNotificationDelivery extends NotificationDelivery {
  // Property injection: the constructor (and its parameters) stay NotificationDelivery's own.
  @InjectDataSource() private readonly settled: DataSource;
  @Optional() @Inject(MetricsRegistry) private readonly metrics?: MetricsRegistry;

  override async deliver(notificationId: string): Promise<DeliveryResult> {
    let result: DeliveryResult;
    try {
      result = await super.deliver(notificationId);
    } catch (error) {
      await this.count(notificationId);
      throw error;
    }
    if (result === 'SENT') await this.count(notificationId);
    return result;
  }

  private async count(notificationId: string): Promise<void> {
    if (!this.metrics) return;
    try {
      const [row] = await this.settled.query<{ kind: string; channel: string; status: NotificationStatus; due_at: Date; sent_at: Date | null }[]>(
        `SELECT kind, channel, status, due_at, sent_at FROM notification WHERE id = $1`,
        [notificationId],
      );
      if (row?.status === NotificationStatus.SENT) {
        this.metrics.notificationSent(row.channel, row.kind === MessageKind.SESSION_REMINDER && row.sent_at ? { dueAt: row.due_at, sentAt: row.sent_at } : undefined);
      } else if (row?.status === NotificationStatus.FAILED) {
        this.metrics.notificationFailed(row.channel);
      }
    } catch {
      // Metrics never change the outcome of a delivery.
    }
  }
}
