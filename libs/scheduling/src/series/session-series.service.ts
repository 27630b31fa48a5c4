import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Actor, AppError, Clock, validate } from '@app/common';
import { Transaction, Transactions } from '@app/database';
import { DomainEvents } from '@app/events';
import { JobName, OnJob } from '@app/queues';
import { ClosuresService } from '../closures/closures.service';
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
    const hostIdsInput = input.hostIds ?? (actor && !schedulingPolicy.isCoordinator(actor) ? [actor.userId] : []);
    schedulingPolicy.requireCanSchedule(actor, hostIdsInput);
    const title = validate.text('title', input.title, { max: MAX_TITLE });
    const recurrence = parseRecurrence(input.rrule);
    const firstStartsAt = requireValidInstant('firstStartsAt', input.firstStartsAt);
    const durationMinutes = validate.int('durationMinutes', input.durationMinutes, 5, MAX_DURATION_MINUTES);
    return this.transactions.run(async (tx) => {
      const { programme, venue } = await requireProgrammeAndVenue({ programmes: this.programmes, venues: this.venues }, input.programmeId, input.venueId, tx);
      const capacity = input.capacity == null ? null : sessionCapacity(input.capacity, programme, venue);
      const hostIds = await requireHosts(this.hosts, hostIdsInput, tx);
      const series = await this.seriesTable.create(
        {
          programmeId: programme.id,
          venueId: venue.id,
          title,
          rrule: recurrence.text,
          firstStartsAt,
          durationMinutes,
          capacity,
          skipSchoolHolidays: input.skipSchoolHolidays ?? false,
          openEnded: recurrence.openEnded,
          materialisedUntil: firstStartsAt,
        },
        tx,
      );
      await this.hosts.addHosts('series', [series.id], hostIds, tx);
      await this.materialise(tx, series, programme, venue, hostIds, this.horizon(series));
      return series;
    });
  }

  /**
   * Changes a series from now on: past sessions stay as they were; future sessions that still
   * fit are updated, new occurrences are added and occurrences that no longer fit are removed.
   * A session a host cancelled by hand stays cancelled.
   */
  async updateSeries(actor: Actor | null, id: string, input: UpdateSessionSeriesCommand): Promise<SeriesChange> {
    const seriesId = validate.uuid('id', id);
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
      const horizon = this.horizon(series);
      const wanted = await this.plannedStarts(tx, series, venue, now, horizon);
      const future = await this.sessions.futureOfSeries(series.id, now, tx);
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
    const from = new Date(Math.max(series.materialisedUntil.getTime() - 1, this.clock.now().getTime()));
    const starts = (await this.plannedStarts(tx, series, venue, from, horizon)).filter((d) => d.getTime() >= series.materialisedUntil.getTime());
    const created = await this.insertSessions(tx, series, starts, series.capacity ?? programme.defaultCapacity, hostIds);
    await this.seriesTable.setMaterialisedUntil(series.id, horizon, tx);
    series.materialisedUntil = horizon;
    return created;
  }

  /** Occurrence starts after `after` and before `horizon`, without closure days when the series skips them. */
  private async plannedStarts(tx: Transaction, series: SessionSeriesEntity, venue: VenueEntity, after: Date, horizon: Date): Promise<Date[]> {
    const starts = occurrencesUntil(parseRecurrence(series.rrule), series.firstStartsAt, horizon).filter((d) => d.getTime() > after.getTime());
    if (!series.skipSchoolHolidays || starts.length === 0) return starts;
    const first = brusselsDate(starts[0]);
    const last = brusselsDate(starts[starts.length - 1]);
    const years: number[] = [];
    for (let year = schoolYearOf(first); year <= schoolYearOf(last); year += 1) years.push(year);
    await this.closures.ensureStandardCalendars(tx, years);
    const closed = await this.closures.closedDates(tx, venue.organisationId, first, last);
    return starts.filter((d) => !closed.has(brusselsDate(d)));
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
