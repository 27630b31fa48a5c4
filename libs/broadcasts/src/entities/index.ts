export * from './broadcast.entity';

import { BroadcastEntity } from './broadcast.entity';

/** The tables this lib owns; the apps list every lib's entities for TypeORM. */
export const BROADCASTS_ENTITIES = [BroadcastEntity];
