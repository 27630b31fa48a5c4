import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Actor, AppError, toCsv, validate } from '@app/common';
import { FestivalEditionsRepository } from '../editions/festival-editions.repository';
import { FESTIVAL_ZONE } from '../editions/sinksenfeesten';
import { festivalPolicy } from '../festival-policy';
import { StandExportRepository } from './stand-export.repository';

export const STAND_LIST_COLUMNS = [
  'day',
  'from',
  'to',
  'plot',
  'width_m',
  'depth_m',
  'association',
  'community',
  'country',
  'offering',
  'needs_power',
  'needs_water',
  'cooking',
  'plot_power',
  'plot_water',
  'plot_cooking',
  'contacts',
] as const;

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'ja' : 'nee');

/** The confirmed stands per day, as the city's logistics team loads them into a spreadsheet. */
@Injectable()
export class StandExportService {
  constructor(
    private readonly editions: FestivalEditionsRepository,
    private readonly standList: StandExportRepository,
  ) {}

  /** RFC 4180 CSV (comma, CRLF, quoted where needed), Brussels times, one row per confirmed booking, by day, time and plot. */
  async confirmedStandsCsv(actor: Actor | null, editionId: string, day?: string | null): Promise<string> {
    festivalPolicy.requireCoordinator(actor, 'export the stand list');
    const id = validate.uuid('editionId', editionId);
    if (day != null) validate.isoDate('day', day, '2027-05-15');
    if (!(await this.editions.exists(id))) throw AppError.notFound('FestivalEdition', id);
    const rows = await this.standList.confirmedStands(id, day ?? null);
    const time = (value: Date) => DateTime.fromJSDate(new Date(value), { zone: FESTIVAL_ZONE }).toFormat('HH:mm');
    return toCsv(
      STAND_LIST_COLUMNS,
      rows.map((row) => [
        row.day,
        time(row.starts_at),
        time(row.ends_at),
        row.code,
        row.width_metres,
        row.depth_metres,
        row.organisation,
        row.community ?? '',
        row.country_code ?? '',
        row.offering ?? '',
        yesNo(row.needs_power),
        yesNo(row.needs_water),
        yesNo(row.cooking),
        yesNo(row.has_power),
        yesNo(row.has_water),
        yesNo(row.cooking_allowed),
        row.contacts ?? '',
      ]),
    );
  }
}
