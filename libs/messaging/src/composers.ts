import { SetMetadata } from '@nestjs/common';
import type { Transaction } from '@app/database';
import type { OutboxRow } from './outbox-message';

/** What to send and to whom, read fresh at sending time; the words come from the catalogue of `row.kind`. */
export interface PreparedMessage {
  to: string;
  vars: Record<string, unknown>;
  /** An iCalendar attachment (mail only). */
  calendar: { filename: string; content: string } | null;
  /** An SMS awaited right now (a registration code): it leaves at night too. */
  ignoresQuietHours?: boolean;
  /** The confirmation of a STOP: the one SMS that still goes to a number on the opt-out list. */
  confirmsOptOut?: boolean;
  /** A reminder: how late it left after its due time is measured (/metrics). */
  measureLateness?: boolean;
}

/** Either the message, or why it is no longer true (then it is cancelled with that reason, not sent). */
export type Composition = PreparedMessage | { stale: string };

/**
 * The domain side of a message kind: the domain that owns the kind reads its own tables to fill
 * it in. Messaging calls it inside the transaction that claims the row, and never reads a domain's
 * tables itself.
 */
export interface MessageComposer {
  compose(tx: Transaction, row: OutboxRow, now: Date): Promise<Composition>;
  /**
   * The same for a batch of rows of this composer's kinds, in their order, with the reads shared
   * (a burst of reminders reads its subjects in one statement). Optional: without it, delivery
   * calls `compose` once per row.
   */
  composeMany?(tx: Transaction, rows: readonly OutboxRow[], now: Date): Promise<Composition[]>;
  /** After the row is final (sent, failed for good, cancelled): e.g. a registration code forgets the code. */
  settled?(tx: Transaction, row: OutboxRow): Promise<void>;
}

export const MESSAGE_KINDS_METADATA = 'oefenkansen:message-kinds';

/**
 * Marks a provider as the composer of these message kinds; messaging finds it at boot. A kind with
 * no composer, or with two, stops the worker at start-up.
 */
export const ComposesMessages = (...kinds: string[]): ClassDecorator => SetMetadata(MESSAGE_KINDS_METADATA, kinds);
