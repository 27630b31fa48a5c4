import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserEntity } from '@app/auth';
import { BaseRepository, entityColumns, hydrateEntities, Transaction } from '@app/database';

/** The two link tables between users and what they host; table names come only from here. */
const LINKS = {
  session: { table: 'session_host', owner: 'session_id' },
  series: { table: 'session_series_host', owner: 'series_id' },
} as const;

export type HostedKind = keyof typeof LINKS;

/** session_host and session_series_host, and the reading of would-be hosts' accounts (auth's app_user). */
@Injectable()
export class HostsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** owner id → host user ids, for a batch of sessions or series in one statement. */
  async hostIdsByOwner(kind: HostedKind, ownerIds: readonly string[], tx?: Transaction): Promise<Map<string, string[]>> {
    const { table, owner } = LINKS[kind];
    const rows = await this.on(tx).query<{ owner_id: string; user_id: string }[]>(
      `SELECT ${owner} AS owner_id, user_id FROM ${table} WHERE ${owner} = ANY($1::uuid[])`,
      [[...ownerIds]],
    );
    const byOwner = new Map<string, string[]>();
    for (const row of rows) byOwner.set(row.owner_id, [...(byOwner.get(row.owner_id) ?? []), row.user_id]);
    return byOwner;
  }

  /**
   * owner id → the hosts' user accounts, for a batch in one statement: a schedule page's hosts in
   * one round trip instead of the ids and then the users. The users as UserEntity, hydrated as
   * TypeORM would (lean-entities).
   */
  async hostsByOwner(kind: HostedKind, ownerIds: readonly string[], tx?: Transaction): Promise<Map<string, UserEntity[]>> {
    const { table, owner } = LINKS[kind];
    const manager = this.on(tx);
    const columns = entityColumns(manager, UserEntity, 'u');
    if (!columns) throw new Error('UserEntity must stay readable by lean-entities');
    const rows = await manager.query<({ host_owner_id: string } & Record<string, unknown>)[]>(
      `SELECT h.${owner} AS host_owner_id, ${columns} FROM ${table} h JOIN app_user u ON u.id = h.user_id WHERE h.${owner} = ANY($1::uuid[])`,
      [[...ownerIds]],
    );
    const users = hydrateEntities(manager, UserEntity, rows);
    const byOwner = new Map<string, UserEntity[]>();
    rows.forEach((row, index) => {
      const hosts = byOwner.get(row.host_owner_id);
      if (hosts) hosts.push(users[index]);
      else byOwner.set(row.host_owner_id, [users[index]]);
    });
    return byOwner;
  }

  async hostIdsOf(kind: HostedKind, ownerId: string, tx?: Transaction): Promise<string[]> {
    return (await this.hostIdsByOwner(kind, [ownerId], tx)).get(ownerId) ?? [];
  }

  /** Links every host to every owner (idempotent). */
  async addHosts(kind: HostedKind, ownerIds: string[], hostIds: string[], tx?: Transaction): Promise<void> {
    if (ownerIds.length === 0 || hostIds.length === 0) return;
    const { table, owner } = LINKS[kind];
    await this.on(tx).query(
      `INSERT INTO ${table} (${owner}, user_id) SELECT o, h FROM unnest($1::uuid[]) o CROSS JOIN unnest($2::uuid[]) h ON CONFLICT DO NOTHING`,
      [ownerIds, hostIds],
    );
  }

  async replaceHosts(kind: HostedKind, ownerIds: string[], hostIds: string[], tx?: Transaction): Promise<void> {
    if (ownerIds.length === 0) return;
    const { table, owner } = LINKS[kind];
    await this.on(tx).query(`DELETE FROM ${table} WHERE ${owner} = ANY($1::uuid[])`, [ownerIds]);
    await this.addHosts(kind, ownerIds, hostIds, tx);
  }

  async removeHost(kind: HostedKind, ownerId: string, hostId: string, tx?: Transaction): Promise<void> {
    const { table, owner } = LINKS[kind];
    await this.on(tx).query(`DELETE FROM ${table} WHERE ${owner} = $1 AND user_id = $2`, [ownerId, hostId]);
  }

  /** Active users with one of these roles, by display name. */
  async activeUserIdsWithRoles(roles: readonly string[], tx?: Transaction): Promise<string[]> {
    const rows = await this.on(tx).query<{ id: string }[]>(`SELECT id FROM app_user WHERE active AND roles::text[] && $1::text[] ORDER BY display_name, id`, [
      [...roles],
    ]);
    return rows.map((row) => row.id);
  }

  /** user id → roles, of the active users among `ids`, in one statement. */
  async activeUserRoles(ids: string[], tx?: Transaction): Promise<Map<string, string[]>> {
    const rows = await this.on(tx).query<{ id: string; roles: string }[]>(
      `SELECT id, roles::text[] AS roles FROM app_user WHERE id = ANY($1::uuid[]) AND active`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.roles as unknown as string[]]));
  }
}
