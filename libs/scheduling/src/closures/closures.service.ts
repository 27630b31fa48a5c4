import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppError, Clock, ErrorCode, validate } from '@app/common';
import { pgErrorCode, PgErrorCode } from '@app/database';
import { ClosureCalendarEntity, ClosureDayEntity, ClosureKind, SessionStatus } from '../entities';
import { OrganisationEntity } from '@app/organisations';
import { DomainEvents } from '@app/events';
import { schedulingPolicy } from '../scheduling-policy';
import { belgianPublicHolidays, ClosurePeriod, expandPeriods, flemishSchoolFreeDays, flemishSchoolHolidays } from './flemish-calendar';

export interface ClosureDayView {
  id: string;
  date: string;
  label: string;
  kind: ClosureKind;
  organisationId: string | null;
}


/** The standard calendars hold the days of one school year (1 Sep–31 Aug) per filled year. */
function standardPeriods(kind: ClosureKind, schoolYear: number): ClosurePeriod[] {
  if (kind === ClosureKind.SCHOOL_HOLIDAYS) return [...flemishSchoolHolidays(schoolYear), ...flemishSchoolFreeDays(schoolYear)];
  const from = `${schoolYear}-09-01`;
  const to = `${schoolYear + 1}-08-31`;
  return [...belgianPublicHolidays(schoolYear), ...belgianPublicHolidays(schoolYear + 1)].filter((p) => p.from >= from && p.from <= to);
}

const STANDARD_NAMES: Record<string, string> = {
  [ClosureKind.SCHOOL_HOLIDAYS]: 'Schoolvakanties en vrije dagen (Vlaanderen)',
  [ClosureKind.PUBLIC_HOLIDAYS]: 'Wettelijke feestdagen (België)',
};

