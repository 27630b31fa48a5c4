import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { ENTITIES as WORKER_ENTITIES } from '../../worker/src/entities';
import { ENTITIES } from '../src/entities';

// The entities live in the domain libs and each app lists them; what `npm run migration:generate`
// would write for a migrated database must stay nothing, or an entity was left out or changed.
describe('the entities the apps list', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(createDataSourceOptions(database.url, { applicationName: 'test-entities', entities: ENTITIES }));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('match the migrated schema: the migration generator finds no change', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('are every table, once, and the same in the API and the worker', async () => {
    const tables = (await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    )) as { table_name: string }[];
    expect(dataSource.entityMetadatas.map((metadata) => metadata.tableName).sort()).toEqual(tables.map((row) => row.table_name).sort());
    expect(new Set(ENTITIES).size).toBe(ENTITIES.length);
    expect(WORKER_ENTITIES).toEqual(ENTITIES);
  });
});
