import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { RegistrationEventEntity } from '../entities';

/** The registration_event table: what happened to each registration, in order. */
@Injectable()
export class RegistrationEventsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  insert(events: DeepPartial<RegistrationEventEntity>[], tx?: Transaction): Promise<RegistrationEventEntity[]> {
    return this.on(tx).getRepository(RegistrationEventEntity).save(events) as Promise<RegistrationEventEntity[]>;
  }
}
