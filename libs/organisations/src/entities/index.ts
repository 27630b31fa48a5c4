export * from './enums';
export * from './organisation.entity';
export * from './organisation-training.entity';

import { OrganisationTrainingEntity } from './organisation-training.entity';
import { OrganisationEntity } from './organisation.entity';

/** The tables this lib owns; the apps list every lib's entities for TypeORM. */
export const ORGANISATIONS_ENTITIES = [OrganisationEntity, OrganisationTrainingEntity];
