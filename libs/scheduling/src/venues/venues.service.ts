import { Injectable } from '@nestjs/common';
import { Actor, AppError, validate } from '@app/common';
import { OrganisationsRepository } from '@app/organisations';
import { VenueEntity } from '../entities';
import { schedulingPolicy } from '../scheduling-policy';
import { VenuesRepository } from './venues.repository';

export interface CreateVenueCommand {
  organisationId: string;
  name: string;
  address: string;
  room?: string | null;
  capacityLimit?: number | null;
  accessibilityNotes?: string | null;
}

@Injectable()
export class VenuesService {
  constructor(
    private readonly venues: VenuesRepository,
    private readonly organisations: OrganisationsRepository,
  ) {}

  async createVenue(actor: Actor | null, input: CreateVenueCommand): Promise<VenueEntity> {
    schedulingPolicy.requireCoordinator(actor, 'create venues');
    const organisationId = validate.uuid('organisationId', input.organisationId);
    const venue = {
      organisationId,
      name: validate.text('name', input.name, { max: 200 }),
      address: validate.text('address', input.address, { max: 300 }),
      room: validate.optionalText('room', input.room, 100),
      capacityLimit: input.capacityLimit == null ? null : validate.int('capacityLimit', input.capacityLimit, 1, 10_000),
      accessibilityNotes: validate.optionalText('accessibilityNotes', input.accessibilityNotes, 1000),
    };
    if (!(await this.organisations.exists(organisationId))) {
      throw AppError.notFound('Organisation', organisationId);
    }
    return this.venues.save(venue);
  }

  findByIds(ids: readonly string[]): Promise<VenueEntity[]> {
    return this.venues.findByIds(ids);
  }

  findByOrganisationIds(organisationIds: readonly string[]): Promise<VenueEntity[]> {
    return this.venues.findByOrganisationIds(organisationIds);
  }
}
