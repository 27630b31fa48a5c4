import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { SessionSeriesEntity } from '../entities';

/** The session_series table. */
@Injectable()
export class SessionSeriesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findById(id: string, tx?: Transaction): Promise<SessionSeriesEntity | null> {
    return this.on(tx).getRepository(SessionSeriesEntity).findOneBy({ id });
  }

  /** Locks the series row for the rest of the transaction. */
  lock(id: string, tx: Transaction): Promise<SessionSeriesEntity | null> {
    return tx.findOne(SessionSeriesEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks the series row, or returns null at once when another transaction holds it. */
  lockUnlessLocked(id: string, tx: Transaction): Promise<SessionSeriesEntity | null> {
    return tx.findOne(SessionSeriesEntity, { where: { id }, lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' } });
  }

  async openEndedIds(tx?: Transaction): Promise<string[]> {
    const rows = await this.on(tx).query<{ id: string }[]>(`SELECT id FROM session_series WHERE open_ended`);
    return rows.map((row) => row.id);
  }

  /** Inserts a new series (a plain object) or saves a loaded one. */
  create(series: Partial<SessionSeriesEntity>, tx?: Transaction): Promise<SessionSeriesEntity> {
    return this.on(tx).save(SessionSeriesEntity, series);
  }

  save(series: SessionSeriesEntity, tx?: Transaction): Promise<SessionSeriesEntity> {
    return this.on(tx).save(series);
  }

  async setMaterialisedUntil(id: string, materialisedUntil: Date, tx?: Transaction): Promise<void> {
    await this.on(tx).update(SessionSeriesEntity, id, { materialisedUntil });
  }
}
