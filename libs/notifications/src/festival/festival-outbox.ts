import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { NotificationStatus } from '../entities';
import { StandEvent } from '@app/festival';
import { EventMap, OnEvent } from '@app/events';
import { MessageKind } from '../templates/message-kinds';
import { LISTING_KINDS } from './festival-messages';

/** A confirmed stand hears from us a week and a day before each of its festival days (minutes before the day opens). */
export const STAND_REMINDER_OFFSETS_MINUTES = [7 * 24 * 60, 24 * 60];

const MESSAGE_OF_EVENT: Record<StandEvent['kind'], MessageKind | null> = {
  APPLIED: MessageKind.STAND_APPLICATION_RECEIVED,
  CONFIRMED: MessageKind.STAND_CONFIRMED,
  REFUSED: MessageKind.STAND_REFUSED,
  CANCELLED_BY_CITY: MessageKind.STAND_CANCELLED,
  CANCELLED_BY_ORGANISER: null,
  MOVED: MessageKind.STAND_MOVED,
};

interface Organiser {
  id: string;
  preferred_language: string;
}

/**
 * Turns stand events into outbox rows in the transaction of the change (docs/architecture.md#invariant-4): a message
 * to each organiser of the association, reminders for the days of confirmed stands, and the end of
 * pending messages about a booking that is cancelled.
 */
@Injectable()
export class FestivalOutbox {
  constructor(private readonly clock: Clock) {}

  @OnEvent({ name: 'stands.changed', order: 100 })
  async onStandsChanged(manager: EntityManager, { events }: EventMap['stands.changed']): Promise<void> {
    await this.write(manager, events);
  }

  async write(manager: EntityManager, events: StandEvent[]): Promise<void> {
    const now = this.clock.now();
    for (const event of events) {
      const bookingIds = 'bookingIds' in event ? event.bookingIds : [event.bookingId];
      if (event.kind === 'REFUSED' || event.kind.startsWith('CANCELLED')) await this.cancelPending(manager, bookingIds[0]);
      const kind = MESSAGE_OF_EVENT[event.kind];
      const organisers = await manager.query<Organiser[]>(
        `SELECT id, preferred_language FROM app_user WHERE organisation_id = $1 AND active AND 'FESTIVAL_ORGANISER' = ANY(roles::text[]) ORDER BY id`,
        [event.organisationId],
      );
      const version = event.kind === 'MOVED' ? await this.currentPlacement(manager, bookingIds[0]) : '';
      for (const organiser of organisers) {
        if (kind) {
          const payload = event.kind === 'MOVED' ? { bookingIds, previous: { plotId: event.previous.plotId, startsAt: event.previous.startsAt.toISOString(), endsAt: event.previous.endsAt.toISOString() }, placement: version } : { bookingIds };
          await this.insert(manager, { kind, userId: organiser.id, language: organiser.preferred_language, standBookingId: bookingIds[0], payload, dueAt: now, dedupeKey: `${kind}|${bookingIds[0]}|${organiser.id}${version ? `|${version}` : ''}` });
        }
        if (event.kind === 'CONFIRMED' || event.kind === 'MOVED') await this.insertReminders(manager, organiser, event.organisationId, bookingIds, now);
      }
    }
  }

  /** One reminder per association, festival day and offset; what it lists is read when it is sent. */
  private async insertReminders(manager: EntityManager, organiser: Organiser, organisationId: string, bookingIds: string[], now: Date): Promise<void> {
    const days = await manager.query<{ edition_id: string; day: string; opens_at: Date }[]>(
      `SELECT DISTINCT b.edition_id, to_char(b.day, 'YYYY-MM-DD') AS day,
              (SELECT min(o.starts_at) FROM festival_opening_block o WHERE o.edition_id = b.edition_id AND o.day = b.day) AS opens_at
         FROM stand_booking b WHERE b.id = ANY($1::uuid[]) AND b.status = 'CONFIRMED'`,
      [bookingIds],
    );
    for (const { edition_id, day, opens_at } of days) {
      if (!opens_at) continue;
      for (const offset of STAND_REMINDER_OFFSETS_MINUTES) {
        const dueAt = new Date(new Date(opens_at).getTime() - offset * 60_000);
        if (dueAt.getTime() <= now.getTime()) continue;
        await this.insert(manager, {
          kind: MessageKind.STAND_REMINDER,
          userId: organiser.id,
          language: organiser.preferred_language,
          standBookingId: null,
          payload: { editionId: edition_id, organisationId, day },
          dueAt,
          offsetMinutes: offset,
          dedupeKey: `${MessageKind.STAND_REMINDER}|${organisationId}|${edition_id}|${day}|${offset}|${organiser.id}`,
        });
      }
    }
  }

  /** Plot and start of a booking now: a booking moved twice gets a message per move. */
  private async currentPlacement(manager: EntityManager, bookingId: string): Promise<string> {
    const [row] = await manager.query<{ plot_id: string; starts_at: Date; ends_at: Date }[]>(`SELECT plot_id, starts_at, ends_at FROM stand_booking WHERE id = $1`, [bookingId]);
    return `${row.plot_id}@${new Date(row.starts_at).getTime()}-${new Date(row.ends_at).getTime()}`;
  }

  /**
   * Pending messages about the booking end here. A message listing several slots (filed under the
   * first) stays while another slot it lists is still live: it is sent without this one.
   */
  private async cancelPending(manager: EntityManager, bookingId: string): Promise<void> {
    await manager.query(
      `UPDATE notification n SET status = $2, last_error = 'the booking was cancelled', updated_at = now()
        WHERE n.stand_booking_id = $1 AND n.status = $3
          AND NOT (n.kind = ANY($4::text[]) AND EXISTS (
            SELECT 1 FROM stand_booking b
             WHERE b.id IN (SELECT jsonb_array_elements_text(COALESCE(n.payload->'bookingIds', '[]'::jsonb))::uuid) AND b.status <> 'CANCELLED'))`,
      [bookingId, NotificationStatus.CANCELLED, NotificationStatus.PENDING, [...LISTING_KINDS]],
    );
  }

  private async insert(
    manager: EntityManager,
    row: { kind: MessageKind; userId: string; language: string; standBookingId: string | null; payload: object; dueAt: Date; dedupeKey: string; offsetMinutes?: number },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notification (kind, channel, user_id, language, stand_booking_id, offset_minutes, payload, due_at, dedupe_key)
       VALUES ($1, 'EMAIL', $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING`,
      [row.kind, row.userId, row.language, row.standBookingId, row.offsetMinutes ?? null, JSON.stringify(row.payload), row.dueAt, row.dedupeKey],
    );
  }
}
