import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, In } from 'typeorm';
import { AppError, validate } from '@app/common';
import { BaseRepository, Transaction } from '@app/database';
import { FestivalEditionEntity, FestivalOpeningBlockEntity } from '../entities';
import { OpeningBlock } from './opening-hours';

/** festival_edition and festival_opening_block. */
@Injectable()
export class FestivalEditionsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  insert(edition: DeepPartial<FestivalEditionEntity>, tx?: Transaction): Promise<FestivalEditionEntity> {
    return this.on(tx).getRepository(FestivalEditionEntity).save(edition);
  }

  async update(id: string, changes: Partial<FestivalEditionEntity>, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(FestivalEditionEntity).update(id, changes);
  }

  /** The edition row, locked: shared by bookings (the opening hours and deadline hold while they are written), exclusive by changes to them. */
  async lock(id: string, mode: 'pessimistic_read' | 'pessimistic_write', tx: Transaction): Promise<FestivalEditionEntity> {
    const editionId = validate.uuid('editionId', id);
    const edition = await tx.getRepository(FestivalEditionEntity).findOne({ where: { id: editionId }, lock: { mode } });
    if (!edition) throw AppError.notFound('FestivalEdition', editionId);
    return edition;
  }

  list(tx?: Transaction): Promise<FestivalEditionEntity[]> {
    return this.on(tx)
      .getRepository(FestivalEditionEntity)
      .find({ order: { startsOn: 'DESC' } });
  }

  findById(id: string, tx?: Transaction): Promise<FestivalEditionEntity | null> {
    return this.on(tx).getRepository(FestivalEditionEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[], tx?: Transaction): Promise<FestivalEditionEntity[]> {
    return this.on(tx)
      .getRepository(FestivalEditionEntity)
      .findBy({ id: In([...ids]) });
  }

  exists(id: string, tx?: Transaction): Promise<boolean> {
    return this.on(tx).getRepository(FestivalEditionEntity).existsBy({ id });
  }

  async insertOpeningBlocks(editionId: string, blocks: readonly OpeningBlock[], tx?: Transaction): Promise<void> {
    await this.on(tx)
      .getRepository(FestivalOpeningBlockEntity)
      .insert(blocks.map((block) => ({ ...block, editionId })));
  }

  /** The old blocks out, the new ones in, and the edition marked as changed. */
  async replaceOpeningBlocks(editionId: string, blocks: readonly OpeningBlock[], tx: Transaction): Promise<void> {
    await tx.getRepository(FestivalOpeningBlockEntity).delete({ editionId });
    await this.insertOpeningBlocks(editionId, blocks, tx);
    await tx.getRepository(FestivalEditionEntity).update(editionId, { updatedAt: new Date() });
  }

  /** The blocks of an edition (of one day, when given), earliest first. */
  openingBlocks(editionId: string, day?: string | null, tx?: Transaction): Promise<FestivalOpeningBlockEntity[]> {
    return this.on(tx)
      .getRepository(FestivalOpeningBlockEntity)
      .find({ where: { editionId, ...(day ? { day } : {}) }, order: { startsAt: 'ASC' } });
  }

  blocksByEditionIds(ids: readonly string[], tx?: Transaction): Promise<FestivalOpeningBlockEntity[]> {
    return this.on(tx)
      .getRepository(FestivalOpeningBlockEntity)
      .find({ where: { editionId: In([...ids]) }, order: { startsAt: 'ASC' } });
  }
}
