import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Actor, AppError, Clock, ErrorCode, validate } from '@app/common';
import { Transaction, Transactions } from '@app/database';
import { DomainEvents } from '@app/events';
import { JobName, OnJob } from '@app/queues';
import { ClosureReason, ClosuresService } from '../closures/closures.service';
import { schoolYearOf } from '../closures/flemish-calendar';
import { ProgrammeEntity, SessionSeriesEntity, SessionStatus, VenueEntity } from '../entities';
import { HostsRepository } from '../hosts/hosts.repository';
import { ProgrammesRepository } from '../programmes/programmes.repository';
import { brusselsDate, endOfSchoolYear, occurrencesUntil, parseRecurrence, SCHEDULE_ZONE } from '../recurrence/brussels-recurrence';
import { schedulingPolicy } from '../scheduling-policy';
import {
  MAX_DURATION_MINUTES,
  MAX_TITLE,
  requireHosts,
  requireProgrammeAndVenue,
  requireValidInstant,
  sessionCapacity,
  venueTakesSessions,
} from '../sessions/session-rules';
import { SessionsRepository } from '../sessions/sessions.repository';
import { VenuesRepository } from '../venues/venues.repository';
import { SessionSeriesRepository } from './session-series.repository';

export interface CreateSessionSeriesCommand {
  programmeId: string;
  venueId: string;
  title: string;
  rrule: string;
  firstStartsAt: Date;
  durationMinutes: number;
  capacity?: number | null;
  hostIds?: string[] | null;
  skipSchoolHolidays?: boolean | null;
}

export interface UpdateSessionSeriesCommand {
  title?: string | null;
  rrule?: string | null;
  firstStartsAt?: Date | null;
  durationMinutes?: number | null;
  capacity?: number | null;
  hostIds?: string[] | null;
  skipSchoolHolidays?: boolean | null;
}

/** One date a series would have: created, or skipped because of the closure day named. */
export interface PlannedOccurrence {
  startsAt: Date;
  endsAt: Date;
  skippedBecause: ClosureReason | null;
}

export interface SeriesChange {
  series: SessionSeriesEntity;
  created: number;
  updated: number;
  removed: number;
}

/** How far ahead open-ended series are kept: hosts plan next school year from May on. */
const LOOKAHEAD_DAYS = 120;

