import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
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

  findByIds(ids: readonly string[], tx?: Transaction): Promise<UserEntity[]> {
    return this.on(tx)
      .getRepository(UserEntity)
      .findBy({ id: In([...ids]) });
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
