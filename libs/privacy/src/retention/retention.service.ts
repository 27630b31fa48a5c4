import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobName, OnJob } from '@app/queues';
import { auditScope } from '../audit/audit-scope';
import { PersonalDataErasure } from '../erasure/personal-data-erasure.service';

/** The reason the retention job's erasures carry in the audit log. */
export const RETENTION_REASON = 'retention';
/** Participants looked up per round; each is erased in a transaction of its own. */
const BATCH_SIZE = 100;

/**
 * A participant's last activity: the latest of their creation, consent record, registered
 * sessions (a future one counts), attendance marks and trajectory dates (start, end, follow-ups).
 */
const INACTIVE_PARTICIPANTS = `
  SELECT p.id FROM participant p
   WHERE p.erased_at IS NULL
     AND greatest(
           p.created_at,
           p.consent_recorded_at,
           (SELECT max(greatest(s.starts_at, r.attendance_marked_at)) FROM registration r JOIN session s ON s.id = r.session_id WHERE r.participant_id = p.id),
           (SELECT max(greatest(t.starts_on, t.ends_on, (SELECT max(f.recorded_on) FROM trajectory_follow_up f WHERE f.trajectory_id = t.id)))::timestamptz
              FROM trajectory t WHERE t.participant_id = p.id)
         ) < $1::timestamptz - make_interval(months => $2)
   ORDER BY p.created_at, p.id
   LIMIT $3`;

/**
 * A self-registration code request holds a phone number and a first name only to check the code:
 * a day after it expired it has no use left (a used one made a participant, who carries the data).
 */
const SPENT_CODE_REQUESTS = `DELETE FROM registration_code_request WHERE expires_at < $1::timestamptz - interval '1 day'`;

/**
 * Storage limitation (GDPR art. 5(1)(e)): participants inactive for RETENTION_MONTHS are
 * anonymised by the same erasure as on request, by the system, with reason "retention". Erased
 * participants are never selected again, so a second run finds nothing to do.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
        const batch = await this.dataSource.query<{ id: string }[]>(INACTIVE_PARTICIPANTS, [now, this.config.retentionMonths, BATCH_SIZE]);
        for (const { id } of batch) if (!(await this.erasure.eraseParticipant(id, null, RETENTION_REASON)).alreadyErased) anonymised += 1;
        if (batch.length < BATCH_SIZE) break;
      }
      const [, codeRequestsDeleted] = (await this.dataSource.query(SPENT_CODE_REQUESTS, [now])) as [unknown, number];
      if (anonymised > 0 || codeRequestsDeleted > 0) {
        this.logger.log({ anonymised, codeRequestsDeleted, retentionMonths: this.config.retentionMonths }, 'anonymised inactive participants, deleted spent code requests');
      }
      return { anonymised, codeRequestsDeleted };
    });
  }
}