@Injectable()
export class SessionSeriesService {
  private readonly logger = new Logger(SessionSeriesService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly seriesTable: SessionSeriesRepository,
    private readonly sessions: SessionsRepository,
    private readonly hosts: HostsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly venues: VenuesRepository,
    private readonly closures: ClosuresService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Creates the series and its sessions at once, through the end of the school year it starts in
   * (a series for next school year shows all of its sessions immediately).
   */
  async createSeries(actor: Actor | null, input: CreateSessionSeriesCommand): Promise<SessionSeriesEntity> {
    const checked = this.checkCreate(actor, input);
    return this.transactions.run(async (tx) => {
      const { series: fields, programme, venue, hostIds } = await this.newSeries(tx, input, checked);
      const planned = await this.firstStretch(tx, fields, venue);
      if (!planned.some((o) => o.skippedBecause === null))
        throw AppError.badInput('the rule gives no dates from firstStartsAt on (after skipping closure days)', 'rrule');
      const series = await this.seriesTable.create(fields, tx);
      await this.hosts.addHosts('series', [series.id], hostIds, tx);
      await this.materialise(tx, series, programme, venue, hostIds, this.horizon(series));
      return series;
    });
  }

  /**
   * The dates createSeries would create for this input, and the ones it would skip with the
   * closure day's name, computed by the same code. Nothing of the series is saved (only the
   * standard holiday calendars get filled for those school years, as createSeries would).
   */
  async previewSeries(actor: Actor | null, input: CreateSessionSeriesCommand): Promise<PlannedOccurrence[]> {
    const checked = this.checkCreate(actor, input);
    return this.transactions.run(async (tx) => {
      const { series, venue } = await this.newSeries(tx, input, checked);
      return this.firstStretch(tx, series, venue);
    });
  }

  /**
   * Ends a series before `from` (a Brussels date): the rule stops there, and its sessions from
   * that day on are cancelled through the usual path, so the people registered hear about it.
   */
  async endSeries(actor: Actor | null, id: string, fromInput: string): Promise<SeriesChange> {
    const seriesId = validate.uuid('id', id);
    const fromDate = validate.isoDate('from', fromInput);
    return this.transactions.run(async (tx) => {
      const series = await this.seriesTable.lock(seriesId, tx);
      if (!series) throw AppError.notFound('Session series', seriesId);
      schedulingPolicy.requireCanManageHosted(actor, await this.hosts.hostIdsOf('series', series.id, tx), 'end this series');
      const from = DateTime.fromISO(fromDate, { zone: SCHEDULE_ZONE }).startOf('day').toJSDate();
      const now = this.clock.now();
      if (from.getTime() < now.getTime() && brusselsDate(now) !== fromDate) throw AppError.badInput('from must be today or later', 'from');
      // COUNT would still be counting below UNTIL only if it ran past `from`, so UNTIL alone keeps the earlier dates.
      const rule = series.rrule
        .split(';')
        .filter((part) => !/^(COUNT|UNTIL)=/i.test(part))
        .concat(`UNTIL=${DateTime.fromJSDate(new Date(from.getTime() - 1000), { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'")}`)
        .join(';');
      const later = (await this.sessions.futureOfSeries(series.id, new Date(Math.max(from.getTime(), now.getTime()) - 1), tx)).filter(
        (s) => s.status === SessionStatus.SCHEDULED,
      );
      const ids = later.map((s) => s.id);
      if (ids.length) {
        await this.sessions.cancelByIds(ids, 'De reeks stopt: deze datum vervalt', now, tx);
        await this.events.emit(tx, 'sessions.cancelled', { sessionIds: ids, actorId: actor?.userId ?? null });
      }
      series.rrule = parseRecurrence(rule).text;
      series.openEnded = false;
      await this.seriesTable.save(series, tx);
      return { series, created: 0, updated: 0, removed: ids.length };
    });
  }

  /** Adds one date outside the rule (a catch-up session) to the series, with its title, duration, capacity and hosts. */
  async addSeriesDate(actor: Actor | null, id: string, startsAtInput: Date): Promise<SeriesChange> {
    const seriesId = validate.uuid('id', id);
    const startsAt = requireValidInstant('startsAt', startsAtInput);
    return this.transactions.run(async (tx) => {
      const series = await this.seriesTable.lock(seriesId, tx);
      if (!series) throw AppError.notFound('Session series', seriesId);
      const hostIds = await this.hosts.hostIdsOf('series', series.id, tx);
      schedulingPolicy.requireCanManageHosted(actor, hostIds, 'change this series');
      if (startsAt.getTime() <= this.clock.now().getTime()) throw AppError.badInput('startsAt must be in the future', 'startsAt');
      const programme = await this.programmes.findByIdOrFail(series.programmeId, tx);
      const created = await this.insertSessions(tx, series, [startsAt], series.capacity ?? programme.defaultCapacity, hostIds);
      if (created === 0) throw new AppError(ErrorCode.CONFLICT, 'the series already has a session at this time', { field: 'startsAt' });
      return { series, created, updated: 0, removed: 0 };
    });
  }

  /** The checks createSeries makes before it reads the database. */
  private checkCreate(actor: Actor | null, input: CreateSessionSeriesCommand) {
    const hostIdsInput = input.hostIds ?? (actor && !schedulingPolicy.isCoordinator(actor) ? [actor.userId] : []);
    schedulingPolicy.requireCanSchedule(actor, hostIdsInput);
    return {
      hostIdsInput,
      title: validate.text('title', input.title, { max: MAX_TITLE }),
      recurrence: parseRecurrence(input.rrule),
      firstStartsAt: requireValidInstant('firstStartsAt', input.firstStartsAt),
      durationMinutes: validate.int('durationMinutes', input.durationMinutes, 5, MAX_DURATION_MINUTES),
    };
  }

  /** The series row createSeries would insert, with the programme, venue and hosts it checked. */
  private async newSeries(tx: Transaction, input: CreateSessionSeriesCommand, checked: ReturnType<SessionSeriesService['checkCreate']>) {
    const { programme, venue } = await requireProgrammeAndVenue({ programmes: this.programmes, venues: this.venues }, input.programmeId, input.venueId, tx);
    const capacity = input.capacity == null ? null : sessionCapacity(input.capacity, programme, venue);
    const hostIds = await requireHosts(this.hosts, checked.hostIdsInput, tx);
    const series = {
      programmeId: programme.id,
      venueId: venue.id,
      title: checked.title,
      rrule: checked.recurrence.text,
      firstStartsAt: checked.firstStartsAt,
      durationMinutes: checked.durationMinutes,
      capacity,
      skipSchoolHolidays: input.skipSchoolHolidays ?? false,
      openEnded: checked.recurrence.openEnded,
      materialisedUntil: checked.firstStartsAt,
    } as SessionSeriesEntity;
    return { series, programme, venue, hostIds };
  }

  /** What a new series materialises at once: its occurrences up to its horizon, closure days marked. */
  private firstStretch(tx: Transaction, series: SessionSeriesEntity, venue: VenueEntity): Promise<PlannedOccurrence[]> {
    return this.plannedOccurrences(tx, series, venue, this.stretchStart(series), this.horizon(series));
  }

  /**
   * Changes a series from now on: past sessions stay as they were; future sessions that still
   * fit are updated, new occurrences are added and occurrences that no longer fit are removed.
   * A session a host cancelled by hand stays cancelled. With `from` (a Brussels date) the sessions
   * before that day are kept too ("this and following").
   */
  async updateSeries(actor: Actor | null, id: string, input: UpdateSessionSeriesCommand, from?: string | null): Promise<SeriesChange> {
    const seriesId = validate.uuid('id', id);
    const fromDay = from == null ? null : DateTime.fromISO(validate.isoDate('from', from), { zone: SCHEDULE_ZONE }).startOf('day').toJSDate();
    return this.transactions.run(async (tx) => {
      const series = await this.seriesTable.lock(seriesId, tx);
      if (!series) throw AppError.notFound('Session series', seriesId);
      const currentHosts = await this.hosts.hostIdsOf('series', series.id, tx);
      schedulingPolicy.requireCanManageHosted(actor, currentHosts, 'change this series');
      if (input.title != null) series.title = validate.text('title', input.title, { max: MAX_TITLE });
      if (input.rrule != null) {
        const recurrence = parseRecurrence(input.rrule);
        series.rrule = recurrence.text;
        series.openEnded = recurrence.openEnded;
      }
      if (input.firstStartsAt != null) series.firstStartsAt = requireValidInstant('firstStartsAt', input.firstStartsAt);
      if (input.durationMinutes != null) series.durationMinutes = validate.int('durationMinutes', input.durationMinutes, 5, MAX_DURATION_MINUTES);
      if (input.skipSchoolHolidays != null) series.skipSchoolHolidays = input.skipSchoolHolidays;
      const programme = await this.programmes.findByIdOrFail(series.programmeId, tx);
      const venue = await this.venues.findByIdOrFail(series.venueId, tx);
      if (input.capacity !== undefined) series.capacity = input.capacity === null ? null : sessionCapacity(input.capacity, programme, venue);
      let hostIds = currentHosts;
      if (input.hostIds != null) {
        hostIds = await requireHosts(this.hosts, input.hostIds, tx);
        if (actor && !schedulingPolicy.isCoordinator(actor) && !hostIds.includes(actor.userId))
          throw AppError.forbidden('A host cannot remove themselves from a series; ask a coordinator');
        await this.hosts.replaceHosts('series', [series.id], hostIds, tx);
      }

      const now = this.clock.now();
      const changeAfter = fromDay ? new Date(Math.max(now.getTime(), fromDay.getTime() - 1)) : now;
      const horizon = this.horizon(series);
      const wanted = await this.plannedStarts(tx, series, venue, changeAfter, horizon);
      const future = await this.sessions.futureOfSeries(series.id, changeAfter, tx);
      const wantedKeys = new Set(wanted.map((d) => d.getTime()));
      const gone = future.filter((s) => !wantedKeys.has(s.startsAt.getTime()));
      const kept = future.filter((s) => wantedKeys.has(s.startsAt.getTime()));
      // A dropped occurrence that people are registered for is cancelled (they hear about it), never deleted.
      const inUse = new Set<string>();
      if (gone.length > 0) await this.events.emit(tx, 'sessions.inUse', { sessionIds: gone.map((s) => s.id), inUse });
      const toCancel = gone.filter((s) => inUse.has(s.id) && s.status === SessionStatus.SCHEDULED).map((s) => s.id);
      const toDelete = gone.filter((s) => !inUse.has(s.id)).map((s) => s.id);
      if (toDelete.length) await this.sessions.deleteByIds(toDelete, tx);
      if (toCancel.length) {
        await this.sessions.cancelByIds(toCancel, 'De reeks is gewijzigd: deze datum vervalt', now, tx);
        await this.events.emit(tx, 'sessions.cancelled', { sessionIds: toCancel, actorId: actor?.userId ?? null });
      }
      const capacity = series.capacity ?? programme.defaultCapacity;
      if (kept.length) {
        await this.sessions.updateFromSeries(
          kept.map((s) => s.id),
          series.title,
          series.durationMinutes,
          capacity,
          tx,
        );
        if (input.hostIds != null) {
          await this.hosts.replaceHosts(
            'session',
            kept.map((s) => s.id),
            hostIds,
            tx,
          );
        }
      }
      const existing = new Set(kept.map((s) => s.startsAt.getTime()));
      const created = await this.insertSessions(
        tx,
        series,
        wanted.filter((d) => !existing.has(d.getTime())),
        capacity,
        hostIds,
      );
      series.materialisedUntil = horizon;
      await this.seriesTable.save(series, tx);
      return { series, created, updated: kept.length, removed: gone.length };
    });
  }

  /**
   * Materialises the next stretch of every series whose horizon moved on (run daily by the
   * worker). Each series is locked and skipped if another worker holds it, so replicas can run it at once.
   */
  @OnJob(JobName.EXTEND_SERIES_HORIZONS)
  async extendSeriesHorizons(): Promise<{ series: number; sessions: number }> {
    const candidates = await this.seriesTable.openEndedIds();
    let sessions = 0;
    let extended = 0;
    for (const id of candidates) {
      const added = await this.transactions.run(async (tx) => {
        const series = await this.seriesTable.lockUnlessLocked(id, tx);
        if (!series) return 0;
        const horizon = this.horizon(series);
        if (horizon.getTime() <= series.materialisedUntil.getTime()) return 0;
        const programme = await this.programmes.findByIdOrFail(series.programmeId, tx);
        const venue = await this.venues.findWithOrganisation(series.venueId, tx);
        // A deactivated venue or organisation gets no new sessions; reactivated, the next run catches up.
        if (!venue || !venueTakesSessions(venue)) return 0;
        return this.materialise(tx, series, programme, venue, await this.hosts.hostIdsOf('series', series.id, tx), horizon);
      });
      if (added > 0) extended += 1;
      sessions += added;
    }
    if (sessions > 0) this.logger.log(`extended ${extended} series with ${sessions} sessions`);
    return { series: extended, sessions };
  }

  /** series id → host user ids, for a batch of series in one statement. */
  hostIdsBySeriesIds(seriesIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.hosts.hostIdsByOwner('series', seriesIds);
  }

  findSeries(id: string): Promise<SessionSeriesEntity | null> {
    return this.seriesTable.findById(validate.uuid('id', id));
  }

  private async materialise(
    tx: Transaction,
    series: SessionSeriesEntity,
    programme: ProgrammeEntity,
    venue: VenueEntity,
    hostIds: string[],
    horizon: Date,
  ): Promise<number> {
    const starts = await this.plannedStarts(tx, series, venue, this.stretchStart(series), horizon);
    const created = await this.insertSessions(tx, series, starts, series.capacity ?? programme.defaultCapacity, hostIds);
    await this.seriesTable.setMaterialisedUntil(series.id, horizon, tx);
    series.materialisedUntil = horizon;
    return created;
  }

  /** Where materialising starts: after what exists (materialisedUntil, itself included) and not in the past. */
  private stretchStart(series: SessionSeriesEntity): Date {
    return new Date(Math.max(series.materialisedUntil.getTime() - 1, this.clock.now().getTime()));
  }

  /** Occurrence starts after `after` and before `horizon`, without closure days when the series skips them. */
  private async plannedStarts(tx: Transaction, series: SessionSeriesEntity, venue: VenueEntity, after: Date, horizon: Date): Promise<Date[]> {
    const planned = await this.plannedOccurrences(tx, series, venue, after, horizon);
    return planned.filter((o) => o.skippedBecause === null).map((o) => o.startsAt);
  }

  /** Occurrences after `after` and before `horizon`, each with the closure day that skips it (when the series skips them). */
  private async plannedOccurrences(tx: Transaction, series: SessionSeriesEntity, venue: VenueEntity, after: Date, horizon: Date): Promise<PlannedOccurrence[]> {
    const starts = occurrencesUntil(parseRecurrence(series.rrule), series.firstStartsAt, horizon).filter((d) => d.getTime() > after.getTime());
    const occurrence = (startsAt: Date, skippedBecause: ClosureReason | null): PlannedOccurrence => ({
      startsAt,
      endsAt: new Date(startsAt.getTime() + series.durationMinutes * 60_000),
      skippedBecause,
    });
    if (!series.skipSchoolHolidays || starts.length === 0) return starts.map((d) => occurrence(d, null));
    const first = brusselsDate(starts[0]);
    const last = brusselsDate(starts[starts.length - 1]);
    const years: number[] = [];
    for (let year = schoolYearOf(first); year <= schoolYearOf(last); year += 1) years.push(year);
    await this.closures.ensureStandardCalendars(tx, years);
    const closed = await this.closures.closedDates(tx, venue.organisationId, first, last);
    return starts.map((d) => occurrence(d, closed.get(brusselsDate(d)) ?? null));
  }

  private async insertSessions(tx: Transaction, series: SessionSeriesEntity, starts: Date[], capacity: number, hostIds: string[]): Promise<number> {
    if (starts.length === 0) return 0;
    const inserted = await this.sessions.insertForSeries(series, starts, capacity, tx);
    await this.hosts.addHosts('session', inserted, hostIds, tx);
    return inserted.length;
  }

  /** Open-ended series: through the end of the school year they start in, and of the one LOOKAHEAD_DAYS from now. */
  private horizon(series: SessionSeriesEntity): Date {
    const ofStart = endOfSchoolYear(series.firstStartsAt);
    // COUNT or UNTIL bounds a finite series (and MAX_OCCURRENCES bounds every rule): all of it exists at once.
    if (!series.openEnded) return DateTime.fromJSDate(series.firstStartsAt).plus({ years: 5 }).toJSDate();
    const ahead = DateTime.fromJSDate(this.clock.now(), { zone: SCHEDULE_ZONE }).plus({ days: LOOKAHEAD_DAYS }).toJSDate();
    return new Date(Math.max(ofStart.getTime(), endOfSchoolYear(ahead).getTime()));
  }
}
