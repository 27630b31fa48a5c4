import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';

/**
 * A phone number that answered STOP: no SMS of any kind goes to it any more, except the one
 * confirmation of the stop. Delivery checks the list before every SMS, whichever domain wrote it.
 */
@Entity('sms_opt_out')
@Index('sms_opt_out_phone', ['phone'], { unique: true })
export class SmsOptOutEntity extends BaseEntity {
  /** E.164. */
  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'timestamptz' })
  optedOutAt: Date;
}
