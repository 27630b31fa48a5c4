import { DateTime } from 'luxon';
import { Actor, AppError, ErrorCode, isCoordinator } from '@app/common';
import { FESTIVAL_ZONE } from '../editions/sinksenfeesten';
import { FestivalEditionEntity } from '../entities';

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
