import { EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities';
import { calendarMessage } from '../channels/calendar-message';
import { MessageKind, MessageVariables, StandSlotLine } from '../templates/message-kinds';

export const FESTIVAL_MESSAGE_KINDS: ReadonlySet<string> = new Set([
  MessageKind.STAND_APPLICATION_RECEIVED,
  MessageKind.STAND_CONFIRMED,
  MessageKind.STAND_REFUSED,
  MessageKind.STAND_MOVED,
  MessageKind.STAND_CANCELLED,
  MessageKind.STAND_REMINDER,
  MessageKind.FESTIVAL_DEADLINE_NEAR,
]);

/** Messages that list several slots (an application, or a coordinator's booking of several at once). */
export const LISTING_KINDS: ReadonlySet<string> = new Set([MessageKind.STAND_APPLICATION_RECEIVED, MessageKind.STAND_CONFIRMED]);

export type FestivalMessage = { to: string; vars: MessageVariables; calendar: string | null } | { stale: string };

interface BookingRow {
  id: string;
  edition_id: string;
  organisation_id: string;
  plot_id: string;
  code: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  reason: string | null;
  calendar_sequence: number;
  calendar_changed_at: Date;
}

interface EditionRow {
  id: string;
  name: string;
  starts_on: string;
  site_name: string;
  site_address: string;
  site_map_url: string | null;
  application_deadline: Date | null;
  opens_at: Date | null;
}

interface Recipient {
  email: string;
  display_name: string;
  active: boolean;
  organisation_id: string | null;
  roles: string[];
}

const CALENDAR_METHOD: Partial<Record<string, 'PUBLISH' | 'CANCEL'>> = {
  [MessageKind.STAND_CONFIRMED]: 'PUBLISH',
  [MessageKind.STAND_MOVED]: 'PUBLISH',
  [MessageKind.STAND_CANCELLED]: 'CANCEL',
};

const BOOKING_COLUMNS = `b.id, b.edition_id, b.organisation_id, b.plot_id, p.code, b.starts_at, b.ends_at, b.status, b.reason, b.calendar_sequence, b.calendar_changed_at`;

/**
 * The content of a festival message, read fresh when it is sent, or why it is no longer true
 * (the booking was cancelled or moved again, the organiser left the association, the deadline passed).
 */
export async function composeFestivalMessage(manager: EntityManager, row: NotificationEntity, now: Date): Promise<FestivalMessage> {
  const [user] = await manager.query<Recipient[]>(`SELECT email, display_name, active, organisation_id, roles::text[] AS roles FROM app_user WHERE id = $1`, [row.userId]);
  if (!user?.active) return { stale: 'the user is no longer active' };
  if (row.kind === MessageKind.FESTIVAL_DEADLINE_NEAR) return deadlineMessage(manager, row, user, now);
  if (!user.roles.includes('FESTIVAL_ORGANISER')) return { stale: 'the user is no longer a festival organiser' };

  const named = await bookingsOf(manager, row);
  // A message about several slots lists those still live; one withdrawn meanwhile is left out.
  const bookings = LISTING_KINDS.has(row.kind) ? named.filter((booking) => booking.status !== 'CANCELLED') : named;
  if (named.length > 0 && bookings.length === 0) return { stale: 'the booking was cancelled' };
  if (bookings.some((booking) => booking.organisation_id !== user.organisation_id)) return { stale: 'the user no longer organises for this association' };
  const stale = staleReason(row, bookings, now);
  if (stale) return { stale };
  const [first] = bookings;
  const edition = await editionOf(manager, first.edition_id);
  const previous = row.payload.previous as { plotId: string; startsAt: string } | undefined;
  const previousPlot = previous ? (await manager.query<{ code: string }[]>(`SELECT code FROM stand_plot WHERE id = $1`, [previous.plotId]))[0]?.code : null;
  const slots: StandSlotLine[] = bookings.map((booking) => ({ plotCode: booking.code, startsAt: new Date(booking.starts_at), endsAt: new Date(booking.ends_at) }));
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
    calendar: CALENDAR_METHOD[row.kind]
      ? calendarMessage(
          edition.name,
          CALENDAR_METHOD[row.kind]!,
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
        )
      : null,
  };
}

