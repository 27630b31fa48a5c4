import { EntityManager } from 'typeorm';

/** The two link tables between users and what they host; table names come only from here. */
const LINKS = {
  session: { table: 'session_host', owner: 'session_id' },
  series: { table: 'session_series_host', owner: 'series_id' },
} as const;

export type HostedKind = keyof typeof LINKS;

/** owner id → host user ids, for a batch of sessions or series in one statement. */
export async function hostIdsByOwner(manager: EntityManager, kind: HostedKind, ownerIds: readonly string[]): Promise<Map<string, string[]>> {
  const { table, owner } = LINKS[kind];
  const rows = await manager.query<{ owner_id: string; user_id: string }[]>(`SELECT ${owner} AS owner_id, user_id FROM ${table} WHERE ${owner} = ANY($1::uuid[])`, [[...ownerIds]]);
  const byOwner = new Map<string, string[]>();
  for (const row of rows) byOwner.set(row.owner_id, [...(byOwner.get(row.owner_id) ?? []), row.user_id]);
  return byOwner;
}

export async function hostIdsOf(manager: EntityManager, kind: HostedKind, ownerId: string): Promise<string[]> {
  return (await hostIdsByOwner(manager, kind, [ownerId])).get(ownerId) ?? [];
}

/** Links every host to every owner (idempotent). */
export async function addHosts(manager: EntityManager, kind: HostedKind, ownerIds: string[], hostIds: string[]): Promise<void> {
  if (ownerIds.length === 0 || hostIds.length === 0) return;
  const { table, owner } = LINKS[kind];
  await manager.query(`INSERT INTO ${table} (${owner}, user_id) SELECT o, h FROM unnest($1::uuid[]) o CROSS JOIN unnest($2::uuid[]) h ON CONFLICT DO NOTHING`, [ownerIds, hostIds]);
}

export async function replaceHosts(manager: EntityManager, kind: HostedKind, ownerIds: string[], hostIds: string[]): Promise<void> {
  if (ownerIds.length === 0) return;
  const { table, owner } = LINKS[kind];
  await manager.query(`DELETE FROM ${table} WHERE ${owner} = ANY($1::uuid[])`, [ownerIds]);
  await addHosts(manager, kind, ownerIds, hostIds);
}
