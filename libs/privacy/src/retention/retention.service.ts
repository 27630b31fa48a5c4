import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobName, OnJob } from '@app/queues';
import { auditScope } from '../audit/audit-scope';
import { PersonalDataErasure } from '../erasure/personal-data-erasure.service';
import { RetentionRepository } from './retention.repository';

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
      if (anonymised > 0 || codeRequestsDeleted > 0) {
        this.logger.log(
          { anonymised, codeRequestsDeleted, retentionMonths: this.config.retentionMonths },
          'anonymised inactive participants, deleted spent code requests',
        );
      }
      return { anonymised, codeRequestsDeleted };
    });
  }
}
