import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditScope, BaseRepository, Transaction } from '@app/database';
import { OpeningBlock } from '../editions/opening-hours';
import { LIVE_STAND_BOOKING_STATUSES, StandBookingEntity, StandBookingStatus } from '../entities';
import { TakenSlot } from './stand-bookings.repository';

/** The slots one request asks for, and whose request it is. */
export interface PlacementQuery {
  /** The edition; null: the edition of the first slot's plot (bookStand names only a plot). */
  editionId: string | null;
  organisationId: string;
  slots: readonly { plotId: string; startsAt: Date; endsAt: Date }[];
  /** A booking left out of the association's plots and of the overlaps: the one being moved. */
  exceptBookingId: string | null;
}

/** Everything the booking rules decide on, read in one statement, so from one snapshot. */
export interface PlacementFacts {
  edition: { id: string; name: string; applicationDeadline: Date | null; maxPlotsPerOrganisationPerDay: number };
  organisationExists: boolean;
  /** The association's application for the edition, which its bookings point at. */
  applicationId: string | null;
  /** The plots asked for that exist (of any edition: the rules refuse another edition's). */
  plots: { id: string; editionId: string; code: string; active: boolean }[];
  /** The edition's opening blocks, earliest first. */
  blocks: OpeningBlock[];
  /** Every (day, plot) the association holds live in the edition; the rules keep the days asked for. */
  held: { day: string; plotId: string }[];
  /** The first slot asked for, in the order asked, that a live booking overlaps, with that booking. */
  taken: (TakenSlot & { plotId: string }) | null;
}

/** A booking row to insert; the database fills in id, times of writing and the calendar columns. */
export interface NewStandBooking {
  editionId: string;
  plotId: string;
  organisationId: string;
  applicationId: string | null;
  startsAt: Date;
  endsAt: Date;
  day: string;
  status: StandBookingStatus;
  requestedById: string | null;
  decidedById: string | null;
  decidedAt: Date | null;
}

const LIVE: StandBookingStatus[] = [...LIVE_STAND_BOOKING_STATUSES];

/*
 * Placing a booking costs three statements: the locks, the facts, the INSERT. The facts are read
 * after the locks, in a statement of their own, because a READ COMMITTED statement sees the
 * snapshot taken when it began: one that first waited for a lock would not see what the lock's
 * holder committed meanwhile (the association's last booking, the edition's new opening hours).
 * The ranges are clamped (greatest) so a slot that ends before it starts, which the rules refuse
 * with BAD_USER_INPUT, is an empty range here and never a database error.
 */
const FACTS_SQL = `
SELECT e.id, e.name, e.application_deadline, e.max_plots_per_organisation_per_day,
       EXISTS (SELECT 1 FROM organisation o WHERE o.id = $2) AS organisation_exists,
       (SELECT a.id FROM stand_application a WHERE a.edition_id = e.id AND a.organisation_id = $2) AS application_id,
       (SELECT coalesce(json_agg(json_build_object('id', p.id, 'editionId', p.edition_id, 'code', p.code, 'active', p.active)), '[]')
          FROM stand_plot p WHERE p.id = ANY($3::uuid[])) AS plots,
       (SELECT coalesce(json_agg(json_build_object('day', to_char(b.day, 'YYYY-MM-DD'), 'startsAt', b.starts_at, 'endsAt', b.ends_at) ORDER BY b.starts_at), '[]')
          FROM festival_opening_block b WHERE b.edition_id = e.id) AS blocks,
       (SELECT coalesce(json_agg(DISTINCT jsonb_build_object('day', to_char(h.day, 'YYYY-MM-DD'), 'plotId', h.plot_id)), '[]')
          FROM stand_booking h
         WHERE h.edition_id = e.id AND h.organisation_id = $2 AND h.status = ANY($7::stand_booking_status[]) AND ($6::uuid IS NULL OR h.id <> $6)) AS held,
       (SELECT json_build_object('plotId', s.plot_id, 'code', p.code, 'starts_at', t.starts_at, 'ends_at', t.ends_at, 'status', t.status)
          FROM unnest($3::uuid[], $4::timestamptz[], $5::timestamptz[]) WITH ORDINALITY AS s(plot_id, starts_at, ends_at, i)
          CROSS JOIN LATERAL (
                SELECT b.starts_at, b.ends_at, b.status FROM stand_booking b
                 WHERE b.plot_id = s.plot_id AND b.status = ANY($7::stand_booking_status[]) AND ($6::uuid IS NULL OR b.id <> $6)
                   AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(s.starts_at, greatest(s.starts_at, s.ends_at), '[)')
                 ORDER BY b.starts_at LIMIT 1) t
          JOIN stand_plot p ON p.id = s.plot_id
         ORDER BY s.i LIMIT 1) AS taken
  FROM festival_edition e
 WHERE e.id = coalesce($1::uuid, (SELECT p.edition_id FROM stand_plot p WHERE p.id = ($3::uuid[])[1]))`;

