import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, type Transaction } from '@app/database';
import { MailOptOutEntity } from '../entities/mail-opt-out.entity';

/** The addresses (as hashes) that unsubscribed from non-transactional mail. */
@Injectable()
export class MailOptOutRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Records the opt-out once: unsubscribing again keeps the first date. */
  async add(tx: Transaction, addressHash: string): Promise<void> {
    await tx.query(`INSERT INTO mail_opt_out (address_hash) VALUES ($1) ON CONFLICT (address_hash) DO NOTHING`, [addressHash]);
  }

  async find(addressHash: string, tx?: Transaction): Promise<MailOptOutEntity | null> {
    return this.on(tx).findOne(MailOptOutEntity, { where: { addressHash } });
  }

  /** The opt-outs among these hashes (a person's export). */
  async findMany(addressHashes: string[], tx?: Transaction): Promise<MailOptOutEntity[]> {
    if (addressHashes.length === 0) return [];
    return this.on(tx).find(MailOptOutEntity, { where: { addressHash: In(addressHashes) }, order: { createdAt: 'ASC' } });
  }
}
