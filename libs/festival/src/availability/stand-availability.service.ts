import { Injectable } from '@nestjs/common';
import { Actor, AppError, validate } from '@app/common';
import { StandBookingsRepository } from '../bookings/stand-bookings.repository';
import { FestivalEditionsRepository } from '../editions/festival-editions.repository';
import { FestivalEditionEntity, FestivalOpeningBlockEntity, StandBookingEntity, StandBookingStatus, StandPlotEntity } from '../entities';
import { festivalPolicy } from '../festival-policy';
import { StandPlotsRepository } from '../plots/stand-plots.repository';

export enum StandCellState {
  FREE = 'FREE',
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  /** The plot is not in use this edition. */
  CLOSED = 'CLOSED',
}

export interface StandCell {
  startsAt: Date;
  endsAt: Date;
  state: StandCellState;
  /** Whether the booking in this cell is the viewer's own association's. */
  mine: boolean;
  /** Null when free, or when the viewer may not see whose it is. */
  booking: StandBookingEntity | null;
}

export interface PlotRow {
  plot: StandPlotEntity;
  cells: StandCell[];
}

export interface FestivalDayPlan {
  date: string;
  blocks: FestivalOpeningBlockEntity[];
  rows: PlotRow[];
  freeCells: number;
  requestedCells: number;
  confirmedCells: number;
}

export interface StandPlan {
  edition: FestivalEditionEntity;
  days: FestivalDayPlan[];
}

/**
 * The plot × opening-block grid of an edition: for every cell whether it is free, requested or
 * confirmed. A cell is taken when any live booking overlaps it (confirmed wins over requested).
 */
@Injectable()
export class StandAvailabilityService {
  constructor(
    private readonly editions: FestivalEditionsRepository,
    private readonly plots: StandPlotsRepository,
    private readonly bookings: StandBookingsRepository,
  ) {}

  async standPlan(actor: Actor | null, editionId: string, day?: string | null): Promise<StandPlan> {
    const viewer = festivalPolicy.requireCanSeePlan(actor);
    const id = validate.uuid('editionId', editionId);
    if (day != null) validate.isoDate('day', day, '2027-05-15');
    const edition = await this.editions.findById(id);
    if (!edition) throw AppError.notFound('FestivalEdition', id);
    const [blocks, plots, bookings] = await Promise.all([
      this.editions.openingBlocks(id, day),
      this.plots.ofEdition(id),
      this.bookings.liveOfEditionByStart(id, day),
    ]);
    const bookingsByPlot = new Map<string, StandBookingEntity[]>();
    for (const booking of bookings) bookingsByPlot.set(booking.plotId, [...(bookingsByPlot.get(booking.plotId) ?? []), booking]);
    const days = [...new Set(blocks.map((block) => block.day))];
    return {
      edition,
      days: days.map((date) => {
        const dayBlocks = blocks.filter((block) => block.day === date);
        const rows = plots.map((plot) => ({ plot, cells: dayBlocks.map((block) => cellOf(viewer, plot, block, bookingsByPlot.get(plot.id) ?? [])) }));
        const cells = rows.flatMap((row) => row.cells);
        const counting = (state: StandCellState) => cells.filter((cell) => cell.state === state).length;
        return {
          date,
          blocks: dayBlocks,
          rows,
          freeCells: counting(StandCellState.FREE),
          requestedCells: counting(StandCellState.REQUESTED),
          confirmedCells: counting(StandCellState.CONFIRMED),
        };
      }),
    };
  }
}

function cellOf(viewer: Actor, plot: StandPlotEntity, block: FestivalOpeningBlockEntity, bookings: StandBookingEntity[]): StandCell {
  const overlapping = bookings.filter((booking) => booking.startsAt.getTime() < block.endsAt.getTime() && block.startsAt.getTime() < booking.endsAt.getTime());
  const booking = overlapping.find((candidate) => candidate.status === StandBookingStatus.CONFIRMED) ?? overlapping[0] ?? null;
  const base = { startsAt: block.startsAt, endsAt: block.endsAt };
  if (!booking) return { ...base, state: plot.active ? StandCellState.FREE : StandCellState.CLOSED, mine: false, booking: null };
  const visible = festivalPolicy.canSeeBookingOf(viewer, booking.organisationId);
  return {
    ...base,
    state: booking.status === StandBookingStatus.CONFIRMED ? StandCellState.CONFIRMED : StandCellState.REQUESTED,
    mine: viewer.organisationId === booking.organisationId,
    booking: visible ? booking : null,
  };
}
