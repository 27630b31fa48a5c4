import { Column, Entity, Index } from 'typeorm';
import { NotificationChannel } from '@app/common';
import { BaseEntity } from '@app/database';
import { NotificationStatus } from './enums';

/**
 * The transactional outbox: one row per message to send, written in the transaction of the change
 * that causes it. BullMQ only carries the rows that are due; this table is the truth.
 */
@Entity('notification')
@Index('notification_dedupe_key', ['dedupeKey'], { unique: true })
@Index(['status', 'dueAt'])
@Index(['registrationId'])
@Index(['sessionId'])
@Index(['standBookingId'])
@Index(['shiftAssignmentId'])
export class NotificationEntity extends BaseEntity {
  /** A message kind of the domain that wrote the row (its composer is registered for it). */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'enum', enum: NotificationChannel, enumName: 'notification_channel' })
  channel: NotificationChannel;

  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 10 })
  language: string;

  @Column({ type: 'uuid', nullable: true })
  registrationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  /** The stand booking a festival message is about. */
  @Column({ type: 'uuid', nullable: true })
  standBookingId: string | null;

  /** The volunteer's shift a shift reminder is about. */
  @Column({ type: 'uuid', nullable: true })
  shiftAssignmentId: string | null;

  /** Minutes before the session, for reminders. */
  @Column({ type: 'int', nullable: true })
  offsetMinutes: number | null;

  /** What the message must still be true about when it is sent (e.g. the session start it refers to). */
  @Column({ type: 'jsonb', default: {} })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** (kind, subject, offset): writing the same message twice is impossible. */
  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ type: 'enum', enum: NotificationStatus, enumName: 'notification_status', default: NotificationStatus.PENDING })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
