import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/database';
import { RegistrationEntity } from './registration.entity';

/**
 * One child a parent registered for a programme that lists children (the zomerschool). The
 * school is free text: most children's schools are not organisations of the platform.
 */
@Entity('registration_child')
@Index('registration_child_registration', ['registrationId', 'position'], { unique: true })
@Check('registration_child_age_range', '"age" BETWEEN 3 AND 14')
export class RegistrationChildEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'FK_registration_child_registration' })
  registration?: RegistrationEntity;

  /** The order the parent listed them in, from 1. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'int' })
  age: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  school: string | null;
}
