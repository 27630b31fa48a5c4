import { Injectable } from '@nestjs/common';
import { Actor, AppError, Clock, ErrorCode, validate } from '@app/common';
import { pgErrorCode, PgErrorCode, Transaction, Transactions } from '@app/database';
import { DomainEvents } from '@app/events';
import { OrganisationsRepository } from '@app/organisations';
import { ClosureDayEntity, ClosureKind } from '../entities';
import { schedulingPolicy } from '../scheduling-policy';
import { SessionsRepository } from '../sessions/sessions.repository';
import { ClosuresRepository } from './closures.repository';
import { belgianPublicHolidays, ClosurePeriod, expandPeriods, flemishSchoolFreeDays, flemishSchoolHolidays, schoolYearOf } from './flemish-calendar';

export interface ClosureDayView {
  id: string;
  date: string;
  label: string;
  kind: ClosureKind;
  organisationId: string | null;
}

/** Why a date is closed: the day's name ("Herfstvakantie", "Wapenstilstand", a school's own name) and its calendar. */
export interface ClosureReason {
  label: string;
  kind: ClosureKind;
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
    private readonly transactions: Transactions,
    private readonly closures: ClosuresRepository,
    private readonly sessions: SessionsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Fills the Flemish school-holiday and Belgian public-holiday calendars for the given school
   * years from the rules, once per year: later corrections by a coordinator are not overwritten.
   */
  async ensureStandardCalendars(tx: Transaction, schoolYears: number[]): Promise<void> {
    for (const kind of [ClosureKind.SCHOOL_HOLIDAYS, ClosureKind.PUBLIC_HOLIDAYS]) {
      const calendar = await this.closures.lockStandardCalendar(kind, STANDARD_NAMES[kind], tx);
      const missing = schoolYears.filter((year) => !calendar.filled_school_years.includes(year));
      if (missing.length === 0) continue;
      const days = expandPeriods(missing.flatMap((year) => standardPeriods(kind, year)));
      await this.closures.fillStandardCalendar(calendar.id, days, missing, tx);
    }
  }

  /** The Brussels dates from `from` to `to` (inclusive) on which skip-holiday sessions at this organisation's venues do not take place. */
  async closedDates(tx: Transaction, organisationId: string, from: string, to: string): Promise<Map<string, ClosureReason>> {
    const rows = await this.closures.closedDays(organisationId, from, to, tx);
    const closed = new Map<string, ClosureReason>();
    for (const row of rows) if (!closed.has(row.date)) closed.set(row.date, { label: row.label, kind: row.kind });
    return closed;
  }

  async listClosureDays(filter: { from: string; to: string; organisationId?: string | null }): Promise<ClosureDayView[]> {
    const { from, to } = this.dateRange(filter.from, filter.to);
    const organisationId = filter.organisationId ? validate.uuid('organisationId', filter.organisationId) : null;
    // The standard calendars are filled from the rules on first use: a coordinator planning next
    // school year sees its holidays before any series asked for them.
    const years: number[] = [];
    for (let year = schoolYearOf(from); year <= schoolYearOf(to); year += 1) years.push(year);
    await this.transactions.run((tx) => this.ensureStandardCalendars(tx, years));
    const rows = await this.closures.listDays(from, to, organisationId);
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
    return this.transactions.run(async (tx) => {
      if (!(await this.organisations.exists(organisationId, tx))) throw AppError.notFound('Organisation', organisationId);
      const calendar = await this.closures.organisationCalendar(organisationId, tx);
      let day: ClosureDayEntity;
      try {
        day = await this.closures.saveDay({ calendarId: calendar.id, date, label }, tx);
      } catch (error) {
        if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION)
          throw new AppError(ErrorCode.CONFLICT, `${date} is already a free day of this organisation`, { field: 'date' });
        throw error;
      }
      const cancelled = await this.sessions.cancelHolidaySkippingOn(organisationId, date, `Gesloten: ${label}`, this.clock.now(), tx);
      if (cancelled.length > 0) await this.events.emit(tx, 'sessions.cancelled', { sessionIds: cancelled, actorId: actor?.userId ?? null });
      return { id: day.id, date, label, kind: ClosureKind.ORGANISATION, organisationId };
    });
  }

  /** Removes an organisation's own free day; sessions cancelled for it stay cancelled (a host may have told people). */
  async removeClosureDay(actor: Actor | null, id: string): Promise<boolean> {
    const dayId = validate.uuid('id', id);
    const day = await this.closures.findDayWithCalendar(dayId);
    if (!day) throw AppError.notFound('Closure day', dayId);
    if (!day.calendar?.organisationId) {
      schedulingPolicy.requireCoordinator(actor, 'change the standard holiday calendars');
    } else {
      schedulingPolicy.requireCanManageClosures(actor, day.calendar.organisationId);
    }
    await this.closures.deleteDay(dayId);
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
