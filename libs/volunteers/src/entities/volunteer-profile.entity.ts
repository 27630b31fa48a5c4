import { Column, Entity, Index, JoinColumn, OneToOne } from 'typeorm';
import { UserEntity } from '@app/auth';
import { BaseEntity } from '@app/database';
import { Daypart, ScreeningStatus, VolunteerSkill } from './enums';

/** What a VOLUNTEER user speaks, can do and when, and what organisations ask of them. */
@Entity('volunteer_profile')
export class VolunteerProfileEntity extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** E.164. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** BCP 47 tags. */
  @Column({ type: 'varchar', length: 10, array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'enum', enum: VolunteerSkill, enumName: 'volunteer_skill', array: true, default: () => "'{}'" })
  skills: VolunteerSkill[];

  /** ISO weekdays the volunteer is usually free: 1 = Monday … 7 = Sunday. */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  availableWeekdays: number[];

  @Column({ type: 'enum', enum: Daypart, enumName: 'daypart', array: true, default: () => "'{}'" })
  availableDayparts: Daypart[];

  /** Kortrijk neighbourhood (e.g. Overleie): buddies are matched close to home. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  neighbourhood: string | null;

  @Column({ type: 'enum', enum: ScreeningStatus, enumName: 'screening_status', default: ScreeningStatus.NOT_REQUESTED })
  screeningStatus: ScreeningStatus;

  @Column({ type: 'date', nullable: true })
  screeningDate: string | null;

  /** Trainings followed, in the coordinator's words (e.g. "Basisvorming vrijwilligers 2026"). */
  @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  trainings: string[];

  /** SHA-256 of the secret in the personal iCalendar feed URL; null when revoked. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  calendarTokenHash: string | null;
}
