import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';

export interface StandListRow {
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

/**
 * The confirmed stands with their plot, application, association and the association's organisers:
 * organisation and app_user are read here only (owned by @app/organisations and @app/auth, below
 * this lib), so the list is one statement.
 */
@Injectable()
export class StandExportRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** By day, time and plot; every day when day is null. */
  confirmedStands(editionId: string, day: string | null, tx?: Transaction): Promise<StandListRow[]> {
    return this.on(tx).query<StandListRow[]>(
      `SELECT to_char(b.day, 'YYYY-MM-DD') AS day, b.starts_at, b.ends_at, p.code, p.width_metres, p.depth_metres, o.name AS organisation,
              a.community, a.country_code, a.offering, a.needs_power, a.needs_water, a.cooking, p.has_power, p.has_water, p.cooking_allowed,
              (SELECT string_agg(u.email, ' ' ORDER BY u.email) FROM app_user u WHERE u.organisation_id = o.id AND u.active AND 'FESTIVAL_ORGANISER' = ANY(u.roles::text[])) AS contacts
         FROM stand_booking b JOIN stand_plot p ON p.id = b.plot_id JOIN organisation o ON o.id = b.organisation_id
         LEFT JOIN stand_application a ON a.edition_id = b.edition_id AND a.organisation_id = b.organisation_id
        WHERE b.edition_id = $1 AND b.status = 'CONFIRMED' AND ($2::date IS NULL OR b.day = $2::date)
        ORDER BY b.day, b.starts_at, p.code`,
      [editionId, day],
    );
  }
}
