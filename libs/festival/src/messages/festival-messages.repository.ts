import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';

export interface Organiser {
  id: string;
  preferred_language: string;
}

export interface StaffMember {
  id: string;
  preferred_language: string;
}

export interface BookingRow {
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

export interface EditionRow {
  id: string;
  name: string;
  starts_on: string;
  site_name: string;
  site_address: string;
  site_map_url: string | null;
  application_deadline: Date | null;
  opens_at: Date | null;
}

export interface Recipient {
  email: string;
  display_name: string;
  active: boolean;
  organisation_id: string | null;
  roles: string[];
}

const BOOKING_COLUMNS = `b.id, b.edition_id, b.organisation_id, b.plot_id, p.code, b.starts_at, b.ends_at, b.status, b.reason, b.calendar_sequence, b.calendar_changed_at`;

/**
 * What the festival's messages read: bookings, plots and editions (the festival's own tables), the
 * organisers and coordinators who hear them (app_user, auth's, read only), and which pending
 * listing messages still list a live booking (notification, messaging's, read only).
 */
@Injectable()
export class FestivalMessagesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  organisersOf(tx: Transaction, organisationId: string): Promise<Organiser[]> {
    return this.on(tx).query<Organiser[]>(
      `SELECT id, preferred_language FROM app_user WHERE organisation_id = $1 AND active AND 'FESTIVAL_ORGANISER' = ANY(roles::text[]) ORDER BY id`,
      [organisationId],
    );
  }

  /** Every active coordinator, with the language their alerts are written in. */
  coordinators(tx?: Transaction): Promise<StaffMember[]> {
    return this.on(tx).query<StaffMember[]>(`SELECT id, preferred_language FROM app_user WHERE active AND 'COORDINATOR' = ANY(roles::text[]) ORDER BY id`);
  }

  /** The festival days of the bookings that are confirmed, with the hour each day opens. */
  confirmedDays(tx: Transaction, bookingIds: string[]): Promise<{ edition_id: string; day: string; opens_at: Date | null }[]> {
    return this.on(tx).query(
      `SELECT DISTINCT b.edition_id, to_char(b.day, 'YYYY-MM-DD') AS day,
              (SELECT min(o.starts_at) FROM festival_opening_block o WHERE o.edition_id = b.edition_id AND o.day = b.day) AS opens_at
         FROM stand_booking b WHERE b.id = ANY($1::uuid[]) AND b.status = 'CONFIRMED'`,
      [bookingIds],
    );
  }

  async placementOf(tx: Transaction, bookingId: string): Promise<{ plot_id: string; starts_at: Date; ends_at: Date }> {
    const [row] = await this.on(tx).query<{ plot_id: string; starts_at: Date; ends_at: Date }[]>(
      `SELECT plot_id, starts_at, ends_at FROM stand_booking WHERE id = $1`,
      [bookingId],
    );
    return row;
  }

  /** The listing kinds of pending messages filed under the booking that still list another live booking. */
  async listingKindsStillLive(tx: Transaction, bookingId: string, listingKinds: string[]): Promise<string[]> {
    const rows = await this.on(tx).query<{ kind: string }[]>(
      `SELECT DISTINCT n.kind FROM notification n
        WHERE n.stand_booking_id = $1 AND n.status = 'PENDING' AND n.kind = ANY($2::text[]) AND EXISTS (
            SELECT 1 FROM stand_booking b
             WHERE b.id IN (SELECT jsonb_array_elements_text(COALESCE(n.payload->'bookingIds', '[]'::jsonb))::uuid) AND b.status <> 'CANCELLED')`,
      [bookingId, listingKinds],
    );
    return rows.map((row) => row.kind);
  }

  async recipient(tx: Transaction, userId: string | null): Promise<Recipient | undefined> {
    const [user] = await this.on(tx).query<Recipient[]>(
      `SELECT email, display_name, active, organisation_id, roles::text[] AS roles FROM app_user WHERE id = $1`,
      [userId],
    );
    return user;
  }

  /** An association's confirmed stands of one festival day. */
  confirmedBookingsOfDay(tx: Transaction, editionId: unknown, organisationId: unknown, day: unknown): Promise<BookingRow[]> {
    return this.on(tx).query<BookingRow[]>(
      `SELECT ${BOOKING_COLUMNS} FROM stand_booking b JOIN stand_plot p ON p.id = b.plot_id
        WHERE b.edition_id = $1 AND b.organisation_id = $2 AND b.day = $3::date AND b.status = 'CONFIRMED' ORDER BY b.starts_at, p.code`,
      [editionId, organisationId, day],
    );
  }

  bookings(tx: Transaction, ids: (string | null)[]): Promise<BookingRow[]> {
    return this.on(tx).query<BookingRow[]>(
      `SELECT ${BOOKING_COLUMNS} FROM stand_booking b JOIN stand_plot p ON p.id = b.plot_id WHERE b.id = ANY($1::uuid[]) ORDER BY b.starts_at, p.code`,
      [ids],
    );
  }

  async plotCode(tx: Transaction, plotId: string): Promise<string | undefined> {
    const [row] = await this.on(tx).query<{ code: string }[]>(`SELECT code FROM stand_plot WHERE id = $1`, [plotId]);
    return row?.code;
  }

  async edition(tx: Transaction, editionId: string): Promise<EditionRow> {
    const [edition] = await this.on(tx).query<EditionRow[]>(
      `SELECT e.id, e.name, to_char(e.starts_on, 'YYYY-MM-DD') AS starts_on, e.site_name, e.site_address, e.site_map_url, e.application_deadline,
              (SELECT min(o.starts_at) FROM festival_opening_block o WHERE o.edition_id = e.id) AS opens_at
         FROM festival_edition e WHERE e.id = $1`,
      [editionId],
    );
    return edition;
  }

  /** Plots of the edition with no live booking at all. */
  async freePlotCount(tx: Transaction | undefined, editionId: string): Promise<number> {
    const [{ free }] = await this.on(tx).query<{ free: number }[]>(
      `SELECT count(*)::int AS free FROM stand_plot p WHERE p.edition_id = $1 AND p.active
          AND NOT EXISTS (SELECT 1 FROM stand_booking b WHERE b.plot_id = p.id AND b.status IN ('REQUESTED', 'CONFIRMED'))`,
      [editionId],
    );
    return free;
  }

  /** Editions whose application deadline falls after `from` and by `to`. */
  editionsWithDeadlineBetween(from: Date, to: Date): Promise<{ id: string; application_deadline: Date }[]> {
    return this.on().query(`SELECT id, application_deadline FROM festival_edition WHERE application_deadline > $1 AND application_deadline <= $2`, [from, to]);
  }
}
