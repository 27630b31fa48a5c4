import { Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { RegistrationsModule } from '@app/registrations';
import { AuditLogRepository } from './audit/audit-log.repository';
import { AuditLog } from './audit/audit-log.service';
import { ConsentRecordsRepository } from './consent/consent-records.repository';
import { ConsentService } from './consent/consent.service';
import { SmsReplyConsent } from './consent/sms-reply-consent';
import { ErasurePreviewRepository, PersonalDataErasureRepository } from './erasure/personal-data-erasure.repository';
import { PersonalDataErasure } from './erasure/personal-data-erasure.service';
import { PersonalDataExportRepository } from './export/personal-data-export.repository';
import { PersonalDataExporter } from './export/personal-data-export.service';
import { RetentionRepository } from './retention/retention.repository';
import { RetentionService } from './retention/retention.service';

const SERVICES = [AuditLog, PersonalDataExporter, PersonalDataErasure, ConsentService, RetentionService, SmsReplyConsent];
const REPOSITORIES = [
  AuditLogRepository,
  PersonalDataExportRepository,
  PersonalDataErasureRepository,
  ErasurePreviewRepository,
  ConsentRecordsRepository,
  RetentionRepository,
];

/**
 * Export, erasure, retention, consent and the audit log. Needs a TypeORM DataSource, a Clock and the
 * configuration from the importing application; attributes the data source's writes to the current
 * audit scope from start-up on (AuditLogRepository installs the subscriber).
 */
@Module({ imports: [MessagingModule, RegistrationsModule], providers: [...SERVICES, ...REPOSITORIES], exports: SERVICES })
export class PrivacyModule {}
