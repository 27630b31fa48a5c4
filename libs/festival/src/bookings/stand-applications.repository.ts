import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { StandApplicationEntity, StandOffering } from '../entities';

export interface StandApplicationRow {
  editionId: string;
  organisationId: string;
  offering: StandOffering;
  community: string;
  countryCode: string | null;
  description: string | null;
  needsPower: boolean;
  needsWater: boolean;
  cooking: boolean;
  appliedById: string;
}

/** stand_application: one per association and edition. */
@Injectable()
export class StandApplicationsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Inserts the association's application, or updates the one it has for the edition; its id. */
  async upsert(application: StandApplicationRow, tx?: Transaction): Promise<string> {
    const [row] = await this.on(tx).query<{ id: string }[]>(
      `INSERT INTO stand_application (edition_id, organisation_id, offering, community, country_code, description, needs_power, needs_water, cooking, applied_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (edition_id, organisation_id) DO UPDATE SET offering = EXCLUDED.offering, community = EXCLUDED.community, country_code = EXCLUDED.country_code,
           description = EXCLUDED.description, needs_power = EXCLUDED.needs_power, needs_water = EXCLUDED.needs_water, cooking = EXCLUDED.cooking, updated_at = now()
         RETURNING id`,
      [
        application.editionId,
        application.organisationId,
        application.offering,
        application.community,
        application.countryCode,
        application.description,
        application.needsPower,
        application.needsWater,
        application.cooking,
        application.appliedById,
      ],
    );
    return row.id;
  }

  findByIdOrFail(id: string, tx?: Transaction): Promise<StandApplicationEntity> {
    return this.on(tx).getRepository(StandApplicationEntity).findOneByOrFail({ id });
  }

  /** The applications of an edition in the order they came in; only one association's when visible is set. */
  ofEdition(editionId: string, visible: string | null, tx?: Transaction): Promise<StandApplicationEntity[]> {
    return this.on(tx)
      .getRepository(StandApplicationEntity)
      .find({
        where: { editionId, ...(visible ? { organisationId: visible } : {}) },
        order: { createdAt: 'ASC' },
      });
  }

  findByIds(ids: readonly string[], tx?: Transaction): Promise<StandApplicationEntity[]> {
    return this.on(tx)
      .getRepository(StandApplicationEntity)
      .findBy({ id: In([...ids]) });
  }
}
