import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor, Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobName, OnJob } from '@app/queues';
import { auditScope } from '../audit/audit-scope';
import { PersonalDataErasure } from '../erasure/personal-data-erasure.service';
import { privacyPolicy } from '../privacy-policy';
import { nextRetentionRun, RetentionAction, RetentionRule } from './retention-schedule';
import { RetentionRepository, SMS_REPLY_DAYS } from './retention.repository';

/** The reason the retention job's erasures carry in the audit log. */
export const RETENTION_REASON = 'retention';
/** Participants looked up per round; each is erased in a transaction of its own. */
const BATCH_SIZE = 100;

/**
 * Storage limitation (GDPR art. 5(1)(e)): participants inactive for RETENTION_MONTHS are
 * anonymised by the same erasure as on request, by the system, with reason "retention". Erased
 * participants are never selected again, so a second run finds nothing to do.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly repository: RetentionRepository,
    private readonly erasure: PersonalDataErasure,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.ANONYMISE_INACTIVE_PARTICIPANTS)
  anonymiseInactiveParticipants(): Promise<{ anonymised: number; codeRequestsDeleted: number }> {
    // The system acts, and its erasures and changes carry the job's name in the audit log.
    return auditScope.run({ actorUserId: null, operation: JobName.ANONYMISE_INACTIVE_PARTICIPANTS, requestId: null }, async () => {
      const now = this.clock.now();
      let anonymised = 0;
      for (;;) {
        const batch = await this.repository.inactiveParticipants(now, this.config.retentionMonths, BATCH_SIZE);
        for (const id of batch) if (!(await this.erasure.eraseParticipant(id, null, RETENTION_REASON)).alreadyErased) anonymised += 1;
        if (batch.length < BATCH_SIZE) break;
      }
      const codeRequestsDeleted = await this.repository.deleteSpentCodeRequests(now);
      const smsRepliesDeleted = await this.repository.deleteOldSmsReplies(now);
      if (smsRepliesDeleted > 0) this.logger.log({ smsRepliesDeleted, keptDays: SMS_REPLY_DAYS }, 'deleted old SMS replies');
      if (anonymised > 0 || codeRequestsDeleted > 0) {
        this.logger.log(
          { anonymised, codeRequestsDeleted, retentionMonths: this.config.retentionMonths },
          'anonymised inactive participants, deleted spent code requests',
        );
      }
      return { anonymised, codeRequestsDeleted };
    });
  }

  /**
   * What is kept how long and what the next run removes (coordinators): participants by the job
   * above, spent code requests a day after they expired; accounts and the audit log are not removed
   * by any job (an account is erased on request, the log must outlive the people in it).
   */
  async schedule(actor: Actor | null): Promise<RetentionRule[]> {
    privacyPolicy.requireCoordinator(actor, 'read the retention schedule');
    const nextRunAt = nextRetentionRun(this.clock.now());
    const participants = await this.repository.participantsDue(nextRunAt, this.config.retentionMonths);
    const codeRequests = await this.repository.codeRequestsDue(nextRunAt);
    const smsReplies = await this.repository.smsRepliesDue(nextRunAt);
    const kept = { action: RetentionAction.KEEP, keptMonths: null, keptDays: null, nextRunAt: null, dueCount: 0, firstDueAt: null };
    return [
      {
        key: 'inactiveParticipants',
        table: 'participant',
        action: RetentionAction.ANONYMISE,
        keptMonths: this.config.retentionMonths,
        keptDays: null,
        nextRunAt,
        dueCount: participants.due,
        firstDueAt: participants.firstDueAt,
      },
      {
        key: 'codeRequests',
        table: 'registration_code_request',
        action: RetentionAction.DELETE,
        keptMonths: null,
        keptDays: 1,
        nextRunAt,
        dueCount: codeRequests.due,
        firstDueAt: codeRequests.firstDueAt,
      },
      {
        key: 'smsReplies',
        table: 'sms_inbound',
        action: RetentionAction.DELETE,
        keptMonths: null,
        keptDays: SMS_REPLY_DAYS,
        nextRunAt,
        dueCount: smsReplies.due,
        firstDueAt: smsReplies.firstDueAt,
      },
      { key: 'accounts', table: 'app_user', ...kept },
      { key: 'anonymousFigures', table: 'registration', ...kept },
      { key: 'auditLog', table: 'audit_log_entry', ...kept },
    ];
  }
}
