/** The channels a message can leave on; more can be added beside them (push, WhatsApp) without a domain knowing. */
export type OutboxChannel = 'EMAIL' | 'SMS';

/**
 * One row of the outbox as the domains see it when they compose it: who it is for, what it is
 * about (at most one subject per column), and what it must still be true about when it is sent.
 */
export interface OutboxRow {
  id: string;
  /** A message kind owned by one domain (its composer is registered for it). */
  kind: string;
  channel: OutboxChannel;
  language: string;
  participantId: string | null;
  userId: string | null;
  registrationId: string | null;
  sessionId: string | null;
  standBookingId: string | null;
  shiftAssignmentId: string | null;
  offsetMinutes: number | null;
  payload: Record<string, unknown>;
  dueAt: Date;
  dedupeKey: string;
}

/** A message to write in the caller's transaction; the dedupe key makes writing it twice a no-op. */
export type NewOutboxMessage = Pick<OutboxRow, 'kind' | 'channel' | 'language' | 'dueAt' | 'dedupeKey'> &
  Partial<Pick<OutboxRow, 'participantId' | 'userId' | 'registrationId' | 'sessionId' | 'standBookingId' | 'shiftAssignmentId' | 'offsetMinutes' | 'payload'>>;
