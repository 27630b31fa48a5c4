import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@app/common';
import { BaseRepository, findEntitiesByIds, Transaction } from '@app/database';
import { UserEntity } from './entities';

/** The app_user table. */
@Injectable()
export class UsersRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findByEmail(email: string, tx?: Transaction): Promise<UserEntity | null> {
    return this.on(tx).getRepository(UserEntity).findOneBy({ email });
  }

  findById(id: string, tx?: Transaction): Promise<UserEntity | null> {
    return this.on(tx).getRepository(UserEntity).findOneBy({ id });
  }

  findByIdOrFail(id: string, tx?: Transaction): Promise<UserEntity> {
    return this.on(tx).getRepository(UserEntity).findOneByOrFail({ id });
  }

  findByEmailOrFail(email: string, tx?: Transaction): Promise<UserEntity> {
    return this.on(tx).getRepository(UserEntity).findOneByOrFail({ email });
  }

  /** For DataLoaders: a statement written once, not built per call (findEntitiesByIds). */
  findByIds(ids: readonly string[], tx?: Transaction): Promise<UserEntity[]> {
    return findEntitiesByIds(this.on(tx), UserEntity, ids);
  }

  /** Users by part of their name or address (case-insensitive), with a role, by name; at most 500. */
  search(filter: { search: string; role: Role | null; includeInactive: boolean }, tx?: Transaction): Promise<UserEntity[]> {
    const query = this.on(tx).getRepository(UserEntity).createQueryBuilder('u').where('u.erased_at IS NULL');
    if (filter.search !== '') {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(u.display_name ILIKE :pattern OR u.email ILIKE :pattern)', { pattern });
    }
    if (filter.role) query.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (!filter.includeInactive) query.andWhere('u.active');
    return query.orderBy('lower(u.display_name)').addOrderBy('u.email').limit(500).getMany();
  }

  save(user: Partial<UserEntity>, tx?: Transaction): Promise<UserEntity> {
    return this.on(tx).getRepository(UserEntity).save(user);
  }

  /** Inserts the user unless one with the address exists (two API replicas starting at once). */
  async insertUnlessExists(user: Partial<UserEntity>, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(UserEntity).createQueryBuilder().insert().values(user).orIgnore().execute();
  }

  async update(id: string, change: Partial<UserEntity>, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(UserEntity).update(id, change);
  }

  /**
   * Revokes every token of the user, with their new password if one is given. One statement, so two
   * concurrent revocations both count, and a new password never stands with the old tokens valid.
   */
  async bumpTokenVersion(userId: string, newPasswordHash?: string, tx?: Transaction): Promise<number> {
    const [rows] = (await this.on(tx).query(
      'UPDATE app_user SET token_version = token_version + 1, password_hash = coalesce($2, password_hash), updated_at = now() WHERE id = $1 RETURNING token_version',
      [userId, newPasswordHash ?? null],
    )) as [{ token_version: number }[], number];
    return rows[0].token_version;
  }
}
