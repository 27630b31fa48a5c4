import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import type { Transaction } from '@app/database';
import { EventMap, OnEvent } from '@app/events';
import { NewOutboxMessage, Outbox } from '@app/messaging';
import { StandEvent } from '../bookings/festival-events';
import { FESTIVAL_MESSAGE_KINDS, FestivalMessageKind, LISTING_KINDS } from './festival-message-kinds';
import { FestivalMessagesRepository, Organiser } from './festival-messages.repository';

/** A confirmed stand hears from us a week and a day before each of its festival days (minutes before the day opens). */
export const STAND_REMINDER_OFFSETS_MINUTES = [7 * 24 * 60, 24 * 60];

const MESSAGE_OF_EVENT: Record<StandEvent['kind'], FestivalMessageKind | null> = {
  APPLIED: FestivalMessageKind.STAND_APPLICATION_RECEIVED,
  CONFIRMED: FestivalMessageKind.STAND_CONFIRMED,
  REFUSED: FestivalMessageKind.STAND_REFUSED,
  CANCELLED_BY_CITY: FestivalMessageKind.STAND_CANCELLED,
  CANCELLED_BY_ORGANISER: null,
  MOVED: FestivalMessageKind.STAND_MOVED,
};

/**
 * Turns stand events into outbox rows in the transaction of the change (docs/architecture.md#invariant-4): a message
 * to each organiser of the association, reminders for the days of confirmed stands, and the end of
 * pending messages about a booking that is cancelled.
 */
@Injectable()
export class FestivalOutbox {
  constructor(
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly messages: FestivalMessagesRepository,
  ) {}

  @OnEvent({ name: 'stands.changed', order: 100 })
  async onStandsChanged(tx: Transaction, { events }: EventMap['stands.changed']): Promise<void> {
    await this.write(tx, events);
  }

  async write(tx: Transaction, events: StandEvent[]): Promise<void> {
    const now = this.clock.now();
    for (const event of events) {
      const bookingIds = 'bookingIds' in event ? event.bookingIds : [event.bookingId];
      if (event.kind === 'REFUSED' || event.kind.startsWith('CANCELLED')) await this.cancelPending(tx, bookingIds[0]);
      const kind = MESSAGE_OF_EVENT[event.kind];
      const organisers = await this.messages.organisersOf(tx, event.organisationId);
      const version = event.kind === 'MOVED' ? await this.currentPlacement(tx, bookingIds[0]) : '';
      for (const organiser of organisers) {
        if (kind) {
          const payload =
            event.kind === 'MOVED'
              ? {
                  bookingIds,
                  previous: { plotId: event.previous.plotId, startsAt: event.previous.startsAt.toISOString(), endsAt: event.previous.endsAt.toISOString() },
                  placement: version,
                }
              : { bookingIds };
          await this.insert(tx, {
            kind,
            userId: organiser.id,
            language: organiser.preferred_language,
            standBookingId: bookingIds[0],
            payload,
            dueAt: now,
            dedupeKey: `${kind}|${bookingIds[0]}|${organiser.id}${version ? `|${version}` : ''}`,
          });
        }
        if (event.kind === 'CONFIRMED' || event.kind === 'MOVED') await this.insertReminders(tx, organiser, event.organisationId, bookingIds, now);
      }
    }
  }

  /** One reminder per association, festival day and offset; what it lists is read when it is sent. */
  private async insertReminders(tx: Transaction, organiser: Organiser, organisationId: string, bookingIds: string[], now: Date): Promise<void> {
    for (const { edition_id, day, opens_at } of await this.messages.confirmedDays(tx, bookingIds)) {
      if (!opens_at) continue;
      for (const offset of STAND_REMINDER_OFFSETS_MINUTES) {
        const dueAt = new Date(new Date(opens_at).getTime() - offset * 60_000);
        if (dueAt.getTime() <= now.getTime()) continue;
        await this.insert(tx, {
          kind: FestivalMessageKind.STAND_REMINDER,
          userId: organiser.id,
          language: organiser.preferred_language,
          standBookingId: null,
          payload: { editionId: edition_id, organisationId, day },
          dueAt,
          offsetMinutes: offset,
          dedupeKey: `${FestivalMessageKind.STAND_REMINDER}|${organisationId}|${edition_id}|${day}|${offset}|${organiser.id}`,
        });
      }
    }
  }

  /** Plot and start of a booking now: a booking moved twice gets a message per move. */
  private async currentPlacement(tx: Transaction, bookingId: string): Promise<string> {
    const row = await this.messages.placementOf(tx, bookingId);
    return `${row.plot_id}@${new Date(row.starts_at).getTime()}-${new Date(row.ends_at).getTime()}`;
  }

  /**
   * Pending messages about the booking end here. A message listing several slots (filed under the
   * first) stays while another slot it lists is still live: it is sent without this one.
   */
  private async cancelPending(tx: Transaction, bookingId: string): Promise<void> {
    const kept = new Set(await this.messages.listingKindsStillLive(tx, bookingId, [...LISTING_KINDS]));
    // Only festival messages are filed under a stand booking: naming the others is naming them all.
    await this.outbox.cancelPending(
      tx,
      { standBookingIds: [bookingId], kinds: FESTIVAL_MESSAGE_KINDS.filter((kind) => !kept.has(kind)) },
      'the booking was cancelled',
    );
  }

  /** Festival messages go by e-mail only. */
  private async insert(tx: Transaction, row: Omit<NewOutboxMessage, 'channel'> & { kind: FestivalMessageKind; userId: string }): Promise<void> {
    await this.outbox.write(tx, [{ channel: 'EMAIL', ...row }]);
  }
}
