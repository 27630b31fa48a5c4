import { Injectable } from '@nestjs/common';
import { Actor, AppError, ErrorCode, validate } from '@app/common';
import { pgErrorCode, PgErrorCode, Transactions } from '@app/database';
import { FestivalEditionsRepository } from '../editions/festival-editions.repository';
import { StandPlotEntity } from '../entities';
import { festivalPolicy } from '../festival-policy';
import { StandPlotsRepository } from './stand-plots.repository';

export interface PlotDetailsCommand {
  description?: string | null;
  widthMetres?: number | null;
  depthMetres?: number | null;
  hasPower?: boolean | null;
  hasWater?: boolean | null;
  cookingAllowed?: boolean | null;
  mapX?: number | null;
  mapY?: number | null;
}

export interface CreatePlotCommand extends PlotDetailsCommand {
  editionId: string;
  code: string;
}

export interface UpdatePlotCommand extends PlotDetailsCommand {
  code?: string | null;
  active?: boolean | null;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,19}$/;
const COPIED_FIELDS = ['code', 'description', 'widthMetres', 'depthMetres', 'hasPower', 'hasWater', 'cookingAllowed', 'mapX', 'mapY', 'active'] as const;

/** Plots on the festival square. */
@Injectable()
export class StandPlotsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly plots: StandPlotsRepository,
    private readonly editions: FestivalEditionsRepository,
  ) {}

  async createPlot(actor: Actor | null, command: CreatePlotCommand): Promise<StandPlotEntity> {
    festivalPolicy.requireCoordinator(actor, 'create plots');
    const code = plotCode(command.code);
    const details = plotDetails(command);
    return this.saving(code, () =>
      this.transactions.run(async (tx) => {
        const edition = await this.editions.lock(command.editionId, 'pessimistic_read', tx);
        return this.plots.save(
          {
            editionId: edition.id,
            code,
            description: details.description ?? null,
            widthMetres: details.widthMetres ?? 3,
            depthMetres: details.depthMetres ?? 3,
            hasPower: details.hasPower ?? false,
            hasWater: details.hasWater ?? false,
            cookingAllowed: details.cookingAllowed ?? false,
            mapX: details.mapX ?? 50,
            mapY: details.mapY ?? 50,
            active: true,
          },
          tx,
        );
      }),
    );
  }

  /** Deactivating a plot keeps its bookings (cancel those on their own); new ones are refused. */
  async updatePlot(actor: Actor | null, id: string, command: UpdatePlotCommand): Promise<StandPlotEntity> {
    festivalPolicy.requireCoordinator(actor, 'change plots');
    const plotId = validate.uuid('id', id);
    const plot = await this.plots.findById(plotId);
    if (!plot) throw AppError.notFound('StandPlot', plotId);
    const details = plotDetails(command);
    const changes: Partial<StandPlotEntity> = {};
    if (command.code != null) changes.code = plotCode(command.code);
    if (command.description !== undefined) changes.description = details.description ?? null;
    for (const field of ['widthMetres', 'depthMetres', 'hasPower', 'hasWater', 'cookingAllowed', 'mapX', 'mapY'] as const) {
      if (details[field] != null) (changes as Record<string, unknown>)[field] = details[field];
    }
    if (command.active != null) changes.active = command.active;
    return this.saving(changes.code ?? plot.code, async () => {
      await this.plots.update(plotId, changes);
      return { ...plot, ...changes };
    });
  }

  /** Copies every plot of one edition into another (e.g. last year's square into this year's); codes already there are skipped. */
  async copyPlots(actor: Actor | null, fromEditionId: string, toEditionId: string): Promise<StandPlotEntity[]> {
    festivalPolicy.requireCoordinator(actor, 'copy plots');
    if (validate.uuid('fromEditionId', fromEditionId) === validate.uuid('toEditionId', toEditionId))
      throw AppError.badInput('fromEditionId and toEditionId must differ', 'toEditionId');
    return this.transactions.run(async (tx) => {
      const from = await this.editions.lock(fromEditionId, 'pessimistic_read', tx);
      const to = await this.editions.lock(toEditionId, 'pessimistic_write', tx);
      const source = await this.plots.ofEdition(from.id, tx);
      const existing = await this.plots.codesOfEdition(to.id, tx);
      const copies = source
        .filter((plot) => !existing.has(plot.code))
        .map((plot) => ({ editionId: to.id, ...Object.fromEntries(COPIED_FIELDS.map((field) => [field, plot[field]])) }));
      return copies.length === 0 ? [] : this.plots.saveMany(copies as Partial<StandPlotEntity>[], tx);
    });
  }

  findByIds(ids: readonly string[]): Promise<StandPlotEntity[]> {
    return this.plots.findByIds(ids);
  }

  byEditionIds(editionIds: readonly string[]): Promise<StandPlotEntity[]> {
    return this.plots.byEditionIds(editionIds);
  }

  private async saving<T>(code: string, save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION)
        throw new AppError(ErrorCode.CONFLICT, `This edition already has a plot ${code}`, { field: 'code' });
      throw error;
    }
  }
}

function plotCode(value: string): string {
  const code = value.trim();
  if (!CODE.test(code))
    throw AppError.badInput('code must be 1 to 20 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit', 'code');
  return code;
}

function metres(field: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < 0.5 || value > 50) throw AppError.badInput(`${field} must be from 0.5 to 50 metres`, field);
  return value;
}

function percent(field: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < 0 || value > 100) throw AppError.badInput(`${field} must be from 0 to 100 (percent of the site map)`, field);
  return value;
}

function plotDetails(command: PlotDetailsCommand): PlotDetailsCommand {
  return {
    description: validate.optionalText('description', command.description, 500),
    widthMetres: metres('widthMetres', command.widthMetres),
    depthMetres: metres('depthMetres', command.depthMetres),
    hasPower: command.hasPower,
    hasWater: command.hasWater,
    cookingAllowed: command.cookingAllowed,
    mapX: percent('mapX', command.mapX),
    mapY: percent('mapY', command.mapY),
  };
}
