import { DateTime } from 'luxon';
import { Actor, AppError, ErrorCode, isCoordinator, validate } from '@app/common';
import { describePeriods, periodContaining } from '../editions/opening-hours';
import { FESTIVAL_ZONE } from '../editions/sinksenfeesten';
import { FestivalEditionEntity } from '../entities';
import type { TakenSlot } from './stand-bookings.repository';
import type { PlacementFacts, PlacementQuery } from './stand-placement.repository';

interface Slot {
  plotId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Two of the slots asked for in one request take the same plot at overlapping times (back to back is fine). */
export function slotsOverlapOnOnePlot(slots: readonly Slot[]): boolean {
  return slots.some((slot, i) =>
    slots
      .slice(i + 1)
      .some((other) => other.plotId === slot.plotId && other.startsAt.getTime() < slot.endsAt.getTime() && slot.startsAt.getTime() < other.endsAt.getTime()),
  );
}

/**
 * The first day on which an association would hold more different plots than the edition allows,
 * counting the plots it holds already and the ones it asks for (two slots on one plot count once).
 */
export function dayOverPlotLimit(
  held: readonly { day: string; plotId: string }[],
  planned: readonly { day: string; plotId: string }[],
  limit: number,
): { day: string; plots: number } | null {
  const plotsByDay = new Map<string, Set<string>>();
  for (const { day, plotId } of [...held, ...planned]) plotsByDay.set(day, (plotsByDay.get(day) ?? new Set()).add(plotId));
  for (const [day, plots] of plotsByDay) if (plots.size > limit) return { day, plots: plots.size };
  return null;
}

/** After the application deadline only the city books; an organiser gets DEADLINE_PASSED with the deadline in Brussels time. */
export function requireApplicationsOpen(edition: Pick<FestivalEditionEntity, 'name' | 'applicationDeadline'>, now: Date, byCoordinator: boolean): void {
  if (byCoordinator || !edition.applicationDeadline || now.getTime() <= edition.applicationDeadline.getTime()) return;
  throw new AppError(
    ErrorCode.DEADLINE_PASSED,
    `Applications for ${edition.name} closed on ${DateTime.fromJSDate(edition.applicationDeadline, { zone: FESTIVAL_ZONE }).toFormat('yyyy-MM-dd HH:mm')}; ask the city`,
    {
      deadline: edition.applicationDeadline.toISOString(),
    },
  );
}

/**
 * Who a cancellation is from, which decides the message the association gets: a coordinator
 * cancelling another association's booking cancels as the city (and gives the reason); an
 * organiser, or a coordinator who belongs to the association, cancels as the association.
 */
export function cancelledByCity(actor: Actor, organisationId: string): boolean {
  return isCoordinator(actor) && actor.organisationId !== organisationId;
}

/** A slot the rules allow: on this plot, in the opening period of this festival day. */
export interface PlannedSlot {
  plot: PlacementFacts['plots'][number];
  startsAt: Date;
  endsAt: Date;
  day: string;
}

/**
 * Every rule of a booking, in the order its refusals take precedence: the deadline (organisers
 * only), the association, the slots themselves (each on a plot of the edition, active unless a
 * coordinator books, not begun, within one opening period), the plots-per-day limit, and last a
 * live booking in the way. The refusal is as true as the facts: read under the booking's locks
 * they decide; read without them they may only refuse early (they were true of one snapshot
 * while the request ran), never allow.
 */
export function planPlacement(facts: PlacementFacts, { organisationId, slots }: PlacementQuery, now: Date, byCoordinator: boolean): PlannedSlot[] {
  const { edition } = facts;
  requireApplicationsOpen(edition, now, byCoordinator);
  if (!facts.organisationExists) throw AppError.notFound('Organisation', organisationId);
  if (slotsOverlapOnOnePlot(slots)) throw AppError.badInput('Two of the slots asked for overlap on the same plot', 'slots');
  const plots = new Map(facts.plots.map((plot) => [plot.id, plot]));
  const planned = slots.map((slot) => {
    const plot = plots.get(slot.plotId);
    if (!plot || plot.editionId !== edition.id) throw AppError.notFound('StandPlot', slot.plotId);
    if (!plot.active && !byCoordinator)
      throw new AppError(ErrorCode.STAND_UNAVAILABLE, `Plot ${plot.code} is not in use this edition`, {
        reason: 'PLOT_INACTIVE',
        plotId: plot.id,
        plotCode: plot.code,
      });
    validate.range('startsAt', slot.startsAt, slot.endsAt);
    if (slot.startsAt.getTime() <= now.getTime()) throw AppError.badInput('startsAt has already passed', 'startsAt');
    const period = periodContaining(facts.blocks, slot.startsAt, slot.endsAt);
    if (!period) {
      throw new AppError(
        ErrorCode.OUTSIDE_OPENING_HOURS,
        `The festival is open ${describePeriods(facts.blocks)} (Brussels time); a stand booking must lie within one of these`,
        { field: 'startsAt' },
      );
    }
    return { plot, startsAt: slot.startsAt, endsAt: slot.endsAt, day: period.day };
  });
  const days = new Set(planned.map((slot) => slot.day));
  const over = dayOverPlotLimit(
    facts.held.filter((held) => days.has(held.day)),
    planned.map((slot) => ({ day: slot.day, plotId: slot.plot.id })),
    edition.maxPlotsPerOrganisationPerDay,
  );
  if (over) {
    throw new AppError(
      ErrorCode.STAND_LIMIT_REACHED,
      `An association may hold at most ${edition.maxPlotsPerOrganisationPerDay} plot(s) on ${over.day}; this would make ${over.plots}`,
      { day: over.day, limit: edition.maxPlotsPerOrganisationPerDay },
    );
  }
  if (facts.taken) throw overlapError(facts.taken.plotId, facts.taken);
  return planned;
}

/** STAND_UNAVAILABLE naming the live booking that takes the slot asked for on this plot. */
export function overlapError(plotId: string, taken: TakenSlot): AppError {
  const local = (date: Date) => DateTime.fromJSDate(new Date(date), { zone: FESTIVAL_ZONE });
  const from = local(taken.starts_at);
  return new AppError(
    ErrorCode.STAND_UNAVAILABLE,
    `Plot ${taken.code} is taken on ${from.toFormat('yyyy-MM-dd')} from ${from.toFormat('HH:mm')} to ${local(taken.ends_at).toFormat('HH:mm')} (${taken.status.toLowerCase()})`,
    {
      reason: 'OVERLAP',
      plotId,
      plotCode: taken.code,
      conflict: { startsAt: new Date(taken.starts_at).toISOString(), endsAt: new Date(taken.ends_at).toISOString(), status: taken.status },
    },
  );
}
