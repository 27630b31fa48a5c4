import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Actor, AppError, ErrorCode, validate } from '@app/common';
import { Transactions } from '@app/database';
import { StandBookingsRepository } from '../bookings/stand-bookings.repository';
import { FestivalEditionEntity, FestivalOpeningBlockEntity } from '../entities';
import { festivalPolicy } from '../festival-policy';
import { FestivalEditionsRepository } from './festival-editions.repository';
import { describePeriods, OpeningBlockCommand, openingBlocksOf, periodContaining } from './opening-hours';
import { defaultOpeningBlocks, FESTIVAL_ZONE, sinksenfeesten } from './sinksenfeesten';

export interface EditionDetailsCommand {
  siteName?: string | null;
  siteAddress?: string | null;
  siteMapUrl?: string | null;
  applicationDeadline?: Date | null;
  maxPlotsPerOrganisationPerDay?: number | null;
}

export interface CreateEditionCommand extends EditionDetailsCommand {
  name: string;
  startsOn: string;
  endsOn: string;
  openingHours?: OpeningBlockCommand[] | null;
}

export interface UpdateEditionCommand extends EditionDetailsCommand {
  name?: string | null;
}

export const DEFAULT_SITE = { name: 'Grote Markt', address: 'Grote Markt, 8500 Kortrijk' };
/** Organisers apply until this many days before the first festival day, 23:59 Brussels, unless the coordinator sets another deadline. */
export const DEFAULT_DEADLINE_DAYS = 28;
export const MAX_FESTIVAL_DAYS = 14;

/** Festival editions: their days, opening hours, site and deadline. */
@Injectable()
export class FestivalEditionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly editions: FestivalEditionsRepository,
    private readonly bookings: StandBookingsRepository,
  ) {}

  /** The Sinksenfeesten of a year, for clients to pre-fill a new edition. */
  festivalDates(year: number): { startsOn: string; endsOn: string } {
    return sinksenfeesten(validate.int('year', year, 2000, 2100));
  }

  async createEdition(actor: Actor | null, command: CreateEditionCommand): Promise<FestivalEditionEntity> {
    festivalPolicy.requireCoordinator(actor, 'create festival editions');
    const name = validate.text('name', command.name, { max: 200 });
    const { startsOn, endsOn } = editionDays(command.startsOn, command.endsOn);
    const blocks = openingBlocksOf(command.openingHours ?? defaultBlocks(startsOn, endsOn), startsOn, endsOn);
    const details = validDetails(command, endsOn);
    const deadline =
      command.applicationDeadline === undefined
        ? DateTime.fromISO(startsOn, { zone: FESTIVAL_ZONE }).minus({ days: DEFAULT_DEADLINE_DAYS }).set({ hour: 23, minute: 59 }).toJSDate()
        : details.applicationDeadline;
    return this.transactions.run(async (tx) => {
      const edition = await this.editions.insert(
        {
          name,
          startsOn,
          endsOn,
          siteName: details.siteName ?? DEFAULT_SITE.name,
          siteAddress: details.siteAddress ?? DEFAULT_SITE.address,
          siteMapUrl: details.siteMapUrl ?? null,
          applicationDeadline: deadline ?? null,
          maxPlotsPerOrganisationPerDay: details.maxPlotsPerOrganisationPerDay ?? 2,
        },
        tx,
      );
      await this.editions.insertOpeningBlocks(edition.id, blocks, tx);
      return edition;
    });
  }

  async updateEdition(actor: Actor | null, id: string, command: UpdateEditionCommand): Promise<FestivalEditionEntity> {
    festivalPolicy.requireCoordinator(actor, 'change festival editions');
    validate.uuid('id', id);
    return this.transactions.run(async (tx) => {
      const edition = await this.editions.lock(id, 'pessimistic_write', tx);
      const details = validDetails(command, edition.endsOn);
      const changes: Partial<FestivalEditionEntity> = {};
      if (command.name != null) changes.name = validate.text('name', command.name, { max: 200 });
      if (details.siteName != null) changes.siteName = details.siteName;
      if (details.siteAddress != null) changes.siteAddress = details.siteAddress;
      if (command.siteMapUrl !== undefined) changes.siteMapUrl = details.siteMapUrl ?? null;
      if (command.applicationDeadline !== undefined) changes.applicationDeadline = details.applicationDeadline ?? null;
      if (details.maxPlotsPerOrganisationPerDay != null) changes.maxPlotsPerOrganisationPerDay = details.maxPlotsPerOrganisationPerDay;
      await this.editions.update(id, changes, tx);
      return { ...edition, ...changes };
    });
  }

  /** Replaces the opening hours; refused while a live booking would fall outside the new ones. */
  async setOpeningHours(actor: Actor | null, editionId: string, commands: OpeningBlockCommand[]): Promise<FestivalEditionEntity> {
    festivalPolicy.requireCoordinator(actor, 'change opening hours');
    return this.transactions.run(async (tx) => {
      const edition = await this.editions.lock(editionId, 'pessimistic_write', tx);
      const blocks = openingBlocksOf(commands, edition.startsOn, edition.endsOn);
      const live = await this.bookings.liveOfEdition(editionId, tx);
      const outside = live.filter((booking) => !periodContaining(blocks, booking.startsAt, booking.endsAt));
      if (outside.length > 0) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `${outside.length} live booking(s) would fall outside the new opening hours (${describePeriods(blocks)}); move or cancel them first`,
          {
            bookingIds: outside.map((booking) => booking.id),
          },
        );
      }
      await this.editions.replaceOpeningBlocks(editionId, blocks, tx);
      return edition;
    });
  }

  listEditions(): Promise<FestivalEditionEntity[]> {
    return this.editions.list();
  }

  async findEdition(id: string): Promise<FestivalEditionEntity | null> {
    return this.editions.findById(validate.uuid('id', id));
  }

  findByIds(ids: readonly string[]): Promise<FestivalEditionEntity[]> {
    return this.editions.findByIds(ids);
  }

  blocksByEditionIds(ids: readonly string[]): Promise<FestivalOpeningBlockEntity[]> {
    return this.editions.blocksByEditionIds(ids);
  }
}

