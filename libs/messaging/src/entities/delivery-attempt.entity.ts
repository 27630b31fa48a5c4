import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DeliveryOutcome } from './enums';
import { NotificationEntity } from './notification.entity';

/** One try to deliver a notification, recorded before sending so a crash leaves a trace. */
@Entity('delivery_attempt')
@Index(['notificationId', 'attempt'], { unique: true })
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  notificationId: string;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: NotificationEntity;

  @Column({ type: 'int' })
  attempt: number;

  @Column({ type: 'enum', enum: DeliveryOutcome, enumName: 'delivery_outcome', default: DeliveryOutcome.STARTED })
  outcome: DeliveryOutcome;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The channel's id for the message (SMTP Message-ID, gateway reference). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  providerId: string | null;
}