@Injectable()
export class ClosuresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Fills the Flemish school-holiday and Belgian public-holiday calendars for the given school
   * years from the rules, once per year: later corrections by a coordinator are not overwritten.
   */
  async ensureStandardCalendars(manager: EntityManager, schoolYears: number[]): Promise<void> {
    for (const kind of [ClosureKind.SCHOOL_HOLIDAYS, ClosureKind.PUBLIC_HOLIDAYS]) {
      await manager.query(
        `INSERT INTO closure_calendar (kind, name) VALUES ($1, $2) ON CONFLICT (kind) WHERE organisation_id IS NULL DO NOTHING`,
        [kind, STANDARD_NAMES[kind]],
      );
      const [calendar] = await manager.query<{ id: string; filled_school_years: number[] }[]>(
        `SELECT id, filled_school_years FROM closure_calendar WHERE kind = $1 AND organisation_id IS NULL FOR UPDATE`,
        [kind],
      );
      const missing = schoolYears.filter((year) => !calendar.filled_school_years.includes(year));
      if (missing.length === 0) continue;
      const days = expandPeriods(missing.flatMap((year) => standardPeriods(kind, year)));
      await manager.query(
        `INSERT INTO closure_day (calendar_id, date, label)
         SELECT $1, d.date, d.label FROM unnest($2::date[], $3::text[]) AS d(date, label)
         ON CONFLICT (calendar_id, date) DO NOTHING`,
        [calendar.id, days.map((d) => d.date), days.map((d) => d.label)],
      );
      await manager.query(`UPDATE closure_calendar SET filled_school_years = filled_school_years || $2::int[], updated_at = now() WHERE id = $1`, [calendar.id, missing]);
    }
  }

  /** The Brussels dates from `from` to `to` (inclusive) on which skip-holiday sessions at this organisation's venues do not take place. */
  async closedDates(manager: EntityManager, organisationId: string, from: string, to: string): Promise<Map<string, string>> {
    const rows = await manager.query<{ date: string; label: string }[]>(
      `SELECT to_char(d.date, 'YYYY-MM-DD') AS date, d.label
         FROM closure_day d JOIN closure_calendar c ON c.id = d.calendar_id
        WHERE (c.organisation_id IS NULL OR c.organisation_id = $1) AND d.date BETWEEN $2 AND $3
        ORDER BY d.date, c.organisation_id NULLS FIRST`,
      [organisationId, from, to],
    );
    const closed = new Map<string, string>();
    for (const row of rows) if (!closed.has(row.date)) closed.set(row.date, row.label);
    return closed;
  }

  async listClosureDays(filter: { from: string; to: string; organisationId?: string | null }): Promise<ClosureDayView[]> {
    const { from, to } = this.dateRange(filter.from, filter.to);
    const organisationId = filter.organisationId ? validate.uuid('organisationId', filter.organisationId) : null;
    const rows = await this.dataSource.query<{ id: string; date: string; label: string; kind: ClosureKind; organisation_id: string | null }[]>(
      `SELECT d.id, to_char(d.date, 'YYYY-MM-DD') AS date, d.label, c.kind, c.organisation_id
         FROM closure_day d JOIN closure_calendar c ON c.id = d.calendar_id
        WHERE d.date BETWEEN $1 AND $2 AND (c.organisation_id IS NULL OR c.organisation_id = $3)
        ORDER BY d.date, c.kind`,
      [from, to, organisationId],
    );
    return rows.map((r) => ({ id: r.id, date: r.date, label: r.label, kind: r.kind, organisationId: r.organisation_id }));
  }

  /**
   * Adds a school's (or any organisation's) own free day and cancels that day's sessions of
   * holiday-skipping series at its venues, so hosts see why the table is not on.
   */
  async addClosureDay(actor: Actor | null, input: { organisationId: string; date: string; label: string }): Promise<ClosureDayView> {
    const organisationId = validate.uuid('organisationId', input.organisationId);
    schedulingPolicy.requireCanManageClosures(actor, organisationId);
    const date = validate.isoDate('date', input.date);
    const label = validate.text('label', input.label, { max: 200 });
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(OrganisationEntity, { id: organisationId }))) throw AppError.notFound('Organisation', organisationId);
      await manager.query(
        `INSERT INTO closure_calendar (kind, organisation_id, name)
         SELECT $1, o.id, 'Vrije dagen ' || o.name FROM organisation o WHERE o.id = $2
         ON CONFLICT (kind, organisation_id) WHERE organisation_id IS NOT NULL DO NOTHING`,
        [ClosureKind.ORGANISATION, organisationId],
      );
      const calendar = await manager.findOneByOrFail(ClosureCalendarEntity, { kind: ClosureKind.ORGANISATION, organisationId });
      let day: ClosureDayEntity;
      try {
        day = await manager.save(ClosureDayEntity, { calendarId: calendar.id, date, label });
      } catch (error) {
        if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) throw new AppError(ErrorCode.CONFLICT, `${date} is already a free day of this organisation`, { field: 'date' });
        throw error;
      }
      const [cancelled] = await manager.query<[{ id: string }[], number]>(
        `UPDATE session s SET status = $4, cancellation_reason = $3, cancelled_at = $5, updated_at = now()
           FROM session_series ss, venue v
          WHERE s.series_id = ss.id AND ss.skip_school_holidays AND s.venue_id = v.id AND v.organisation_id = $1
            AND s.status = 'SCHEDULED' AND s.starts_at > $5
            AND (s.starts_at AT TIME ZONE 'Europe/Brussels')::date = $2::date
          RETURNING s.id`,
        [organisationId, date, `Gesloten: ${label}`, SessionStatus.CANCELLED, this.clock.now()],
      );
      if (cancelled.length > 0) await this.events.emit(manager, 'sessions.cancelled', { sessionIds: cancelled.map((row) => row.id), actorId: actor?.userId ?? null });
      return { id: day.id, date, label, kind: ClosureKind.ORGANISATION, organisationId };
    });
  }

  /** Removes an organisation's own free day; sessions cancelled for it stay cancelled (a host may have told people). */
  async removeClosureDay(actor: Actor | null, id: string): Promise<boolean> {
    const dayId = validate.uuid('id', id);
    const day = await this.dataSource.getRepository(ClosureDayEntity).findOne({ where: { id: dayId }, relations: { calendar: true } });
    if (!day) throw AppError.notFound('Closure day', dayId);
    if (!day.calendar?.organisationId) {
      schedulingPolicy.requireCoordinator(actor, 'change the standard holiday calendars');
    } else {
      schedulingPolicy.requireCanManageClosures(actor, day.calendar.organisationId);
    }
    await this.dataSource.getRepository(ClosureDayEntity).delete(dayId);
    return true;
  }

  private dateRange(fromValue: string, toValue: string): { from: string; to: string } {
    const from = validate.isoDate('from', fromValue);
    const to = validate.isoDate('to', toValue);
    if (to < from) throw AppError.badInput('to must not be before from', 'to');
    if (Date.parse(to) - Date.parse(from) > 800 * 86_400_000) throw AppError.badInput('ask for at most two years of closure days at once', 'to');
    return { from, to };
  }
}
