import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';

/** What became of an SMS reply (stored as text: new outcomes need no migration). */
export enum SmsReplyOutcome {
  /** STOP: the number is on the opt-out list now and gets one confirmation. */
  STOPPED = 'STOPPED',
  /** STOP from a number that had stopped already: nothing more is sent. */
  ALREADY_STOPPED = 'ALREADY_STOPPED',
  /** NO: the registration the last message was about is cancelled. */
  CANCELLED = 'CANCELLED',
  /** YES: the person says they are coming (or accepted the offered seat). */
  CONFIRMED = 'CONFIRMED',
  /** A keyword whose action no longer applies (the registration is over, the session started): the help answer instead. */
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  /** Anything else: the short answer with the personal link went out. */
  HELP_SENT = 'HELP_SENT',
  /** Anything else, but a help answer went to this registration within the hour: nothing sent (no loop between robots). */
  HELP_SKIPPED = 'HELP_SKIPPED',
  /** A number we never sent a registration message to: kept, no answer (an SMS to a stranger costs money). */
  UNKNOWN_SENDER = 'UNKNOWN_SENDER',
}

/**
 * One SMS reply the gateway forwarded (POST /webhooks/sms), once per gateway message id: a
 * replayed call finds its row and does nothing. The text may hold personal data; the retention
 * job deletes the rows after the schedule's months.
 */
@Entity('sms_inbound')
@Index('sms_inbound_message_id', ['messageId'], { unique: true })
@Index('sms_inbound_received_at', ['receivedAt'])
@Index('sms_inbound_participant', ['participantId'])
export class SmsInboundEntity extends BaseEntity {
  /** The gateway's id of the message. */
  @Column({ type: 'varchar', length: 200 })
  messageId: string;

  /** The sender, E.164. */
  @Column({ type: 'varchar', length: 20 })
  fromPhone: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  /** STOP, NO or YES; null for anything else. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  keyword: string | null;

  @Column({ type: 'varchar', length: 30 })
  outcome: SmsReplyOutcome;

  /** The registration the last SMS to this number was about; null for an unknown number. */
  @Column({ type: 'uuid', nullable: true })
  registrationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;
}
