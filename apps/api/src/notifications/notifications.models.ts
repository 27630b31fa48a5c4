import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DeliveryOutcome, NotificationChannel, NotificationStatus } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';

@ObjectType('DeliveryAttempt', { description: 'One try to deliver a message. Attempts before a resend are numbered 0, -1, -2, …' })
export class DeliveryAttemptModel {
  @Field(() => Int) attempt: number;
  @Field(() => DeliveryOutcome) outcome: DeliveryOutcome;
  @Field(() => DateTimeScalar) startedAt: Date;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt: Date | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => String, { nullable: true, description: 'SMTP Message-ID or the SMS gateway’s id' }) providerId: string | null;
  notificationId: string;
}

@ObjectType('Notification', { description: 'A message in the outbox (for coordinators)' })
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. REGISTRATION_CONFIRMED, WAITLISTED, PROMOTED, SESSION_REMINDER' }) kind: string;
  @Field(() => NotificationChannel) channel: NotificationChannel;
  @Field({ description: 'The language it is (or was) written in' }) language: string;
  @Field(() => NotificationStatus) status: NotificationStatus;
  @Field(() => DateTimeScalar) dueAt: Date;
  @Field(() => DateTimeScalar, { nullable: true }) sentAt: Date | null;
  @Field(() => Int, { description: 'Attempts since it was written or last resent' }) attempts: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, or why it was cancelled' }) lastError: string | null;
  @Field({ description: 'Unique per (kind, subject, reminder offset); also the SMS gateway’s Idempotency-Key' }) dedupeKey: string;
  @Field(() => DateTimeScalar) createdAt: Date;
  participantId: string | null;
  sessionId: string | null;
}

@InputType()
export class NotificationFilter {
  @Field(() => ID, { nullable: true }) sessionId?: string | null;
  @Field(() => ID, { nullable: true }) participantId?: string | null;
  @Field(() => ID, { nullable: true }) registrationId?: string | null;
  @Field(() => NotificationStatus, { nullable: true }) status?: NotificationStatus | null;
  @Field(() => String, { nullable: true, description: 'A message kind, e.g. SESSION_REMINDER' }) kind?: string | null;
  @Field(() => NotificationChannel, { nullable: true }) channel?: NotificationChannel | null;
  @Field(() => String, { nullable: true, description: 'A message language, e.g. ar' }) language?: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Messages due at or after this time; without a subject or status the list keeps to the last 30 days by default',
  })
  since?: Date | null;
}

@ObjectType('MessagePreview', { description: 'A message kind rendered with demo values, as a reader would get it' })
export class MessagePreviewModel {
  @Field() kind: string;
  @Field({ description: 'The language used (nl when the language has no words for this kind: then Dutch + English)' }) language: string;
  @Field({ description: 'ltr or rtl' }) direction: string;
  @Field(() => NotificationChannel) channel: NotificationChannel;
  @Field(() => String, { nullable: true, description: 'Mail only' }) subject: string | null;
  @Field(() => String, { nullable: true, description: 'Mail only: the plain-text part' }) text: string | null;
  @Field(() => String, { nullable: true, description: 'Mail only: the HTML part' }) html: string | null;
  @Field(() => String, { nullable: true, description: 'SMS only: the text as sent' }) sms: string | null;
  @Field(() => Int, { nullable: true, description: 'SMS only: how many parts' }) smsSegments: number | null;
  @Field(() => String, { nullable: true, description: 'SMS only: GSM-7 or UCS-2' }) smsEncoding: string | null;
}
