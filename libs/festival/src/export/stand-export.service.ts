import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Actor, AppError, toCsv, validate } from '@app/common';
import { FestivalEditionEntity } from '../entities';
import { FESTIVAL_ZONE } from '../editions/sinksenfeesten';
import { festivalPolicy } from '../festival-policy';

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

interface StandListRow {
  day: string;
  starts_at: Date;
  ends_at: Date;
  code: string;
  width_metres: number;
  depth_metres: number;
  organisation: string;
  community: string | null;
  country_code: string | null;
  offering: string | null;
  needs_power: boolean | null;
  needs_water: boolean | null;
  cooking: boolean | null;
  has_power: boolean;
  has_water: boolean;
  cooking_allowed: boolean;
  contacts: string | null;
}

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'ja' : 'nee');

/** The confirmed stands per day, as the city's logistics team loads them into a spreadsheet. */
@Injectable()
export class StandExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** RFC 4180 CSV (comma, CRLF, quoted where needed), Brussels times, one row per confirmed booking, by day, time and plot. */
  async confirmedStandsCsv(actor: Actor | null, editionId: string, day?: string | null): Promise<string> {
    festivalPolicy.requireCoordinator(actor, 'export the stand list');
    const id = validate.uuid('editionId', editionId);
    if (day != null) validate.isoDate('day', day, '2027-05-15');
    if (!(await this.dataSource.getRepository(FestivalEditionEntity).existsBy({ id }))) throw AppError.notFound('FestivalEdition', id);
    const rows = await this.dataSource.query<StandListRow[]>(
      `SELECT to_char(b.day, 'YYYY-MM-DD') AS day, b.starts_at, b.ends_at, p.code, p.width_metres, p.depth_metres, o.name AS organisation,
              a.community, a.country_code, a.offering, a.needs_power, a.needs_water, a.cooking, p.has_power, p.has_water, p.cooking_allowed,
              (SELECT string_agg(u.email, ' ' ORDER BY u.email) FROM app_user u WHERE u.organisation_id = o.id AND u.active AND 'FESTIVAL_ORGANISER' = ANY(u.roles::text[])) AS contacts
         FROM stand_booking b JOIN stand_plot p ON p.id = b.plot_id JOIN organisation o ON o.id = b.organisation_id
         LEFT JOIN stand_application a ON a.edition_id = b.edition_id AND a.organisation_id = b.organisation_id
        WHERE b.edition_id = $1 AND b.status = 'CONFIRMED' AND ($2::date IS NULL OR b.day = $2::date)
        ORDER BY b.day, b.starts_at, p.code`,
      [id, day ?? null],
    );
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
