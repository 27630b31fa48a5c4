import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';

export interface RetentionDue {
  due: number;
  firstDueAt: Date | null;
}

/**
 * A participant's last activity: the latest of their creation, consent record, registered
 * sessions (a future one counts), attendance marks and trajectory dates (start, end, follow-ups).
 */
const LAST_ACTIVITY = `
  greatest(
    p.created_at,
    p.consent_recorded_at,
    (SELECT max(greatest(s.starts_at, r.attendance_marked_at)) FROM registration r JOIN session s ON s.id = r.session_id WHERE r.participant_id = p.id),
    (SELECT max(greatest(t.starts_on, t.ends_on, (SELECT max(f.recorded_on) FROM trajectory_follow_up f WHERE f.trajectory_id = t.id)))::timestamptz
       FROM trajectory t WHERE t.participant_id = p.id)
  )`;

const INACTIVE_PARTICIPANTS = `
  SELECT p.id FROM participant p
   WHERE p.erased_at IS NULL AND ${LAST_ACTIVITY} < $1::timestamptz - make_interval(months => $2)
   ORDER BY p.created_at, p.id
   LIMIT $3`;

/** How many the job would anonymise at $1, and when the first of those not erased becomes due. */
const PARTICIPANTS_DUE = `
  SELECT count(*) FILTER (WHERE activity < $1::timestamptz - make_interval(months => $2))::int AS due,
         min(activity) + make_interval(months => $2) AS first_due_at
    FROM (SELECT ${LAST_ACTIVITY} AS activity FROM participant p WHERE p.erased_at IS NULL) AS live`;

const CODE_REQUESTS_DUE = `
  SELECT count(*) FILTER (WHERE expires_at < $1::timestamptz - interval '1 day')::int AS due, min(expires_at) + interval '1 day' AS first_due_at
    FROM registration_code_request`;

/**
 * A self-registration code request holds a phone number and a first name only to check the code:
 * a day after it expired it has no use left (a used one made a participant, who carries the data).
 */
const SPENT_CODE_REQUESTS = `DELETE FROM registration_code_request WHERE expires_at < $1::timestamptz - interval '1 day'`;

/** SMS replies are read by coordinators within days; after SMS_REPLY_DAYS their text (it may say anything) goes. */
export const SMS_REPLY_DAYS = 90;
const SMS_REPLIES_DUE = `
  SELECT count(*) FILTER (WHERE received_at < $1::timestamptz - make_interval(days => ${SMS_REPLY_DAYS}))::int AS due,
         min(received_at) + make_interval(days => ${SMS_REPLY_DAYS}) AS first_due_at
    FROM sms_inbound`;
const OLD_SMS_REPLIES = `DELETE FROM sms_inbound WHERE received_at < $1::timestamptz - make_interval(days => ${SMS_REPLY_DAYS})`;

/**
 * Storage limitation reads every lib's activity of a participant (trajectories sit in volunteers,
 * above privacy) and deletes spent code requests of registrations: the same legal duty as erasure
 * (see PersonalDataErasureRepository), so it lives beside it.
 */
@Injectable()
export class RetentionRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Up to `limit` participants, not erased, inactive for `months` before `now`; oldest first. */
  async inactiveParticipants(now: Date, months: number, limit: number, tx?: Transaction): Promise<string[]> {
    const rows = await this.on(tx).query<{ id: string }[]>(INACTIVE_PARTICIPANTS, [now, months, limit]);
    return rows.map((row) => row.id);
  }

  /** Participants inactive for `months` at `at`, and when the earliest not erased is (or was) due. */
  async participantsDue(at: Date, months: number, tx?: Transaction): Promise<RetentionDue> {
    const [row] = await this.on(tx).query<{ due: number; first_due_at: Date | null }[]>(PARTICIPANTS_DUE, [at, months]);
    return { due: row.due, firstDueAt: row.first_due_at };
  }

  /** Code requests spent at `at`, and when the earliest is (or was) due. */
  async codeRequestsDue(at: Date, tx?: Transaction): Promise<RetentionDue> {
    const [row] = await this.on(tx).query<{ due: number; first_due_at: Date | null }[]>(CODE_REQUESTS_DUE, [at]);
    return { due: row.due, firstDueAt: row.first_due_at };
  }

  /** SMS replies older than SMS_REPLY_DAYS at `at`, and when the earliest is (or was) due. */
  async smsRepliesDue(at: Date, tx?: Transaction): Promise<RetentionDue> {
    const [row] = await this.on(tx).query<{ due: number; first_due_at: Date | null }[]>(SMS_REPLIES_DUE, [at]);
    return { due: row.due, firstDueAt: row.first_due_at };
  }

  /** Returns how many were deleted. */
  async deleteOldSmsReplies(now: Date, tx?: Transaction): Promise<number> {
    const [, deleted] = (await this.on(tx).query(OLD_SMS_REPLIES, [now])) as [unknown, number];
    return deleted;
  }

  /** Returns how many were deleted. */
  async deleteSpentCodeRequests(now: Date, tx?: Transaction): Promise<number> {
    const [, deleted] = (await this.on(tx).query(SPENT_CODE_REQUESTS, [now])) as [unknown, number];
    return deleted;
  }
}
