import { Injectable } from '@nestjs/common';
import { Actor, AppError, validate } from '@app/common';
import { OrganisationEntity, OrganisationKind, OrganisationsRepository } from '@app/organisations';
import { schedulingPolicy } from '../scheduling-policy';

export interface UpdateOrganisationCommand {
  name?: string | null;
  kind?: OrganisationKind | null;
  /** Empty or null clears the number. */
  phone?: string | null;
}

@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  createOrganisation(actor: Actor | null, input: { name: string; kind: OrganisationKind; phone?: string | null }): Promise<OrganisationEntity> {
    schedulingPolicy.requireCoordinator(actor, 'create organisations');
    const name = validate.text('name', input.name, { max: 200 });
    const phone = this.phone(input.phone);
    return this.organisations.save({ name, kind: input.kind, phone, active: true });
  }

  async updateOrganisation(actor: Actor | null, id: string, input: UpdateOrganisationCommand): Promise<OrganisationEntity> {
    schedulingPolicy.requireCoordinator(actor, 'change organisations');
    const organisation = await this.require(id);
    if (input.name != null) organisation.name = validate.text('name', input.name, { max: 200 });
    if (input.kind != null) organisation.kind = input.kind;
    if (input.phone !== undefined) organisation.phone = this.phone(input.phone);
    return this.organisations.save(organisation);
  }

  /** Switched off, an organisation stays for the history of its sessions but leaves the public lists and gets nothing new. */
  async setOrganisationActive(actor: Actor | null, id: string, active: boolean): Promise<OrganisationEntity> {
    schedulingPolicy.requireCoordinator(actor, active ? 'reactivate organisations' : 'deactivate organisations');
    const organisation = await this.require(id);
    organisation.active = active;
    return this.organisations.save(organisation);
  }

  /** The organisations query: active ones for everyone; switched-off ones too only for coordinators. */
  listOrganisationsFor(actor: Actor | null, includeInactive: boolean): Promise<OrganisationEntity[]> {
    if (includeInactive) schedulingPolicy.requireCoordinator(actor, 'see deactivated organisations');
    return this.organisations.listByName(includeInactive);
  }

  listOrganisations(): Promise<OrganisationEntity[]> {
    return this.organisations.listByName();
  }

  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.organisations.findByIds(ids);
  }

  private phone(phone: string | null | undefined): string | null {
    return phone?.trim() ? validate.phone('phone', phone) : null;
  }

  private async require(id: string): Promise<OrganisationEntity> {
    const organisation = await this.organisations.findById(validate.uuid('id', id));
    if (!organisation) throw AppError.notFound('Organisation', id);
    return organisation;
  }
}
