import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * One PostgreSQL transaction, as services hold it: they pass it to repositories and to the event
 * bus, and never run statements on it themselves (only repositories do).
 */
export type Transaction = EntityManager;

/** Runs after a transaction of `Transactions.run` committed, before `run` returns to its caller. */
export type AfterCommit = () => Promise<void>;

export interface RunOptions {
  /**
   * False for a transaction that writes only rows no public read shows (a message's delivery
   * bookkeeping): its commit then leaves the response cache alone. Left out, every commit counts
   * as a change, so a write nobody thought about can only cost a cache miss, never a stale answer.
   */
  changesPublicData?: boolean;
}

/** Opens transactions for services, so that a service needs no DataSource of its own. */
@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);
  private readonly afterCommit: AfterCommit[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every state-changing service method is one `run` (docs/architecture.md), so this is the one
   * place that sees every committed write, of the API and of the worker alike: the response cache
   * hangs its invalidation here rather than in each service, where one would be forgotten.
   */
  onCommitted(listener: AfterCommit): void {
    this.afterCommit.push(listener);
  }

  async run<T>(work: (tx: Transaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const result = await this.dataSource.transaction(work);
    if (options.changesPublicData === false) return result;
    // Awaited: a caller that has its answer must find every listener's effect done (the next read
    // after a registration must not come from a cache the registration made stale). A listener
    // that fails cannot undo the commit: it is logged, and the listener itself must fail safe.
    for (const listener of this.afterCommit) {
      await listener().catch((error: unknown) => this.logger.error(`after-commit listener failed: ${String(error)}`));
    }
    return result;
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