/** The bookings a message is about: those it names, or for a reminder the association's confirmed stands of that day. */
async function bookingsOf(manager: EntityManager, row: NotificationEntity): Promise<BookingRow[]> {
  if (row.kind === MessageKind.STAND_REMINDER) {
    return manager.query<BookingRow[]>(
      `SELECT ${BOOKING_COLUMNS} FROM stand_booking b JOIN stand_plot p ON p.id = b.plot_id
        WHERE b.edition_id = $1 AND b.organisation_id = $2 AND b.day = $3::date AND b.status = 'CONFIRMED' ORDER BY b.starts_at, p.code`,
      [row.payload.editionId, row.payload.organisationId, row.payload.day],
    );
  }
  const ids = Array.isArray(row.payload.bookingIds) ? (row.payload.bookingIds as string[]) : [row.standBookingId];
  return manager.query<BookingRow[]>(`SELECT ${BOOKING_COLUMNS} FROM stand_booking b JOIN stand_plot p ON p.id = b.plot_id WHERE b.id = ANY($1::uuid[]) ORDER BY b.starts_at, p.code`, [ids]);
}

function staleReason(row: NotificationEntity, bookings: BookingRow[], now: Date): string | null {
  if (bookings.length === 0) return row.kind === MessageKind.STAND_REMINDER ? 'no confirmed stand that day' : 'the booking no longer exists';
  const statuses = new Set(bookings.map((booking) => booking.status));
  if (row.kind === MessageKind.STAND_REFUSED || row.kind === MessageKind.STAND_CANCELLED) return statuses.has('CANCELLED') ? null : 'the booking is live again';
  if (new Date(bookings[0].ends_at).getTime() <= now.getTime()) return 'the stand time is over';
  if (row.kind === MessageKind.STAND_CONFIRMED && !bookings.every((booking) => booking.status === 'CONFIRMED')) return 'the booking is no longer confirmed';
  if (row.kind === MessageKind.STAND_MOVED) {
    const booking = bookings[0];
    if (booking.status === 'CANCELLED') return 'the booking was cancelled';
    if (row.payload.placement !== `${booking.plot_id}@${new Date(booking.starts_at).getTime()}-${new Date(booking.ends_at).getTime()}`) return 'the booking moved again';
  }
  return null;
}

async function editionOf(manager: EntityManager, editionId: string): Promise<EditionRow> {
  const [edition] = await manager.query<EditionRow[]>(
    `SELECT e.id, e.name, to_char(e.starts_on, 'YYYY-MM-DD') AS starts_on, e.site_name, e.site_address, e.site_map_url, e.application_deadline,
            (SELECT min(o.starts_at) FROM festival_opening_block o WHERE o.edition_id = e.id) AS opens_at
       FROM festival_edition e WHERE e.id = $1`,
    [editionId],
  );
  return edition;
}

/** Plots of the edition with no live booking at all. */
export async function freePlotCount(manager: EntityManager, editionId: string): Promise<number> {
  const [{ free }] = await manager.query<{ free: number }[]>(
    `SELECT count(*)::int AS free FROM stand_plot p WHERE p.edition_id = $1 AND p.active
        AND NOT EXISTS (SELECT 1 FROM stand_booking b WHERE b.plot_id = p.id AND b.status IN ('REQUESTED', 'CONFIRMED'))`,
    [editionId],
  );
  return free;
}

async function deadlineMessage(manager: EntityManager, row: NotificationEntity, user: Recipient, now: Date): Promise<FestivalMessage> {
  if (!user.roles.includes('COORDINATOR')) return { stale: 'the user is no longer a coordinator' };
  const edition = await editionOf(manager, String(row.payload.editionId));
  if (!edition?.application_deadline) return { stale: 'the edition has no deadline any more' };
  const deadline = new Date(edition.application_deadline);
  if (deadline.getTime() !== new Date(String(row.payload.deadline)).getTime()) return { stale: 'the deadline changed' };
  if (deadline.getTime() <= now.getTime()) return { stale: 'the deadline has passed' };
  const free = await freePlotCount(manager, edition.id);
  if (free === 0) return { stale: 'every plot is booked' };
  const opens = edition.opens_at ? new Date(edition.opens_at) : new Date(`${edition.starts_on}T12:00:00Z`);
  return {
    to: user.email,
    vars: { firstName: user.display_name, sessionTitle: edition.name, startsAt: opens, endsAt: opens, venueName: edition.site_name, venueAddress: edition.site_address, deadline, freePlots: free },
    calendar: null,
  };
}
