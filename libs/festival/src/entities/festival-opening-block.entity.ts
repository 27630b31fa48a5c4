import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { FestivalEditionEntity } from './festival-edition.entity';

/**
 * A block of opening hours on one festival day (e.g. Saturday 11:00-15:00). Contiguous blocks of a
 * day form its opening hours; a booking lies within them, and the availability grid has a column
 * per block.
 */
@Entity('festival_opening_block')
@Index(['editionId', 'startsAt'])
@Check('festival_opening_block_range', `"ends_at" > "starts_at"`)
export class FestivalOpeningBlockEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FestivalEditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FestivalEditionEntity;

  /** The festival day (Brussels) the block belongs to. */
  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;
}
