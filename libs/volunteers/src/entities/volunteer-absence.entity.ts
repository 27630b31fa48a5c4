import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/database';

/** A period a volunteer is away: no suggestions, no assignments. */
@Entity('volunteer_absence')
@Index(['userId', 'startsOn'])
@Check('volunteer_absence_range', `"ends_on" >= "starts_on"`)
export class VolunteerAbsenceEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;
}
