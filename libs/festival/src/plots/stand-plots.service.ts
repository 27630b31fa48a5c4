import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, AppError, ErrorCode, validate } from '@app/common';
import { pgErrorCode, PgErrorCode } from '@app/database';
import { StandPlotEntity } from '../entities';
import { lockEdition } from '../editions/festival-editions.service';
import { festivalPolicy } from '../festival-policy';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createPlot(actor: Actor | null, command: CreatePlotCommand): Promise<StandPlotEntity> {
    festivalPolicy.requireCoordinator(actor, 'create plots');
    const code = plotCode(command.code);
    const details = plotDetails(command);
    return this.saving(code, () =>
      this.dataSource.transaction(async (manager) => {
        const edition = await lockEdition(manager, command.editionId);
        return manager.getRepository(StandPlotEntity).save({
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
        });
      }),
    );
  }

  /** Deactivating a plot keeps its bookings (cancel those on their own); new ones are refused. */
  async updatePlot(actor: Actor | null, id: string, command: UpdatePlotCommand): Promise<StandPlotEntity> {
    festivalPolicy.requireCoordinator(actor, 'change plots');
    const plotId = validate.uuid('id', id);
    const repository = this.dataSource.getRepository(StandPlotEntity);
    const plot = await repository.findOneBy({ id: plotId });
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
      await repository.update(plotId, changes);
      return { ...plot, ...changes };
    });
  }

  /** Copies every plot of one edition into another (e.g. last year's square into this year's); codes already there are skipped. */
  async copyPlots(actor: Actor | null, fromEditionId: string, toEditionId: string): Promise<StandPlotEntity[]> {
    festivalPolicy.requireCoordinator(actor, 'copy plots');
    if (validate.uuid('fromEditionId', fromEditionId) === validate.uuid('toEditionId', toEditionId)) throw AppError.badInput('fromEditionId and toEditionId must differ', 'toEditionId');
    return this.dataSource.transaction(async (manager) => {
      const from = await lockEdition(manager, fromEditionId);
      const to = await lockEdition(manager, toEditionId, 'pessimistic_write');
      const source = await manager.getRepository(StandPlotEntity).find({ where: { editionId: from.id }, order: { code: 'ASC' } });
      const existing = new Set((await manager.getRepository(StandPlotEntity).findBy({ editionId: to.id })).map((plot) => plot.code));
      const copies = source.filter((plot) => !existing.has(plot.code)).map((plot) => ({ editionId: to.id, ...Object.fromEntries(COPIED_FIELDS.map((field) => [field, plot[field]])) }));
      return copies.length === 0 ? [] : manager.getRepository(StandPlotEntity).save(copies as Partial<StandPlotEntity>[]);
    });
  }

  findByIds(ids: readonly string[]): Promise<StandPlotEntity[]> {
    return this.dataSource.getRepository(StandPlotEntity).findBy({ id: In([...ids]) });
  }

  byEditionIds(editionIds: readonly string[]): Promise<StandPlotEntity[]> {
    return this.dataSource.getRepository(StandPlotEntity).find({ where: { editionId: In([...editionIds]) }, order: { code: 'ASC' } });
  }

  private async saving<T>(code: string, save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) throw new AppError(ErrorCode.CONFLICT, `This edition already has a plot ${code}`, { field: 'code' });
      throw error;
    }
  }
}

function plotCode(value: string): string {
  const code = value.trim();
  if (!CODE.test(code)) throw AppError.badInput('code must be 1 to 20 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit', 'code');
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
