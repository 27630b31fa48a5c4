import { EntityManager, EntityMetadata, EntityTarget, In, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Whole entities read with a statement written once per entity instead of built per call.
 *
 * TypeORM's find/findBy builds its SELECT anew on every call (aliases, escaping, parameter
 * rewriting by regular expressions) and hydrates through a general transformer; on the public
 * schedule, a page of 50 sessions with four nested entity loads, that was a quarter of the API's CPU
 * time (bench/README.md). The statements here select the same columns, and every value goes through
 * the driver's own prepareHydratedValue and the column's setEntityValue, as TypeORM's hydration
 * does, so the entities are the same objects find() returns. Entities whose loading does more than
 * that (eager relations, inheritance, trees, soft deletion, afterLoad listeners or subscribers) are
 * read by TypeORM itself.
 */
interface LeanPlan {
  /** `"alias"."column"` list, the entity's selectable columns. */
  columns: (alias: string) => string;
  hydrate: (manager: EntityManager, row: Record<string, unknown>) => ObjectLiteral;
  /** The quoted table name, with its schema when the entity names one. */
  table: string;
  primary: string;
}

const plans = new WeakMap<EntityMetadata, LeanPlan | null>();

/**
 * Column types whose values the pg driver already returns as TypeORM hands them out: the Postgres
 * driver's prepareHydratedValue changes none of them (timestamptz arrives as a Date, which it
 * keeps). Every other type, and any column with a transformer, goes through prepareHydratedValue;
 * the lean-entities spec compares every entity with TypeORM's own reading.
 */
const AS_THE_DRIVER_RETURNS = new Set<unknown>([
  'uuid',
  'varchar',
  'character varying',
  'text',
  'citext',
  'int',
  'integer',
  'smallint',
  'json',
  'jsonb',
  'timestamptz',
]);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function planFor(manager: EntityManager, metadata: EntityMetadata): LeanPlan | null {
  if (plans.has(metadata)) return plans.get(metadata)!;
  const subscribersAfterLoad = manager.connection.subscribers.some((subscriber) => typeof subscriber.afterLoad === 'function');
  const plain =
    metadata.tableType === 'regular' &&
    metadata.primaryColumns.length === 1 &&
    metadata.eagerRelations.length === 0 &&
    metadata.childEntityMetadatas.length === 0 &&
    !metadata.discriminatorColumn &&
    !metadata.treeType &&
    !metadata.deleteDateColumn &&
    metadata.afterLoadListeners.length === 0 &&
    metadata.lazyRelations.length === 0 &&
    !subscribersAfterLoad;
  if (!plain) {
    plans.set(metadata, null);
    return null;
  }
  const selected: ColumnMetadata[] = metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
  const driver = manager.connection.driver;
  // Per column, once: the row key, the property, and whether the driver must prepare the value.
  // setEntityValue is a plain assignment for a real (not virtual) column outside an embedded one.
  const steps = selected.map((column) => ({
    column,
    key: column.databaseName,
    property: column.propertyName,
    direct: !column.embeddedMetadata,
    prepare: !!column.transformer || !AS_THE_DRIVER_RETURNS.has(column.type),
  }));
  const plan: LeanPlan = {
    columns: (alias) => selected.map((column) => `${quote(alias)}.${quote(column.databaseName)}`).join(', '),
    hydrate: (txManager, row) => {
      const entity = metadata.create(txManager.queryRunner, { fromDeserializer: true }) as ObjectLiteral;
      for (const { column, key, property, direct, prepare } of steps) {
        let value = row[key];
        if (value === undefined) continue;
        if (prepare) value = driver.prepareHydratedValue(value, column);
        if (direct) entity[property] = value;
        else column.setEntityValue(entity, value);
      }
      return entity;
    },
    table: metadata.schema ? `${quote(metadata.schema)}.${quote(metadata.tableName)}` : quote(metadata.tableName),
    primary: metadata.primaryColumns[0].databaseName,
  };
  plans.set(metadata, plan);
  return plan;
}

/**
 * The SELECT list of an entity's columns under `alias` (keys of the rows: the column names), for
 * a hand-written statement whose rows go to hydrateEntities; null when TypeORM must load it.
 */
export function entityColumns(manager: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string): string | null {
  return planFor(manager, manager.connection.getMetadata(target))?.columns(alias) ?? null;
}

/** Rows selected with entityColumns(), as entities. */
export function hydrateEntities<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: Record<string, unknown>[]): T[] {
  const plan = planFor(manager, manager.connection.getMetadata(target));
  if (!plan) throw new Error(`${String(manager.connection.getMetadata(target).name)} is loaded by TypeORM only (see lean-entities.ts)`);
  return rows.map((row) => plan.hydrate(manager, row) as T);
}

/** What `findBy({ id: In(ids) })` returns (in no particular order), in one statement written once per entity. */
export async function findEntitiesByIds<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, ids: readonly string[]): Promise<T[]> {
  const metadata = manager.connection.getMetadata(target);
  const plan = planFor(manager, metadata);
  if (!plan) return manager.getRepository(target).findBy({ [metadata.primaryColumns[0].propertyName]: In([...ids]) } as never);
  if (ids.length === 0) return [];
  // The same array parameter whatever the number of ids, so PostgreSQL sees one statement text.
  const rows = await manager.query<Record<string, unknown>[]>(`SELECT ${plan.columns('e')} FROM ${plan.table} "e" WHERE "e".${quote(plan.primary)} = ANY($1)`, [
    [...ids],
  ]);
  return rows.map((row) => plan.hydrate(manager, row) as T);
}
