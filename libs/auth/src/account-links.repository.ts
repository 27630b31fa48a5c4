import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { AccountLinkEntity, AccountLinkPurpose } from './entities';

/** The account_link table. */
@Injectable()
export class AccountLinksRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  save(link: Partial<AccountLinkEntity>, tx?: Transaction): Promise<AccountLinkEntity> {
    return this.on(tx).getRepository(AccountLinkEntity).save(link);
  }

  findById(id: string, tx?: Transaction): Promise<AccountLinkEntity | null> {
    return this.on(tx).getRepository(AccountLinkEntity).findOneBy({ id });
  }

  /** The link with this token hash, locked so two uses of one link cannot both succeed. */
  findByHashForUpdate(tokenHash: string, tx: Transaction): Promise<AccountLinkEntity | null> {
    return tx.getRepository(AccountLinkEntity).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** Ends every link of the user that still works (of one purpose, or all): a newer link or a new password replaces them. */
  async endOpenLinks(tx: Transaction, userId: string, at: Date, purpose?: AccountLinkPurpose): Promise<void> {
    await tx.getRepository(AccountLinkEntity).update({ userId, usedAt: IsNull(), ...(purpose ? { purpose } : {}) }, { usedAt: at });
  }
}
