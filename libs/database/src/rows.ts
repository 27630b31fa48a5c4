import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a raw row (`INSERT … RETURNING *`, a CTE), hydrated as TypeORM hydrates its own
 * reads: one hand-written statement can replace a save() and its reads without the callers seeing
 * a different object. Columns the row lacks stay undefined; extra columns of the row are ignored.
 */
export function entityFromRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.databaseName in row) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
