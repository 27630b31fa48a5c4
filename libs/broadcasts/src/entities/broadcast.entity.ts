import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';

/** Who a broadcast is for: the participants of a session, a series or a programme, or a festival edition's organisers. */
export enum BroadcastAudienceKind {
  SESSION = 'SESSION',
  SERIES = 'SERIES',
  PROGRAMME = 'PROGRAMME',
  FESTIVAL_EDITION = 'FESTIVAL_EDITION',
}

/** One translation of a broadcast, written by the coordinator. */
export interface BroadcastTranslation {
  language: string;
  text: string;
}

/**
 * A coordinator's own message to an audience, as sent: the outbox holds one row per reader
 * (kind BROADCAST, payload.broadcastId); this row keeps the words and how many it reached.
 */
@Entity('broadcast')
@Index('broadcast_idempotency_key', ['idempotencyKey'], { unique: true })
export class BroadcastEntity extends BaseEntity {
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'varchar', length: 20 })
  audienceKind: BroadcastAudienceKind;

  @Column({ type: 'uuid' })
  audienceId: string;

  /** The session's or series' title, the programme's or edition's name, when it was sent. */
  @Column({ type: 'varchar', length: 200 })
  audienceTitle: string;

  /** The Dutch original. */
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb', default: [] })
  translations: BroadcastTranslation[];

  /** The client's key: the same request sent again writes nothing new. */
  @Column({ type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Column({ type: 'int', default: 0 })
  smsCount: number;

  @Column({ type: 'int', default: 0 })
  emailCount: number;
}