/*
 * The edition row shared first (its opening hours and deadline hold until the booking commits; an
 * edition change takes it exclusively), then the association's advisory lock (one request at a
 * time counts its plots per day): the order every booking path takes them in, so they cannot
 * deadlock. The subquery locks its row before the select list takes the advisory lock, and the
 * select list also hands the audit scope ($3-$5) to the triggers for the transaction's writes: no
 * SET round trip. A SELECT, not a WITH, so AuditScopeSubscriber does not take it for a write.
 */
const LOCK_SQL = `
SELECT e.id, pg_advisory_xact_lock(hashtextextended('stand-limit:' || e.id::text || ':' || $2::uuid::text, 0)) AS locked,
       ${auditScope.selectItems(3)}
  FROM (SELECT id FROM festival_edition WHERE id = $1 FOR SHARE) e`;

const INSERT_SQL = `
INSERT INTO stand_booking (edition_id, plot_id, organisation_id, application_id, starts_at, ends_at, day, status, requested_by_id, decided_by_id, decided_at)
SELECT $1::uuid, s.plot_id, $2::uuid, $3::uuid, s.starts_at, s.ends_at, s.day, $4::stand_booking_status, $5::uuid, $6::uuid, $7::timestamptz
  FROM unnest($8::uuid[], $9::timestamptz[], $10::timestamptz[], $11::date[]) WITH ORDINALITY AS s(plot_id, starts_at, ends_at, day, i)
 ORDER BY s.i
RETURNING id, plot_id, starts_at, created_at, updated_at, calendar_sequence, calendar_changed_at`;

interface FactsRow {
  id: string;
  name: string;
  application_deadline: Date | null;
  max_plots_per_organisation_per_day: number;
  organisation_exists: boolean;
  application_id: string | null;
  plots: PlacementFacts['plots'];
  blocks: { day: string; startsAt: string; endsAt: string }[];
  held: PlacementFacts['held'];
  taken: { plotId: string; code: string; starts_at: string; ends_at: string; status: string } | null;
}

interface InsertedRow {
  id: string;
  plot_id: string;
  starts_at: Date;
  created_at: Date;
  updated_at: Date;
  calendar_sequence: number;
  calendar_changed_at: Date;
}

/** The statements that place stand bookings: the locks, the facts the rules need, and the INSERT. */
@Injectable()
export class StandPlacementRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Null when the edition (or, without one, the first slot's plot) does not exist. */
  async facts(query: PlacementQuery, tx?: Transaction): Promise<PlacementFacts | null> {
    const [row] = await this.on(tx).query<FactsRow[]>(FACTS_SQL, [
      query.editionId,
      query.organisationId,
      query.slots.map((slot) => slot.plotId),
      query.slots.map((slot) => slot.startsAt),
      query.slots.map((slot) => slot.endsAt),
      query.exceptBookingId,
      LIVE,
    ]);
    if (!row) return null;
    return {
      edition: {
        id: row.id,
        name: row.name,
        applicationDeadline: row.application_deadline,
        maxPlotsPerOrganisationPerDay: row.max_plots_per_organisation_per_day,
      },
      organisationExists: row.organisation_exists,
      applicationId: row.application_id,
      plots: row.plots,
      blocks: row.blocks.map((block) => ({ day: block.day, startsAt: new Date(block.startsAt), endsAt: new Date(block.endsAt) })),
      held: row.held,
      taken: row.taken && { ...row.taken, starts_at: new Date(row.taken.starts_at), ends_at: new Date(row.taken.ends_at) },
    };
  }

  /** Holds the edition shared and the association's plot count to the end of the transaction; false when the edition is gone. */
  async lock(editionId: string, organisationId: string, tx: Transaction): Promise<boolean> {
    const rows = await tx.query<unknown[]>(LOCK_SQL, [editionId, organisationId, ...auditScope.parameters(auditScope.current())]);
    if (rows.length === 0) return false;
    auditScope.applied(tx);
    return true;
  }

  /** In one statement, in the order given; a live overlap on a plot fails with the exclusion violation `stand_booking_no_overlap`. */
  async insert(rows: readonly NewStandBooking[], tx: Transaction): Promise<StandBookingEntity[]> {
    // The rows of one request differ only in their slot.
    const [first] = rows;
    const inserted = await tx.query<InsertedRow[]>(INSERT_SQL, [
      first.editionId,
      first.organisationId,
      first.applicationId,
      first.status,
      first.requestedById,
      first.decidedById,
      first.decidedAt,
      rows.map((row) => row.plotId),
      rows.map((row) => row.startsAt),
      rows.map((row) => row.endsAt),
      rows.map((row) => row.day),
    ]);
    // Matched by plot and start, which the rules keep unique within one request, not by the order RETURNING happens to keep.
    return rows.map((row) => {
      const written = inserted.find((candidate) => candidate.plot_id === row.plotId && new Date(candidate.starts_at).getTime() === row.startsAt.getTime())!;
      return Object.assign(new StandBookingEntity(), row, {
        id: written.id,
        reason: null,
        createdAt: written.created_at,
        updatedAt: written.updated_at,
        calendarSequence: written.calendar_sequence,
        calendarChangedAt: written.calendar_changed_at,
      });
    });
  }
}
