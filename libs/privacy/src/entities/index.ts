export * from './enums';
export * from './audit-log-entry.entity';
export * from './consent-record.entity';

import { AuditLogEntryEntity } from './audit-log-entry.entity';
import { ConsentRecordEntity } from './consent-record.entity';

/** The tables this lib owns; the apps list every lib's entities for TypeORM. */
export const PRIVACY_ENTITIES = [AuditLogEntryEntity, ConsentRecordEntity];
