import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';

/**
 * An e-mail address that unsubscribed from the mail a reader can live without (broadcasts,
 * digests, staff alerts). The address itself is not kept: only the SHA-256 of its unsubscribe
 * token, a keyed hash (PERSONAL_LINK_SECRET) that no one can turn back into the address.
 */
@Entity('mail_opt_out')
@Index('mail_opt_out_address_hash', ['addressHash'], { unique: true })
export class MailOptOutEntity extends BaseEntity {
  /** Hex SHA-256 of the address's unsubscribe token (see unsubscribe-token.ts). */
  @Column({ type: 'varchar', length: 64 })
  addressHash: string;
}
