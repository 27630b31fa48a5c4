import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { FestivalEditionEntity } from './festival-edition.entity';

/** A place for one stand on the festival square, with what it offers and where it is on the map. */
@Entity('stand_plot')
@Index(['editionId', 'code'], { unique: true })
export class StandPlotEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FestivalEditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FestivalEditionEntity;

  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'double precision' })
  widthMetres: number;

  @Column({ type: 'double precision' })
  depthMetres: number;

  @Column({ type: 'boolean', default: false })
  hasPower: boolean;

  @Column({ type: 'boolean', default: false })
  hasWater: boolean;

  @Column({ type: 'boolean', default: false })
  cookingAllowed: boolean;

  /** Position on the site map, in percent of its width (x, from the left) and height (y, from the top). */
  @Column({ type: 'double precision' })
  mapX: number;

  @Column({ type: 'double precision' })
  mapY: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
