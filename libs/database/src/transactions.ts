import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * One PostgreSQL transaction, as services hold it: they pass it to repositories and to the event
 * bus, and never run statements on it themselves (only repositories do).
 */
export type Transaction = EntityManager;

/** Opens transactions for services, so that a service needs no DataSource of its own. */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

/**
 * What every repository shares: its statements run in the caller's transaction when it passes one,
 * else on their own (autocommit).
 */
export abstract class BaseRepository {
  protected constructor(protected readonly dataSource: DataSource) {}

  protected on(tx?: Transaction): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}
