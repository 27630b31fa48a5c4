import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Whether an alert condition (a session is full, its waiting list is long) holds now, and how
 * often it began: an alert goes out when it begins, not on every registration while it lasts.
 */
@Entity('session_alert')
export class SessionAlertEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  condition: string;

  @Column({ type: 'boolean', default: false })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  episodes: number;
}