function editionDays(startsOn: string, endsOn: string): { startsOn: string; endsOn: string } {
  const start = DateTime.fromISO(startsOn, { zone: FESTIVAL_ZONE });
  const end = DateTime.fromISO(endsOn, { zone: FESTIVAL_ZONE });
  if (start.year < 2000 || start.year > 2100) throw AppError.badInput('startsOn must be between 2000 and 2100', 'startsOn');
  if (end < start) throw AppError.badInput('endsOn must not be before startsOn', 'endsOn');
  if (end.diff(start, 'days').days >= MAX_FESTIVAL_DAYS) throw AppError.badInput(`a festival edition lasts at most ${MAX_FESTIVAL_DAYS} days`, 'endsOn');
  return { startsOn, endsOn };
}

function defaultBlocks(startsOn: string, endsOn: string): OpeningBlockCommand[] {
  const blocks: OpeningBlockCommand[] = [];
  for (let day = DateTime.fromISO(startsOn); day.toISODate()! <= endsOn; day = day.plus({ days: 1 })) {
    for (const block of defaultOpeningBlocks(day.toISODate()!)) blocks.push({ date: day.toISODate()!, ...block });
  }
  return blocks;
}

function validDetails(command: EditionDetailsCommand, endsOn: string): EditionDetailsCommand {
  const siteMapUrl = validate.optionalText('siteMapUrl', command.siteMapUrl, 500);
  if (siteMapUrl) {
    let url: URL | null = null;
    try {
      url = new URL(siteMapUrl);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw AppError.badInput('siteMapUrl must be an http(s) address', 'siteMapUrl');
  }
  const lastMoment = DateTime.fromISO(endsOn, { zone: FESTIVAL_ZONE }).plus({ days: 1 }).toJSDate();
  if (command.applicationDeadline && command.applicationDeadline.getTime() >= lastMoment.getTime()) {
    throw AppError.badInput('applicationDeadline must be before the end of the festival', 'applicationDeadline');
  }
  return {
    siteName: command.siteName == null ? null : validate.text('siteName', command.siteName, { max: 200 }),
    siteAddress: command.siteAddress == null ? null : validate.text('siteAddress', command.siteAddress, { max: 300 }),
    siteMapUrl,
    applicationDeadline: command.applicationDeadline ?? null,
    maxPlotsPerOrganisationPerDay:
      command.maxPlotsPerOrganisationPerDay == null ? null : validate.int('maxPlotsPerOrganisationPerDay', command.maxPlotsPerOrganisationPerDay, 1, 50),
  };
}
