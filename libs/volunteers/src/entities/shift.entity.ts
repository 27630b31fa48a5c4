import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';
import { ShiftStatus, VolunteerSkill } from './enums';

/** A need for N volunteers with a role, at a session, at a festival day or plot, or on its own. */
@Entity('shift')
@Index(['startsAt'])
@Index(['sessionId'])
@Index(['seriesId'])
@Index(['editionId'])
@Check('shift_range', `"ends_at" > "starts_at"`)
@Check('shift_needed', `"needed" BETWEEN 1 AND 100`)
export class ShiftEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'enum', enum: VolunteerSkill, enumName: 'volunteer_skill' })
  role: VolunteerSkill;

  @Column({ type: 'int' })
  needed: number;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  /** Set on each shift created for every session of a series. */
  @Column({ type: 'uuid', nullable: true })
  seriesId: string | null;

  @Column({ type: 'uuid', nullable: true })
  editionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  plotId: string | null;

  /** Languages that help here (e.g. the participants'), for suggestions. */
  @Column({ type: 'varchar', length: 10, array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  @Column({ type: 'enum', enum: ShiftStatus, enumName: 'shift_status', default: ShiftStatus.OPEN })
  status: ShiftStatus;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;
}
