import { Injectable } from '@nestjs/common';
import { Actor, AppError, Clock, ErrorCode, validate } from '@app/common';
import { pgErrorCode, PgErrorCode, Transaction, Transactions } from '@app/database';
import { FestivalEditionsRepository } from '../editions/festival-editions.repository';
import { StandApplicationEntity, StandBookingEntity, StandBookingStatus, StandOffering } from '../entities';
import { festivalPolicy } from '../festival-policy';
import { FestivalEvents, StandEvent } from './festival-events';
import { StandApplicationsRepository } from './stand-applications.repository';
import { StandBookingsRepository } from './stand-bookings.repository';
import { PlacementQuery, StandPlacementRepository } from './stand-placement.repository';
import { cancelledByCity, overlapError, planPlacement } from './stand-rules';

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

const MAX_SLOTS_PER_APPLICATION = 30;

/**
 * Stand applications and bookings. A booking is written in a transaction that holds the edition
 * row shared (its opening hours and deadline cannot change meanwhile) and an advisory lock per
 * association and edition (the per-day plot limit counts one request at a time); the exclusion
 * constraint `stand_booking_no_overlap` decides between competing requests for one plot. The
 * rules (stand-rules.ts, planPlacement) run on facts read in one statement: once without locks,
 * which refuses most refused requests without a transaction, and again under the locks.
 */
