export * from './user.entity';
export * from './account-link.entity';

import { AccountLinkEntity } from './account-link.entity';
import { UserEntity } from './user.entity';

/** The tables this lib owns; the apps list every lib's entities for TypeORM. */
export const AUTH_ENTITIES = [UserEntity, AccountLinkEntity];
