import { Injectable } from '@nestjs/common';
import { Actor, validate } from '@app/common';
import { OrganisationEntity, OrganisationKind, OrganisationsRepository } from '@app/organisations';
import { schedulingPolicy } from '../scheduling-policy';

@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  createOrganisation(actor: Actor | null, input: { name: string; kind: OrganisationKind; phone?: string | null }): Promise<OrganisationEntity> {
    schedulingPolicy.requireCoordinator(actor, 'create organisations');
    const name = validate.text('name', input.name, { max: 200 });
    const phone = input.phone?.trim() ? validate.phone('phone', input.phone) : null;
    return this.organisations.save({ name, kind: input.kind, phone });
  }

  listOrganisations(): Promise<OrganisationEntity[]> {
    return this.organisations.listByName();
  }

  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.organisations.findByIds(ids);
  }
}
