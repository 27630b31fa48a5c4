import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { calendarMessage, Composition, ComposesMessages, MessageComposer, OutboxRow } from '@app/messaging';
import { FESTIVAL_MESSAGE_KINDS, FestivalMessageKind, LISTING_KINDS } from './festival-message-kinds';
import { BookingRow, FestivalMessagesRepository, Recipient } from './festival-messages.repository';

/** The stand mails' calendar attachment: named after the festival, not after Oefenkansen. */
export const FESTIVAL_CALENDAR_FILENAME = 'kortrijk-aan-culturen.ics';

/** One slot of a message that lists several (the catalogue's `slots`). */
export interface StandSlotLine {
  plotCode: string;
  startsAt: Date;
  endsAt: Date;
}

const CALENDAR_METHOD: Partial<Record<string, 'PUBLISH' | 'CANCEL'>> = {
  [FestivalMessageKind.STAND_CONFIRMED]: 'PUBLISH',
  [FestivalMessageKind.STAND_MOVED]: 'PUBLISH',
  [FestivalMessageKind.STAND_CANCELLED]: 'CANCEL',
};

/**
 * The content of a festival message, read fresh when it is sent, or why it is no longer true
 * (the booking was cancelled or moved again, the organiser left the association, the deadline passed).
 */
@Injectable()
@ComposesMessages(...FESTIVAL_MESSAGE_KINDS)
export class FestivalMessageComposer implements MessageComposer {
  constructor(private readonly messages: FestivalMessagesRepository) {}

  async compose(tx: Transaction, row: OutboxRow, now: Date): Promise<Composition> {
    const user = await this.messages.recipient(tx, row.userId);
    if (!user?.active) return { stale: 'the user is no longer active' };
    if (row.kind === FestivalMessageKind.FESTIVAL_DEADLINE_NEAR) return this.deadlineMessage(tx, row, user, now);
    if (!user.roles.includes('FESTIVAL_ORGANISER')) return { stale: 'the user is no longer a festival organiser' };

    const named = await this.bookingsOf(tx, row);
    // A message about several slots lists those still live; one withdrawn meanwhile is left out.
    const bookings = LISTING_KINDS.has(row.kind) ? named.filter((booking) => booking.status !== 'CANCELLED') : named;
    if (named.length > 0 && bookings.length === 0) return { stale: 'the booking was cancelled' };
    if (bookings.some((booking) => booking.organisation_id !== user.organisation_id)) return { stale: 'the user no longer organises for this association' };
    const stale = staleReason(row, bookings, now);
    if (stale) return { stale };
    const [first] = bookings;
    const edition = await this.messages.edition(tx, first.edition_id);
    const previous = row.payload.previous as { plotId: string; startsAt: string } | undefined;
    const previousPlot = previous ? await this.messages.plotCode(tx, previous.plotId) : null;
    const slots: StandSlotLine[] = bookings.map((booking) => ({
      plotCode: booking.code,
      startsAt: new Date(booking.starts_at),
      endsAt: new Date(booking.ends_at),
    }));
    const method = CALENDAR_METHOD[row.kind];
    return {
      to: user.email,
      vars: {
        firstName: user.display_name,
        sessionTitle: edition.name,
        startsAt: new Date(first.starts_at),
        endsAt: new Date(first.ends_at),
        venueName: edition.site_name,
        venueAddress: edition.site_address,
        plotCode: first.code,
        previousPlotCode: previousPlot ?? null,
        previousStartsAt: previous ? new Date(previous.startsAt) : null,
        siteMapUrl: edition.site_map_url,
        reason: first.reason,
        slots,
      },
      // A confirmation adds the stands, a move updates its one (same UID, higher SEQUENCE), a cancellation by the city removes it.
      calendar: method
        ? {
            filename: FESTIVAL_CALENDAR_FILENAME,
            content: calendarMessage(
              edition.name,
              method,
              bookings.map((booking) => ({
                id: booking.id,
                start: booking.starts_at,
                end: booking.ends_at,
                summary: `${edition.name}: stand ${booking.code}`,
                location: `${edition.site_name}, ${edition.site_address}`,
                url: edition.site_map_url ?? undefined,
                sequence: booking.calendar_sequence,
                changedAt: booking.calendar_changed_at,
              })),
              now,
            ),
          }
        : null,
    };
  }

  /** The bookings a message is about: those it names, or for a reminder the association's confirmed stands of that day. */
  private bookingsOf(tx: Transaction, row: OutboxRow): Promise<BookingRow[]> {
    if (row.kind === FestivalMessageKind.STAND_REMINDER) {
      return this.messages.confirmedBookingsOfDay(tx, row.payload.editionId, row.payload.organisationId, row.payload.day);
    }
    const ids = Array.isArray(row.payload.bookingIds) ? (row.payload.bookingIds as string[]) : [row.standBookingId];
    return this.messages.bookings(tx, ids);
  }

  private async deadlineMessage(tx: Transaction, row: OutboxRow, user: Recipient, now: Date): Promise<Composition> {
    if (!user.roles.includes('COORDINATOR')) return { stale: 'the user is no longer a coordinator' };
    const edition = await this.messages.edition(tx, String(row.payload.editionId));
    if (!edition?.application_deadline) return { stale: 'the edition has no deadline any more' };
    const deadline = new Date(edition.application_deadline);
    if (deadline.getTime() !== new Date(String(row.payload.deadline)).getTime()) return { stale: 'the deadline changed' };
    if (deadline.getTime() <= now.getTime()) return { stale: 'the deadline has passed' };
    const free = await this.messages.freePlotCount(tx, edition.id);
    if (free === 0) return { stale: 'every plot is booked' };
    const opens = edition.opens_at ? new Date(edition.opens_at) : new Date(`${edition.starts_on}T12:00:00Z`);
    return {
      to: user.email,
      vars: {
        firstName: user.display_name,
        sessionTitle: edition.name,
        startsAt: opens,
        endsAt: opens,
        venueName: edition.site_name,
        venueAddress: edition.site_address,
        deadline,
        freePlots: free,
      },
      calendar: null,
    };
  }
}

function staleReason(row: OutboxRow, bookings: BookingRow[], now: Date): string | null {
  if (bookings.length === 0) return row.kind === FestivalMessageKind.STAND_REMINDER ? 'no confirmed stand that day' : 'the booking no longer exists';
  const statuses = new Set(bookings.map((booking) => booking.status));
  if (row.kind === FestivalMessageKind.STAND_REFUSED || row.kind === FestivalMessageKind.STAND_CANCELLED)
    return statuses.has('CANCELLED') ? null : 'the booking is live again';
  if (new Date(bookings[0].ends_at).getTime() <= now.getTime()) return 'the stand time is over';
  if (row.kind === FestivalMessageKind.STAND_CONFIRMED && !bookings.every((booking) => booking.status === 'CONFIRMED'))
    return 'the booking is no longer confirmed';
  if (row.kind === FestivalMessageKind.STAND_MOVED) {
    const booking = bookings[0];
    if (booking.status === 'CANCELLED') return 'the booking was cancelled';
    if (row.payload.placement !== `${booking.plot_id}@${new Date(booking.starts_at).getTime()}-${new Date(booking.ends_at).getTime()}`)
      return 'the booking moved again';
  }
  return null;
}
