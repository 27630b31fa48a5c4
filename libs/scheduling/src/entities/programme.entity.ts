import { Check, Column, Entity } from 'typeorm';
import { BaseEntity } from '@app/database';
import { ProgrammeKind } from './enums';

@Entity('programme')
@Check('programme_capacity_positive', '"default_capacity" >= 1')
@Check('programme_seat_offer_window_range', '"seat_offer_window_minutes" BETWEEN 0 AND 20160')
@Check('programme_seat_offer_hold_range', '"seat_offer_hold_minutes" BETWEEN 15 AND 2880')
@Check('programme_childcare_capacity_range', '"childcare_capacity" BETWEEN 1 AND 200')
export class ProgrammeEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;

  @Column({ type: 'enum', enum: ProgrammeKind, enumName: 'programme_kind' })
  kind: ProgrammeKind;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @Column({ type: 'int' })
  defaultCapacity: number;

  @Column({ type: 'int', array: true, default: () => "'{1440,120}'" })
  reminderOffsetsMinutes: number[];

  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{nl}'" })
  languages: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** A seat freed less than this before the start is offered to the first waiting person instead of given (0: never). */
  @Column({ type: 'int', default: 1440 })
  seatOfferWindowMinutes: number;

  /** How long an offered seat is held for an answer (never past the start). */
  @Column({ type: 'int', default: 180 })
  seatOfferHoldMinutes: number;

  /** Children the programme's childcare takes per session, apart from the seats; null when it offers none. */
  @Column({ type: 'int', nullable: true })
  childcareCapacity: number | null;

  /** Each child is registered by name, age and school under the parent (the zomerschool). */
  @Column({ type: 'boolean', default: false })
  listsChildren: boolean;
}
