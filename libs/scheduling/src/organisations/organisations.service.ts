import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, validate } from '@app/common';
import { OrganisationEntity, OrganisationKind } from '@app/organisations';
import { schedulingPolicy } from '../scheduling-policy';

@Injectable()
export class OrganisationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  createOrganisation(actor: Actor | null, input: { name: string; kind: OrganisationKind; phone?: string | null }): Promise<OrganisationEntity> {
    schedulingPolicy.requireCoordinator(actor, 'create organisations');
    const name = validate.text('name', input.name, { max: 200 });
    const phone = input.phone?.trim() ? validate.phone('phone', input.phone) : null;
    return this.dataSource.getRepository(OrganisationEntity).save({ name, kind: input.kind, phone });
  }

  listOrganisations(): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).find({ order: { name: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
  }
}
