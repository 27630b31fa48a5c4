import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, AppError, Clock, ErrorCode, validate } from '@app/common';
import { pgErrorCode, PgErrorCode } from '@app/database';
import { FestivalEditionEntity, LIVE_STAND_BOOKING_STATUSES, StandApplicationEntity, StandBookingEntity, StandBookingStatus, StandOffering, StandPlotEntity } from '../entities';
import { OrganisationEntity } from '@app/organisations';
import { lockEdition, openingBlocksOfEdition } from '../editions/festival-editions.service';
import { describePeriods, OpeningBlock, periodContaining } from '../editions/opening-hours';
import { FESTIVAL_ZONE } from '../editions/sinksenfeesten';
import { festivalPolicy } from '../festival-policy';
import { FestivalEvents, StandEvent } from './festival-events';
import { cancelledByCity, dayOverPlotLimit, requireApplicationsOpen, slotsOverlapOnOnePlot } from './stand-rules';

export interface SlotCommand {
  plotId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface BookStandCommand extends SlotCommand {
  organisationId: string;
}

export interface ApplyForStandCommand {
  editionId: string;
  organisationId: string;
  offering: StandOffering;
  community: string;
  countryCode?: string | null;
  description?: string | null;
  needsPower?: boolean | null;
  needsWater?: boolean | null;
  cooking?: boolean | null;
  slots: SlotCommand[];
}

export interface MoveStandBookingCommand {
  plotId?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
}

export interface StandBookingFilter {
  status?: StandBookingStatus | null;
  day?: string | null;
  organisationId?: string | null;
}

interface PlannedSlot {
  plot: StandPlotEntity;
  startsAt: Date;
  endsAt: Date;
  day: string;
}

const LIVE: StandBookingStatus[] = [...LIVE_STAND_BOOKING_STATUSES];
const MAX_SLOTS_PER_APPLICATION = 30;

/**
 * Stand applications and bookings. A booking is written in a transaction that holds the edition
 * row shared (its opening hours and deadline cannot change meanwhile) and an advisory lock per
 * association and edition (the per-day plot limit counts one request at a time); the exclusion
 * constraint `stand_booking_no_overlap` decides between competing requests for one plot.
 */
@Injectable()
export class StandBookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: FestivalEvents,
    private readonly clock: Clock,
  ) {}

  /** One booking. An organiser's is REQUESTED (a coordinator decides); a coordinator's is CONFIRMED at once. */
  async bookStand(actor: Actor | null, command: BookStandCommand): Promise<StandBookingEntity> {
    const organisationId = validate.uuid('organisationId', command.organisationId);
    festivalPolicy.requireCanActFor(actor, organisationId, 'book stands');
    const plotId = validate.uuid('plotId', command.plotId);
    const plot = await this.dataSource.getRepository(StandPlotEntity).findOneBy({ id: plotId });
    if (!plot) throw AppError.notFound('StandPlot', plotId);
    const [booking] = await this.place(actor!, plot.editionId, organisationId, [{ ...command, plotId }], null);
    return booking;
  }

  /** What the association brings and the slots it asks for, all or nothing; applying again updates the application and adds slots. */
  async applyForStand(actor: Actor | null, command: ApplyForStandCommand): Promise<{ application: StandApplicationEntity; bookings: StandBookingEntity[] }> {
    const organisationId = validate.uuid('organisationId', command.organisationId);
    festivalPolicy.requireCanActFor(actor, organisationId, 'apply for stands');
    const editionId = validate.uuid('editionId', command.editionId);
    if (command.slots.length === 0) throw AppError.badInput('slots must ask for at least one plot and time', 'slots');
    if (command.slots.length > MAX_SLOTS_PER_APPLICATION) throw AppError.badInput(`slots may ask for at most ${MAX_SLOTS_PER_APPLICATION} plots and times`, 'slots');
    const countryCode = command.countryCode == null || command.countryCode.trim() === '' ? null : command.countryCode.trim().toUpperCase();
    if (countryCode !== null && !/^[A-Z]{2}$/.test(countryCode)) throw AppError.badInput('countryCode must be an ISO 3166 two-letter code, e.g. SY', 'countryCode');
    if (!Object.values(StandOffering).includes(command.offering)) throw AppError.badInput('offering is not a known kind', 'offering');
    const application = {
      offering: command.offering,
      community: validate.text('community', command.community, { max: 200 }),
      countryCode,
      description: validate.optionalText('description', command.description, 2000),
      needsPower: command.needsPower ?? false,
      needsWater: command.needsWater ?? false,
      cooking: command.cooking ?? false,
    };
    const slots = command.slots.map((slot) => ({ ...slot, plotId: validate.uuid('slots.plotId', slot.plotId) }));
    let saved: StandApplicationEntity | null = null;
    const bookings = await this.place(actor!, editionId, organisationId, slots, async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO stand_application (edition_id, organisation_id, offering, community, country_code, description, needs_power, needs_water, cooking, applied_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (edition_id, organisation_id) DO UPDATE SET offering = EXCLUDED.offering, community = EXCLUDED.community, country_code = EXCLUDED.country_code,
           description = EXCLUDED.description, needs_power = EXCLUDED.needs_power, needs_water = EXCLUDED.needs_water, cooking = EXCLUDED.cooking, updated_at = now()
         RETURNING id`,
        [editionId, organisationId, application.offering, application.community, application.countryCode, application.description, application.needsPower, application.needsWater, application.cooking, actor!.userId],
      );
      saved = await manager.getRepository(StandApplicationEntity).findOneByOrFail({ id: row.id });
      return saved.id;
    });
    return { application: saved!, bookings };
  }

  async confirmBooking(actor: Actor | null, id: string): Promise<StandBookingEntity> {
    festivalPolicy.requireCoordinator(actor, 'confirm stand bookings');
    return this.dataSource.transaction(async (manager) => {
      const booking = await lockBooking(manager, id);
      if (booking.status === StandBookingStatus.CONFIRMED) return booking;
      if (booking.status === StandBookingStatus.CANCELLED) throw new AppError(ErrorCode.CONFLICT, 'This booking was cancelled; the association can apply again');
      this.requireNotBegun(booking.startsAt);
      const decided = { status: StandBookingStatus.CONFIRMED, decidedById: actor!.userId, decidedAt: this.clock.now() };
      await manager.getRepository(StandBookingEntity).update(booking.id, decided);
      await this.events.publish(manager, [{ kind: 'CONFIRMED', organisationId: booking.organisationId, bookingIds: [booking.id] }]);
      return { ...booking, ...decided };
    });
  }

  /** A requested slot the city cannot give; the organiser reads the reason. */
  async refuseBooking(actor: Actor | null, id: string, reason: string): Promise<StandBookingEntity> {
    festivalPolicy.requireCoordinator(actor, 'refuse stand bookings');
    const why = validate.text('reason', reason, { max: 500 });
    return this.dataSource.transaction(async (manager) => {
      const booking = await lockBooking(manager, id);
      if (booking.status !== StandBookingStatus.REQUESTED) throw new AppError(ErrorCode.CONFLICT, `Only a requested booking can be refused; this one is ${booking.status}${booking.status === StandBookingStatus.CONFIRMED ? ' (cancel it instead)' : ''}`);
      const decided = { status: StandBookingStatus.CANCELLED, decidedById: actor!.userId, decidedAt: this.clock.now(), reason: why };
      await manager.getRepository(StandBookingEntity).update(booking.id, decided);
      await this.events.publish(manager, [{ kind: 'REFUSED', organisationId: booking.organisationId, bookingId: booking.id }]);
      return { ...booking, ...decided };
    });
  }

  /** Frees the plot. The association's organisers may cancel their own; when the city cancels, they are told why. Cancelling twice changes nothing. */
  async cancelBooking(actor: Actor | null, id: string, reason?: string | null): Promise<StandBookingEntity> {
    // The role first: a host or volunteer learns nothing about which booking ids exist.
    const viewer = festivalPolicy.requireCanSeePlan(actor);
    const why = validate.optionalText('reason', reason, 500);
    return this.dataSource.transaction(async (manager) => {
      const booking = await lockBooking(manager, id);
      festivalPolicy.requireCanActFor(viewer, booking.organisationId, 'cancel stand bookings');
      if (booking.status === StandBookingStatus.CANCELLED) return booking;
      const byCity = cancelledByCity(viewer, booking.organisationId);
      const cancelled = { status: StandBookingStatus.CANCELLED, decidedById: viewer.userId, decidedAt: this.clock.now(), reason: why };
      await manager.getRepository(StandBookingEntity).update(booking.id, cancelled);
      await this.events.publish(manager, [{ kind: byCity ? 'CANCELLED_BY_CITY' : 'CANCELLED_BY_ORGANISER', organisationId: booking.organisationId, bookingId: booking.id }]);
      return { ...booking, ...cancelled };
    });
  }

  /** Another plot or time for a live booking, under the same rules as a new one; its status stays. */
  async moveBooking(actor: Actor | null, id: string, command: MoveStandBookingCommand): Promise<StandBookingEntity> {
    festivalPolicy.requireCoordinator(actor, 'move stand bookings');
    const bookingId = validate.uuid('id', id);
    const requested = { plotId: command.plotId == null ? null : validate.uuid('plotId', command.plotId), startsAt: command.startsAt ?? null, endsAt: command.endsAt ?? null };
    let target: SlotCommand | null = null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const booking = await lockBooking(manager, bookingId);
        if (booking.status === StandBookingStatus.CANCELLED) throw new AppError(ErrorCode.CONFLICT, 'A cancelled booking cannot be moved');
        target = { plotId: requested.plotId ?? booking.plotId, startsAt: requested.startsAt ?? booking.startsAt, endsAt: requested.endsAt ?? booking.endsAt };
        const edition = await lockEdition(manager, booking.editionId);
        const [slot] = await this.planSlots(manager, edition, [target], true);
        await this.checkDailyLimit(manager, edition, booking.organisationId, [slot], booking.id);
        const moved = { plotId: slot.plot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, day: slot.day };
        await manager.getRepository(StandBookingEntity).update(booking.id, moved);
        await this.events.publish(manager, [{ kind: 'MOVED', organisationId: booking.organisationId, bookingId: booking.id, previous: { plotId: booking.plotId, startsAt: booking.startsAt, endsAt: booking.endsAt } }]);
        return { ...booking, ...moved };
      });
    } catch (error) {
      throw await this.explainOverlap(error, target ? [target] : [], bookingId);
    }
  }

  async bookingsOfEdition(actor: Actor | null, editionId: string, filter: StandBookingFilter = {}): Promise<StandBookingEntity[]> {
    const viewer = festivalPolicy.requireCanSeePlan(actor);
    const visible = festivalPolicy.visibleOrganisation(viewer);
    const organisationId = filter.organisationId == null ? null : validate.uuid('organisationId', filter.organisationId);
    if (filter.day != null) validate.isoDate('day', filter.day, '2027-05-15');
    await this.requireEdition(editionId);
    const query = this.dataSource
      .getRepository(StandBookingEntity)
      .createQueryBuilder('b')
      .where('b.edition_id = :editionId', { editionId: validate.uuid('editionId', editionId) })
      .orderBy('b.starts_at', 'ASC')
      .addOrderBy('b.id', 'ASC');
    if (visible) query.andWhere('b.organisation_id = :visible', { visible });
    if (organisationId) query.andWhere('b.organisation_id = :organisationId', { organisationId });
    if (filter.status) query.andWhere('b.status = :status', { status: filter.status });
    if (filter.day) query.andWhere('b.day = :day', { day: filter.day });
    return query.getMany();
  }

  async applicationsOfEdition(actor: Actor | null, editionId: string): Promise<StandApplicationEntity[]> {
    const viewer = festivalPolicy.requireCanSeePlan(actor);
    const visible = festivalPolicy.visibleOrganisation(viewer);
    await this.requireEdition(editionId);
    return this.dataSource.getRepository(StandApplicationEntity).find({
      where: { editionId: validate.uuid('editionId', editionId), ...(visible ? { organisationId: visible } : {}) },
      order: { createdAt: 'ASC' },
    });
  }

  async findBooking(actor: Actor | null, id: string): Promise<StandBookingEntity | null> {
    const viewer = festivalPolicy.requireCanSeePlan(actor);
    const booking = await this.dataSource.getRepository(StandBookingEntity).findOneBy({ id: validate.uuid('id', id) });
    return booking && festivalPolicy.canSeeBookingOf(viewer, booking.organisationId) ? booking : null;
  }

  findByIds(ids: readonly string[]): Promise<StandBookingEntity[]> {
    return this.dataSource.getRepository(StandBookingEntity).findBy({ id: In([...ids]) });
  }

  applicationsByIds(ids: readonly string[]): Promise<StandApplicationEntity[]> {
    return this.dataSource.getRepository(StandApplicationEntity).findBy({ id: In([...ids]) });
  }

  bookingsByApplicationIds(ids: readonly string[]): Promise<StandBookingEntity[]> {
    return this.dataSource.getRepository(StandBookingEntity).find({ where: { applicationId: In([...ids]) }, order: { startsAt: 'ASC' } });
  }

  private async place(actor: Actor, editionId: string, organisationId: string, slots: SlotCommand[], saveApplication: ((manager: EntityManager) => Promise<string>) | null): Promise<StandBookingEntity[]> {
    const byCoordinator = festivalPolicy.isCoordinator(actor);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const edition = await lockEdition(manager, editionId);
        requireApplicationsOpen(edition, this.clock.now(), byCoordinator);
        if (!(await manager.getRepository(OrganisationEntity).existsBy({ id: organisationId }))) throw AppError.notFound('Organisation', organisationId);
        const planned = await this.planSlots(manager, edition, slots, byCoordinator);
        await this.checkDailyLimit(manager, edition, organisationId, planned, null);
        const applicationId = saveApplication
          ? await saveApplication(manager)
          : ((await manager.getRepository(StandApplicationEntity).findOneBy({ editionId, organisationId }))?.id ?? null);
        const now = this.clock.now();
        const status = byCoordinator ? StandBookingStatus.CONFIRMED : StandBookingStatus.REQUESTED;
        const rows = planned.map((slot) => ({
          editionId,
          plotId: slot.plot.id,
          organisationId,
          applicationId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          day: slot.day,
          status,
          requestedById: actor.userId,
          decidedById: byCoordinator ? actor.userId : null,
          decidedAt: byCoordinator ? now : null,
          reason: null,
        }));
        const bookings = await manager.getRepository(StandBookingEntity).save(rows);
        const event: StandEvent = { kind: byCoordinator ? 'CONFIRMED' : 'APPLIED', organisationId, bookingIds: bookings.map((booking) => booking.id) };
        await this.events.publish(manager, [event]);
        return bookings;
      });
    } catch (error) {
      throw await this.explainOverlap(error, slots, null);
    }
  }

  /** Each slot on an active plot of the edition, inside its opening hours and not begun; coordinators may book a closed plot. */
  private async planSlots(manager: EntityManager, edition: FestivalEditionEntity, slots: SlotCommand[], allowInactive: boolean): Promise<PlannedSlot[]> {
    const plots = new Map((await manager.getRepository(StandPlotEntity).findBy({ id: In(slots.map((slot) => slot.plotId)) })).map((plot) => [plot.id, plot]));
    const blocks: OpeningBlock[] = await openingBlocksOfEdition(manager, edition.id);
    if (slotsOverlapOnOnePlot(slots)) throw AppError.badInput('Two of the slots asked for overlap on the same plot', 'slots');
    return slots.map((slot) => {
      const plot = plots.get(slot.plotId);
      if (!plot || plot.editionId !== edition.id) throw AppError.notFound('StandPlot', slot.plotId);
      if (!plot.active && !allowInactive) throw new AppError(ErrorCode.STAND_UNAVAILABLE, `Plot ${plot.code} is not in use this edition`, { reason: 'PLOT_INACTIVE', plotId: plot.id, plotCode: plot.code });
      validate.range('startsAt', slot.startsAt, slot.endsAt);
      this.requireNotBegun(slot.startsAt);
      const period = periodContaining(blocks, slot.startsAt, slot.endsAt);
      if (!period) {
        throw new AppError(ErrorCode.OUTSIDE_OPENING_HOURS, `The festival is open ${describePeriods(blocks)} (Brussels time); a stand booking must lie within one of these`, {
          field: 'startsAt',
        });
      }
      return { plot, startsAt: slot.startsAt, endsAt: slot.endsAt, day: period.day };
    });
  }

  /** At most edition.maxPlotsPerOrganisationPerDay different plots per association per day, counting the live bookings it has. */
  private async checkDailyLimit(manager: EntityManager, edition: FestivalEditionEntity, organisationId: string, planned: PlannedSlot[], exceptBookingId: string | null): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`stand-limit:${edition.id}:${organisationId}`]);
    const held = await manager.query<{ day: string; plot_id: string }[]>(
      `SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day, plot_id FROM stand_booking
        WHERE edition_id = $1 AND organisation_id = $2 AND status = ANY($3::stand_booking_status[]) AND day = ANY($4::date[]) AND ($5::uuid IS NULL OR id <> $5)`,
      [edition.id, organisationId, LIVE, [...new Set(planned.map((slot) => slot.day))], exceptBookingId],
    );
    const over = dayOverPlotLimit(
      held.map((row) => ({ day: row.day, plotId: row.plot_id })),
      planned.map((slot) => ({ day: slot.day, plotId: slot.plot.id })),
      edition.maxPlotsPerOrganisationPerDay,
    );
    if (over) {
      throw new AppError(ErrorCode.STAND_LIMIT_REACHED, `An association may hold at most ${edition.maxPlotsPerOrganisationPerDay} plot(s) on ${over.day}; this would make ${over.plots}`, {
        day: over.day,
        limit: edition.maxPlotsPerOrganisationPerDay,
      });
    }
  }

  private async requireEdition(editionId: string): Promise<void> {
    const id = validate.uuid('editionId', editionId);
    if (!(await this.dataSource.getRepository(FestivalEditionEntity).existsBy({ id }))) throw AppError.notFound('FestivalEdition', id);
  }

  private requireNotBegun(startsAt: Date): void {
    if (startsAt.getTime() <= this.clock.now().getTime()) throw AppError.badInput('startsAt has already passed', 'startsAt');
  }

  /** Turns the exclusion constraint's refusal into STAND_UNAVAILABLE naming the slot that is taken. */
  private async explainOverlap(error: unknown, slots: SlotCommand[], exceptBookingId: string | null): Promise<unknown> {
    if (pgErrorCode(error) !== PgErrorCode.EXCLUSION_VIOLATION) return error;
    for (const slot of slots) {
      const [taken] = await this.dataSource.query<{ code: string; starts_at: Date; ends_at: Date; status: string }[]>(
        `SELECT p.code, b.starts_at, b.ends_at, b.status FROM stand_booking b JOIN stand_plot p ON p.id = b.plot_id
          WHERE b.plot_id = $1 AND b.status = ANY($4::stand_booking_status[]) AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange($2, $3, '[)') AND ($5::uuid IS NULL OR b.id <> $5)
          ORDER BY b.starts_at LIMIT 1`,
        [slot.plotId, slot.startsAt, slot.endsAt, LIVE, exceptBookingId],
      );
      if (taken) {
        const local = (date: Date) => DateTime.fromJSDate(new Date(date), { zone: FESTIVAL_ZONE });
        const from = local(taken.starts_at);
        return new AppError(ErrorCode.STAND_UNAVAILABLE, `Plot ${taken.code} is taken on ${from.toFormat('yyyy-MM-dd')} from ${from.toFormat('HH:mm')} to ${local(taken.ends_at).toFormat('HH:mm')} (${taken.status.toLowerCase()})`, {
          reason: 'OVERLAP',
          plotId: slot.plotId,
          plotCode: taken.code,
          conflict: { startsAt: new Date(taken.starts_at).toISOString(), endsAt: new Date(taken.ends_at).toISOString(), status: taken.status },
        });
      }
    }
    // Taken by a request that has since been undone: the slot may be free now; the client can retry.
    return new AppError(ErrorCode.STAND_UNAVAILABLE, 'The plot was taken for an overlapping time while you booked; look at the plan again', { reason: 'OVERLAP' });
  }
}

async function lockBooking(manager: EntityManager, id: string): Promise<StandBookingEntity> {
  const bookingId = validate.uuid('id', id);
  const booking = await manager.getRepository(StandBookingEntity).findOne({ where: { id: bookingId }, lock: { mode: 'pessimistic_write' } });
  if (!booking) throw AppError.notFound('StandBooking', bookingId);
  return booking;
}