@Injectable()
export class StandBookingsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly bookings: StandBookingsRepository,
    private readonly applications: StandApplicationsRepository,
    private readonly placement: StandPlacementRepository,
    private readonly editions: FestivalEditionsRepository,
    private readonly events: FestivalEvents,
    private readonly clock: Clock,
  ) {}

  /** One booking. An organiser's is REQUESTED (a coordinator decides); a coordinator's is CONFIRMED at once. */
  async bookStand(actor: Actor | null, command: BookStandCommand): Promise<StandBookingEntity> {
    const organisationId = validate.uuid('organisationId', command.organisationId);
    festivalPolicy.requireCanActFor(actor, organisationId, 'book stands');
    const plotId = validate.uuid('plotId', command.plotId);
    // The plot names the edition: the facts are read by the plot's edition_id.
    const [booking] = await this.place(actor!, null, organisationId, [{ plotId, startsAt: command.startsAt, endsAt: command.endsAt }], null);
    return booking;
  }

  /** What the association brings and the slots it asks for, all or nothing; applying again updates the application and adds slots. */
  async applyForStand(actor: Actor | null, command: ApplyForStandCommand): Promise<{ application: StandApplicationEntity; bookings: StandBookingEntity[] }> {
    const organisationId = validate.uuid('organisationId', command.organisationId);
    festivalPolicy.requireCanActFor(actor, organisationId, 'apply for stands');
    const editionId = validate.uuid('editionId', command.editionId);
    if (command.slots.length === 0) throw AppError.badInput('slots must ask for at least one plot and time', 'slots');
    if (command.slots.length > MAX_SLOTS_PER_APPLICATION)
      throw AppError.badInput(`slots may ask for at most ${MAX_SLOTS_PER_APPLICATION} plots and times`, 'slots');
    const countryCode = command.countryCode == null || command.countryCode.trim() === '' ? null : command.countryCode.trim().toUpperCase();
    if (countryCode !== null && !/^[A-Z]{2}$/.test(countryCode))
      throw AppError.badInput('countryCode must be an ISO 3166 two-letter code, e.g. SY', 'countryCode');
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
    const bookings = await this.place(actor!, editionId, organisationId, slots, async (tx) => {
      const id = await this.applications.upsert({ editionId, organisationId, ...application, appliedById: actor!.userId }, tx);
      saved = await this.applications.findByIdOrFail(id, tx);
      return saved.id;
    });
    return { application: saved!, bookings };
  }

  async confirmBooking(actor: Actor | null, id: string): Promise<StandBookingEntity> {
    festivalPolicy.requireCoordinator(actor, 'confirm stand bookings');
    return this.transactions.run(async (tx) => {
      const booking = await this.bookings.lock(id, tx);
      if (booking.status === StandBookingStatus.CONFIRMED) return booking;
      if (booking.status === StandBookingStatus.CANCELLED)
        throw new AppError(ErrorCode.CONFLICT, 'This booking was cancelled; the association can apply again');
      this.requireNotBegun(booking.startsAt);
      const decided = { status: StandBookingStatus.CONFIRMED, decidedById: actor!.userId, decidedAt: this.clock.now() };
      await this.bookings.update(booking.id, decided, tx);
      await this.events.publish(tx, [{ kind: 'CONFIRMED', organisationId: booking.organisationId, bookingIds: [booking.id] }]);
      return { ...booking, ...decided };
    });
  }

  /** A requested slot the city cannot give; the organiser reads the reason. */
  async refuseBooking(actor: Actor | null, id: string, reason: string): Promise<StandBookingEntity> {
    festivalPolicy.requireCoordinator(actor, 'refuse stand bookings');
    const why = validate.text('reason', reason, { max: 500 });
    return this.transactions.run(async (tx) => {
      const booking = await this.bookings.lock(id, tx);
      if (booking.status !== StandBookingStatus.REQUESTED)
        throw new AppError(
          ErrorCode.CONFLICT,
          `Only a requested booking can be refused; this one is ${booking.status}${booking.status === StandBookingStatus.CONFIRMED ? ' (cancel it instead)' : ''}`,
        );
      const decided = { status: StandBookingStatus.CANCELLED, decidedById: actor!.userId, decidedAt: this.clock.now(), reason: why };
      await this.bookings.update(booking.id, decided, tx);
      await this.events.publish(tx, [{ kind: 'REFUSED', organisationId: booking.organisationId, bookingId: booking.id }]);
      return { ...booking, ...decided };
    });
  }

  /** Frees the plot. The association's organisers may cancel their own; when the city cancels, they are told why. Cancelling twice changes nothing. */
  async cancelBooking(actor: Actor | null, id: string, reason?: string | null): Promise<StandBookingEntity> {
    // The role first: a host or volunteer learns nothing about which booking ids exist.
    const viewer = festivalPolicy.requireCanSeePlan(actor);
    const why = validate.optionalText('reason', reason, 500);
    return this.transactions.run(async (tx) => {
      const booking = await this.bookings.lock(id, tx);
      festivalPolicy.requireCanActFor(viewer, booking.organisationId, 'cancel stand bookings');
      if (booking.status === StandBookingStatus.CANCELLED) return booking;
      const byCity = cancelledByCity(viewer, booking.organisationId);
      const cancelled = { status: StandBookingStatus.CANCELLED, decidedById: viewer.userId, decidedAt: this.clock.now(), reason: why };
      await this.bookings.update(booking.id, cancelled, tx);
      await this.events.publish(tx, [
        { kind: byCity ? 'CANCELLED_BY_CITY' : 'CANCELLED_BY_ORGANISER', organisationId: booking.organisationId, bookingId: booking.id },
      ]);
      return { ...booking, ...cancelled };
    });
  }

  /** Another plot or time for a live booking, under the same rules as a new one; its status stays. */
  async moveBooking(actor: Actor | null, id: string, command: MoveStandBookingCommand): Promise<StandBookingEntity> {
    festivalPolicy.requireCoordinator(actor, 'move stand bookings');
    const bookingId = validate.uuid('id', id);
    const requested = {
      plotId: command.plotId == null ? null : validate.uuid('plotId', command.plotId),
      startsAt: command.startsAt ?? null,
      endsAt: command.endsAt ?? null,
    };
    let target: SlotCommand | null = null;
    try {
      return await this.transactions.run(async (tx) => {
        const booking = await this.bookings.lock(bookingId, tx);
        if (booking.status === StandBookingStatus.CANCELLED) throw new AppError(ErrorCode.CONFLICT, 'A cancelled booking cannot be moved');
        target = { plotId: requested.plotId ?? booking.plotId, startsAt: requested.startsAt ?? booking.startsAt, endsAt: requested.endsAt ?? booking.endsAt };
        if (!(await this.placement.lock(booking.editionId, booking.organisationId, tx))) throw AppError.notFound('FestivalEdition', booking.editionId);
        // Left out of the association's plots and of the overlaps: the booking's own place, which it leaves.
        const query: PlacementQuery = { editionId: booking.editionId, organisationId: booking.organisationId, slots: [target], exceptBookingId: booking.id };
        // Only coordinators move: past the deadline, and onto a closed plot too.
        const [slot] = planPlacement((await this.placement.facts(query, tx))!, query, this.clock.now(), true);
        const moved = { plotId: slot.plot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, day: slot.day };
        await this.bookings.update(booking.id, moved, tx);
        await this.events.publish(tx, [
          {
            kind: 'MOVED',
            organisationId: booking.organisationId,
            bookingId: booking.id,
            previous: { plotId: booking.plotId, startsAt: booking.startsAt, endsAt: booking.endsAt },
          },
        ]);
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
    return this.bookings.ofEdition(validate.uuid('editionId', editionId), { visible, organisationId, status: filter.status, day: filter.day });
  }

  async applicationsOfEdition(actor: Actor | null, editionId: string): Promise<StandApplicationEntity[]> {
    const viewer = festivalPolicy.requireCanSeePlan(actor);
    const visible = festivalPolicy.visibleOrganisation(viewer);
    await this.requireEdition(editionId);
    return this.applications.ofEdition(validate.uuid('editionId', editionId), visible);
  }

  async findBooking(actor: Actor | null, id: string): Promise<StandBookingEntity | null> {
    const viewer = festivalPolicy.requireCanSeePlan(actor);
    const booking = await this.bookings.findById(validate.uuid('id', id));
    return booking && festivalPolicy.canSeeBookingOf(viewer, booking.organisationId) ? booking : null;
  }

  findByIds(ids: readonly string[]): Promise<StandBookingEntity[]> {
    return this.bookings.findByIds(ids);
  }

  applicationsByIds(ids: readonly string[]): Promise<StandApplicationEntity[]> {
    return this.applications.findByIds(ids);
  }

  bookingsByApplicationIds(ids: readonly string[]): Promise<StandBookingEntity[]> {
    return this.bookings.byApplicationIds(ids);
  }

  /**
   * The rules on facts read without locks first: what they refuse (a taken slot above all, when
   * many want the same plots) ends there, in one statement and without a transaction. What they
   * allow is decided again on facts read under the locks, and the constraint has the last word.
   */
  private async place(
    actor: Actor,
    editionId: string | null,
    organisationId: string,
    slots: SlotCommand[],
    saveApplication: ((tx: Transaction) => Promise<string>) | null,
  ): Promise<StandBookingEntity[]> {
    const byCoordinator = festivalPolicy.isCoordinator(actor);
    const query: PlacementQuery = { editionId, organisationId, slots, exceptBookingId: null };
    const early = await this.placement.facts(query);
    if (!early) throw editionId ? AppError.notFound('FestivalEdition', editionId) : AppError.notFound('StandPlot', slots[0].plotId);
    planPlacement(early, query, this.clock.now(), byCoordinator);
    const edition = early.edition.id;
    try {
      return await this.transactions.run(async (tx) => {
        if (!(await this.placement.lock(edition, organisationId, tx))) throw AppError.notFound('FestivalEdition', edition);
        const facts = (await this.placement.facts({ ...query, editionId: edition }, tx))!;
        const now = this.clock.now();
        const planned = planPlacement(facts, query, now, byCoordinator);
        const applicationId = saveApplication ? await saveApplication(tx) : facts.applicationId;
        const status = byCoordinator ? StandBookingStatus.CONFIRMED : StandBookingStatus.REQUESTED;
        const rows = planned.map((slot) => ({
          editionId: edition,
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
        }));
        const bookings = await this.placement.insert(rows, tx);
        const event: StandEvent = { kind: byCoordinator ? 'CONFIRMED' : 'APPLIED', organisationId, bookingIds: bookings.map((booking) => booking.id) };
        await this.events.publish(tx, [event]);
        return bookings;
      });
    } catch (error) {
      throw await this.explainOverlap(error, slots, null);
    }
  }

  private async requireEdition(editionId: string): Promise<void> {
    const id = validate.uuid('editionId', editionId);
    if (!(await this.editions.exists(id))) throw AppError.notFound('FestivalEdition', id);
  }

  private requireNotBegun(startsAt: Date): void {
    if (startsAt.getTime() <= this.clock.now().getTime()) throw AppError.badInput('startsAt has already passed', 'startsAt');
  }

  /** Turns the exclusion constraint's refusal into STAND_UNAVAILABLE naming the slot that is taken. */
  private async explainOverlap(error: unknown, slots: SlotCommand[], exceptBookingId: string | null): Promise<unknown> {
    if (pgErrorCode(error) !== PgErrorCode.EXCLUSION_VIOLATION) return error;
    for (const slot of slots) {
      // After the rollback, on its own: the failed transaction can run nothing more.
      const taken = await this.bookings.firstOverlapping(slot.plotId, slot.startsAt, slot.endsAt, exceptBookingId);
      if (taken) return overlapError(slot.plotId, taken);
    }
    // Taken by a request that has since been undone: the slot may be free now; the client can retry.
    return new AppError(ErrorCode.STAND_UNAVAILABLE, 'The plot was taken for an overlapping time while you booked; look at the plan again', {
      reason: 'OVERLAP',
    });
  }
}
