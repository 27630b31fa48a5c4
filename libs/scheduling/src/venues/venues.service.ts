import { Injectable } from '@nestjs/common';
import { Actor, AppError, ErrorCode, validate } from '@app/common';
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

export type UpdateVenueCommand = { [K in Exclude<keyof CreateVenueCommand, 'organisationId'>]?: CreateVenueCommand[K] | null };

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
      capacityLimit: this.capacityLimit(input.capacityLimit),
      accessibilityNotes: validate.optionalText('accessibilityNotes', input.accessibilityNotes, 1000),
      active: true,
    };
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation) throw AppError.notFound('Organisation', organisationId);
    if (!organisation.active)
      throw new AppError(ErrorCode.DEACTIVATED, `organisation ${organisation.name} is deactivated: it gets no new venues`, { field: 'organisationId' });
    return this.venues.save(venue);
  }

  async updateVenue(actor: Actor | null, id: string, input: UpdateVenueCommand): Promise<VenueEntity> {
    schedulingPolicy.requireCoordinator(actor, 'change venues');
    const venue = await this.require(id);
    if (input.name != null) venue.name = validate.text('name', input.name, { max: 200 });
    if (input.address != null) venue.address = validate.text('address', input.address, { max: 300 });
    if (input.room !== undefined) venue.room = validate.optionalText('room', input.room, 100);
    // Existing sessions keep their capacity: the limit only bounds sessions planned or changed from now on.
    if (input.capacityLimit !== undefined) venue.capacityLimit = this.capacityLimit(input.capacityLimit);
    if (input.accessibilityNotes !== undefined) venue.accessibilityNotes = validate.optionalText('accessibilityNotes', input.accessibilityNotes, 1000);
    return this.venues.save(venue);
  }

  /** Switched off, a venue stays for the history of its sessions but gets no new ones. */
  async setVenueActive(actor: Actor | null, id: string, active: boolean): Promise<VenueEntity> {
    schedulingPolicy.requireCoordinator(actor, active ? 'reactivate venues' : 'deactivate venues');
    const venue = await this.require(id);
    venue.active = active;
    return this.venues.save(venue);
  }

  /** The venues query, for coordinators (staff pages); optionally of one organisation. */
  listVenuesFor(actor: Actor | null, options: { includeInactive: boolean; organisationId?: string | null }): Promise<VenueEntity[]> {
    schedulingPolicy.requireCoordinator(actor, 'list venues');
    const organisationId = options.organisationId ? validate.uuid('organisationId', options.organisationId) : null;
    return this.venues.listByName(options.includeInactive, organisationId);
  }

  findByIds(ids: readonly string[]): Promise<VenueEntity[]> {
    return this.venues.findByIds(ids);
  }

  findByOrganisationIds(organisationIds: readonly string[]): Promise<VenueEntity[]> {
    return this.venues.findByOrganisationIds(organisationIds);
  }

  private capacityLimit(limit: number | null | undefined): number | null {
    return limit == null ? null : validate.int('capacityLimit', limit, 1, 10_000);
  }

  private async require(id: string): Promise<VenueEntity> {
    const venue = await this.venues.findById(validate.uuid('id', id));
    if (!venue) throw AppError.notFound('Venue', id);
    return venue;
  }
}
