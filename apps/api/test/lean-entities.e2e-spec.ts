import { In } from 'typeorm';
import { findEntitiesByIds, hydrateEntities, entityColumns } from '@app/database';
import { CREATE_SERIES, createWorld } from './fixtures';
import { dataOf, startTestApi, TestApi } from './test-api';

/**
 * findEntitiesByIds replaces TypeORM's findBy(In(ids)) in the DataLoaders: for every entity of the
 * API, on the rows a small world has, both must return the same entities (same class, same values).
 */
describe('lean entity reads', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    const world = await createWorld(api);
    const input = {
      programmeId: world.praattafelId,
      venueId: world.centreVenueId,
      title: 'Tafel',
      rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=3',
      firstStartsAt: '2026-09-03T19:00:00+02:00',
      durationMinutes: 90,
      hostIds: [world.userIds.host],
    };
    dataOf(await api.gql(CREATE_SERIES, { i: input }, world.tokens.coordinator));
  });
  afterAll(() => api.close());

  it('returns what findBy(In(ids)) returns, for every entity with rows', async () => {
    const manager = api.dataSource.manager;
    const compared: string[] = [];
    for (const metadata of api.dataSource.entityMetadatas) {
      if (metadata.tableType !== 'regular' || metadata.primaryColumns.length !== 1 || !entityColumns(manager, metadata.target, 'e')) continue;
      const primary = metadata.primaryColumns[0];
      const ids = (await manager.query<{ id: string }[]>(`SELECT "${primary.databaseName}" AS id FROM "${metadata.tableName}" LIMIT 25`)).map((r) => r.id);
      if (ids.length === 0) continue;
      const byId = (entity: Record<string, unknown>) => String(entity[primary.propertyName]);
      const sort = <T extends Record<string, unknown>>(rows: T[]) => [...rows].sort((a, b) => byId(a).localeCompare(byId(b)));
      const lean = sort(await findEntitiesByIds(manager, metadata.target, ids));
      const typeorm = sort(await manager.getRepository(metadata.target).findBy({ [primary.propertyName]: In(ids) }));
      expect({ entity: metadata.name, rows: lean }).toStrictEqual({ entity: metadata.name, rows: typeorm });
      compared.push(metadata.tableName);
    }
    // At least the tables the schedule's DataLoaders read this way.
    expect(compared).toEqual(expect.arrayContaining(['organisation', 'venue', 'programme', 'session', 'app_user']));
  });

  it('hydrates rows of a hand-written statement as the same entities', async () => {
    const manager = api.dataSource.manager;
    const [metadata] = api.dataSource.entityMetadatas.filter((m) => m.tableName === 'session');
    const rows = await manager.query(`SELECT ${entityColumns(manager, metadata.target, 's')} FROM session s ORDER BY s.id LIMIT 5`);
    const ids = rows.map((row: { id: string }) => row.id);
    const typeorm = await manager.getRepository(metadata.target).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
    expect(hydrateEntities(manager, metadata.target, rows)).toStrictEqual(typeorm);
  });
});
