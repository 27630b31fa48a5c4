import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Settings coordinators change at run time (not deployment configuration). */
@Entity('app_setting')
export class AppSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
