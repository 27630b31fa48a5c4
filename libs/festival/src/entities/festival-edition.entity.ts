import { Check, Column, Entity } from 'typeorm';
import { BaseEntity } from '@app/database';

/** One year of KortRIJK aan Culturen: its days, site and application deadline. */
@Entity('festival_edition')
@Check('festival_edition_dates', `"ends_on" >= "starts_on"`)
export class FestivalEditionEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'varchar', length: 200 })
  siteName: string;

  @Column({ type: 'varchar', length: 300 })
  siteAddress: string;

  /** A picture or PDF of the square with the plots, linked from the confirmation. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  siteMapUrl: string | null;

  /** Organisers apply and book until this instant; coordinators may still book after it. */
  @Column({ type: 'timestamptz', nullable: true })
  applicationDeadline: Date | null;

  @Column({ type: 'int', default: 2 })
  maxPlotsPerOrganisationPerDay: number;
}
