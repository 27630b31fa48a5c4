import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, validate } from '@app/common';
import { OrganisationEntity, OrganisationKind } from '@app/database';
import { schedulingPolicy } from '../scheduling-policy';

@Injectable()
export class OrganisationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  createOrganisation(actor: Actor | null, input: { name: string; kind: OrganisationKind }): Promise<OrganisationEntity> {
    schedulingPolicy.requireCoordinator(actor, 'create organisations');
    const name = validate.text('name', input.name, { max: 200 });
    return this.dataSource.getRepository(OrganisationEntity).save({ name, kind: input.kind });
  }

  listOrganisations(): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).find({ order: { name: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
  }
}
