import type { Logger as TypeOrmLogger } from 'typeorm';
import { DataSourceOptions, EntitySchema } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** An entity class: TypeORM reads its table from the class's decorators. */
export type EntityClass = abstract new (...args: never[]) => object;

export interface DataSourceExtras {
  /** Application name shown in pg_stat_activity: tells API, worker and tests apart. */
  applicationName?: string;
  poolSize?: number;
  logger?: TypeOrmLogger;
  /**
   * The entity classes, listed by the app (each domain lib exports its own): this lib is
   * infrastructure and imports no domain. Running migrations needs none.
   */
  entities?: readonly (EntityClass | EntitySchema)[];
}

export function createDataSourceOptions(databaseUrl: string, extras: DataSourceExtras = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    entities: [...(extras.entities ?? [])],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // The schema belongs to the migrations, never to the entity classes.
    synchronize: false,
    migrationsRun: false,
    applicationName: extras.applicationName ?? 'oefenkansen',
    extra: { max: extras.poolSize ?? 10 },
    logger: extras.logger,
    logging: extras.logger ? ['query'] : false,
  };
}
