import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, AppError, validate } from '@app/common';
import { FestivalEditionEntity, FestivalOpeningBlockEntity, LIVE_STAND_BOOKING_STATUSES, StandBookingEntity, StandBookingStatus, StandPlotEntity } from '../entities';
import { festivalPolicy } from '../festival-policy';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async standPlan(actor: Actor | null, editionId: string, day?: string | null): Promise<StandPlan> {
    const viewer = festivalPolicy.requireCanSeePlan(actor);
    const id = validate.uuid('editionId', editionId);
    if (day != null) validate.isoDate('day', day, '2027-05-15');
    const edition = await this.dataSource.getRepository(FestivalEditionEntity).findOneBy({ id });
    if (!edition) throw AppError.notFound('FestivalEdition', id);
    const [blocks, plots, bookings] = await Promise.all([
      this.dataSource.getRepository(FestivalOpeningBlockEntity).find({ where: { editionId: id, ...(day ? { day } : {}) }, order: { startsAt: 'ASC' } }),
      this.dataSource.getRepository(StandPlotEntity).find({ where: { editionId: id }, order: { code: 'ASC' } }),
      this.dataSource.getRepository(StandBookingEntity).find({ where: { editionId: id, status: In([...LIVE_STAND_BOOKING_STATUSES]), ...(day ? { day } : {}) }, order: { startsAt: 'ASC' } }),
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
        return { date, blocks: dayBlocks, rows, freeCells: counting(StandCellState.FREE), requestedCells: counting(StandCellState.REQUESTED), confirmedCells: counting(StandCellState.CONFIRMED) };
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
