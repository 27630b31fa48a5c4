import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { AppSettingEntity } from '../entities';

/** The app_setting table: settings coordinators change at run time, one row per key. */
@Injectable()
export class AppSettingsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  find(key: string, tx?: Transaction): Promise<AppSettingEntity | null> {
    return this.on(tx).getRepository(AppSettingEntity).findOneBy({ key });
  }

  async upsert(key: string, value: number, updatedById: string, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(AppSettingEntity).upsert({ key, value, updatedById }, ['key']);
  }
}
