import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PrivacyModule } from '@app/privacy';
import { AuditScopeInterceptor } from './audit-scope.interceptor';
import { PersonalDataReadAudit } from './personal-data-read-audit.plugin';

/**
 * The API's half of the audit log: every operation runs in an audit scope (changes are attributed),
 * and reads of personal data are recorded by the Apollo plugin. The resolvers are in API_RESOLVERS.
 */
@Module({
  imports: [PrivacyModule],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditScopeInterceptor }, PersonalDataReadAudit],
  exports: [PrivacyModule],
})
export class PrivacyApiModule {}
