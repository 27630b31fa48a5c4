import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { ClosureCalendarEntity, ClosureDayEntity, ClosureKind } from '../entities';

export interface ClosureDayRow {
  id: string;
  date: string;
  label: string;
  kind: ClosureKind;
  organisation_id: string | null;
}

/** The closure_calendar and closure_day tables. */
@Injectable()
export class ClosuresRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Creates the standard calendar of this kind unless it exists, then locks it for the rest of the transaction. */
  async lockStandardCalendar(kind: ClosureKind, name: string, tx: Transaction): Promise<{ id: string; filled_school_years: number[] }> {
    await tx.query(`INSERT INTO closure_calendar (kind, name) VALUES ($1, $2) ON CONFLICT (kind) WHERE organisation_id IS NULL DO NOTHING`, [kind, name]);
    const [calendar] = await tx.query<{ id: string; filled_school_years: number[] }[]>(
      `SELECT id, filled_school_years FROM closure_calendar WHERE kind = $1 AND organisation_id IS NULL FOR UPDATE`,
      [kind],
    );
    return calendar;
  }

  /** Adds the days of the school years to a standard calendar (days it has stay) and marks the years filled. */
  async fillStandardCalendar(calendarId: string, days: { date: string; label: string }[], schoolYears: number[], tx: Transaction): Promise<void> {
    await tx.query(
      `INSERT INTO closure_day (calendar_id, date, label)
         SELECT $1, d.date, d.label FROM unnest($2::date[], $3::text[]) AS d(date, label)
         ON CONFLICT (calendar_id, date) DO NOTHING`,
      [calendarId, days.map((d) => d.date), days.map((d) => d.label)],
    );
    await tx.query(`UPDATE closure_calendar SET filled_school_years = filled_school_years || $2::int[], updated_at = now() WHERE id = $1`, [
      calendarId,
      schoolYears,
    ]);
  }

  /** The standard calendars' and the organisation's own closure days in a date range, standard ones first on each date. */
  closedDays(organisationId: string, from: string, to: string, tx?: Transaction): Promise<{ date: string; label: string; kind: ClosureKind }[]> {
    return this.on(tx).query<{ date: string; label: string; kind: ClosureKind }[]>(
      `SELECT to_char(d.date, 'YYYY-MM-DD') AS date, d.label, c.kind
         FROM closure_day d JOIN closure_calendar c ON c.id = d.calendar_id
        WHERE (c.organisation_id IS NULL OR c.organisation_id = $1) AND d.date BETWEEN $2 AND $3
        ORDER BY d.date, c.organisation_id NULLS FIRST`,
      [organisationId, from, to],
    );
  }

  listDays(from: string, to: string, organisationId: string | null, tx?: Transaction): Promise<ClosureDayRow[]> {
    return this.on(tx).query<ClosureDayRow[]>(
      `SELECT d.id, to_char(d.date, 'YYYY-MM-DD') AS date, d.label, c.kind, c.organisation_id
         FROM closure_day d JOIN closure_calendar c ON c.id = d.calendar_id
        WHERE d.date BETWEEN $1 AND $2 AND (c.organisation_id IS NULL OR c.organisation_id = $3)
        ORDER BY d.date, c.kind`,
      [from, to, organisationId],
    );
  }

  /** The organisation's own calendar, created (named after it) on its first free day. */
  async organisationCalendar(organisationId: string, tx: Transaction): Promise<ClosureCalendarEntity> {
    await tx.query(
      `INSERT INTO closure_calendar (kind, organisation_id, name)
         SELECT $1, o.id, 'Vrije dagen ' || o.name FROM organisation o WHERE o.id = $2
         ON CONFLICT (kind, organisation_id) WHERE organisation_id IS NOT NULL DO NOTHING`,
      [ClosureKind.ORGANISATION, organisationId],
    );
    return tx.findOneByOrFail(ClosureCalendarEntity, { kind: ClosureKind.ORGANISATION, organisationId });
  }

  saveDay(day: Partial<ClosureDayEntity>, tx?: Transaction): Promise<ClosureDayEntity> {
    return this.on(tx).save(ClosureDayEntity, day);
  }

  findDayWithCalendar(id: string, tx?: Transaction): Promise<ClosureDayEntity | null> {
    return this.on(tx)
      .getRepository(ClosureDayEntity)
      .findOne({ where: { id }, relations: { calendar: true } });
  }

  async deleteDay(id: string, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(ClosureDayEntity).delete(id);
  }
}
