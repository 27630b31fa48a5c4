import { Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RegistrationsModule } from '@app/registrations';
import { AuditLog } from './audit/audit-log.service';
import { AuditScopeSubscriber } from './audit/audit-scope.subscriber';
import { ConsentService } from './consent/consent.service';
import { PersonalDataErasure } from './erasure/personal-data-erasure.service';
import { PersonalDataExporter } from './export/personal-data-export.service';
import { RetentionService } from './retention/retention.service';

const SERVICES = [AuditLog, PersonalDataExporter, PersonalDataErasure, ConsentService, RetentionService];

/**
 * Export, erasure, retention, consent and the audit log. Needs a TypeORM DataSource, a Clock and the
 * configuration from the importing application; attributes the data source's writes to the current
 * audit scope from start-up on.
 */
@Module({ imports: [RegistrationsModule], providers: SERVICES, exports: SERVICES })
export class PrivacyModule implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.some((subscriber) => subscriber instanceof AuditScopeSubscriber)) this.dataSource.subscribers.push(new AuditScopeSubscriber());
  }
}
