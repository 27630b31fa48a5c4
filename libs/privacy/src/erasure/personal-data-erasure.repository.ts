import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@app/common';
import { BaseRepository, Transaction } from '@app/database';
import { NotificationStatus } from '@app/messaging';
import { THEIR_CODE_REQUESTS, THEIR_SMS_REPLIES } from '../export/personal-data-export.repository';
import type { ErasureCounts } from './erasure-preview';

/** What names or reaches the person (name, e-mail, phone), as stored; nulls where empty. */
export interface LockedSubject {
  identifying: (string | null)[];
}

/** What the erasure writes in place of the person's fields. */
export interface ErasedFields {
  name: string;
  language: string;
  erasedAt: Date;
  erasedById: string | null;
}

export interface ErasedUserFields extends ErasedFields {
  email: string;
  passwordHash: string;
}

/**
 * The one repository that writes other libs' tables (registrations' participant and code requests,
 * volunteers' trajectories, profiles and absences, auth's app_user, messaging's notification and
 * delivery_attempt). Erasure is a legal duty (GDPR art. 17): every trace of the person goes in ONE
 * transaction, or none does, and privacy-coverage.e2e-spec.ts checks that the list of tables below
 * is complete. Spreading it over each owner's API would make that list a chain of calls across
 * libs privacy may not even depend on (volunteers sits above it), with no single place to review.
 * Nothing else may copy this: other writes go through the owning lib.
 */
@Injectable()
export class PersonalDataErasureRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The participant's row locked for the erasure, with what identifies them (for the check of the reason); null when unknown. */
  async lockParticipant(participantId: string, tx: Transaction): Promise<(LockedSubject & { erased_at: Date | null; erased_by_id: string | null }) | null> {
    const [participant] = await tx.query<(LockedSubject & { erased_at: Date | null; erased_by_id: string | null })[]>(
      `SELECT erased_at, erased_by_id, ARRAY[first_name, last_name, email, phone] AS identifying FROM participant WHERE id = $1 FOR UPDATE`,
      [participantId],
    );
    return participant ?? null;
  }

  /** Self-registration requests count in no report: they go, before the phone that finds them does. */
  async deleteCodeRequestsOf(participantId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM registration_code_request q WHERE ${THEIR_CODE_REQUESTS('$1', '(SELECT phone FROM participant WHERE id = $1)')}`, [
      participantId,
    ]);
  }

  /** Their SMS replies may say anything: they go, before the phone that finds them does. */
  async deleteSmsRepliesOf(participantId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM sms_inbound i WHERE ${THEIR_SMS_REPLIES('$1', '(SELECT phone FROM participant WHERE id = $1)')}`, [participantId]);
  }

  /** Their registrations' personal links open nothing any more (only hashes are stored; the rows stay as the record). */
  async revokePersonalLinksOf(participantId: string, revokedAt: Date, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE registration_link SET revoked_at = $2, updated_at = now()
        WHERE revoked_at IS NULL AND registration_id IN (SELECT id FROM registration WHERE participant_id = $1)`,
      [participantId, revokedAt],
    );
  }

  /** The children a parent listed by name (the zomerschool): reports count them from registration.children, which stays. */
  async deleteChildrenOf(participantId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM registration_child c USING registration r WHERE r.id = c.registration_id AND r.participant_id = $1`, [participantId]);
  }

  /**
   * Kept: ids and links, registering organisation, referral channel (reports), created_at/by.
   * Consent is withdrawn, recorded as of now and by whoever erased. Then "looked like the same
   * person as <erased>" goes, which would still link a live record to them.
   */
  async anonymiseParticipant(participantId: string, fields: ErasedFields, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE participant
          SET first_name = $2, last_name = NULL, phone = NULL, email = NULL, preferred_language = $3, contact_channel = 'NONE',
              consent_to_contact = false, consent_recorded_at = $4, consent_recorded_by_id = $5, possible_duplicate_of_id = NULL,
              erased_at = $4, erased_by_id = $5, updated_at = now()
        WHERE id = $1`,
      [participantId, fields.name, fields.language, fields.erasedAt, fields.erasedById],
    );
    await tx.query(`UPDATE participant SET possible_duplicate_of_id = NULL, updated_at = now() WHERE possible_duplicate_of_id = $1`, [participantId]);
  }

  /** The notes of their trajectories, status changes and follow-ups (the rows stay: figures). */
  async emptyTrajectoryNotes(participantId: string, tx: Transaction): Promise<void> {
    const trajectories = `SELECT id FROM trajectory WHERE participant_id = $1`;
    await tx.query(`UPDATE trajectory SET notes = NULL, updated_at = now() WHERE participant_id = $1 AND notes IS NOT NULL`, [participantId]);
    await tx.query(`UPDATE trajectory_status_change SET note = NULL, updated_at = now() WHERE trajectory_id IN (${trajectories}) AND note IS NOT NULL`, [
      participantId,
    ]);
    await tx.query(
      `UPDATE trajectory_follow_up SET note = NULL, planned_note = NULL, updated_at = now() WHERE trajectory_id IN (${trajectories}) AND (note IS NOT NULL OR planned_note IS NOT NULL)`,
      [participantId],
    );
  }

  /** The user's row locked for the erasure; null when unknown. */
  async lockUser(userId: string, tx: Transaction): Promise<(LockedSubject & { roles: Role[]; erased_at: Date | null; erased_by_id: string | null }) | null> {
    const [user] = await tx.query<(LockedSubject & { roles: Role[]; erased_at: Date | null; erased_by_id: string | null })[]>(
      `SELECT roles::text[] AS roles, erased_at, erased_by_id,
              ARRAY[display_name, email, (SELECT v.phone FROM volunteer_profile v WHERE v.user_id = app_user.id)] AS identifying
         FROM app_user WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    return user ?? null;
  }

  /**
   * The account anonymised, deactivated and every token revoked; everything the volunteer profile
   * says about the person goes, the screening included (the empty row stays); periods away count in
   * no report, so they go.
   */
  async anonymiseUser(userId: string, fields: ErasedUserFields, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE app_user
          SET email = $2, display_name = $3, preferred_language = $4, password_hash = $5, active = false, token_version = token_version + 1,
              erased_at = $6, erased_by_id = $7, updated_at = now()
        WHERE id = $1`,
      [userId, fields.email, fields.name, fields.language, fields.passwordHash, fields.erasedAt, fields.erasedById],
    );
    await tx.query(
      `UPDATE volunteer_profile
          SET phone = NULL, neighbourhood = NULL, languages = '{}', skills = '{}', available_weekdays = '{}', available_dayparts = '{}',
              screening_status = 'NOT_REQUESTED', screening_date = NULL, trainings = '{}', calendar_token_hash = NULL, updated_at = now()
        WHERE user_id = $1`,
      [userId],
    );
    await tx.query(`DELETE FROM volunteer_absence WHERE user_id = $1`, [userId]);
  }

  /**
   * Pending messages to the person are cancelled, so nothing is sent after the erasure, and the
   * error texts of earlier deliveries go (a mail server's refusal quotes the address). The rows stay:
   * they are the message counts. Returns how many were cancelled.
   */
  async silenceNotifications(recipientColumn: 'participant_id' | 'user_id', id: string, because: string, tx: Transaction): Promise<number> {
    const theirs = `SELECT id FROM notification WHERE ${recipientColumn} = $1`;
    await tx.query(`UPDATE delivery_attempt SET error = NULL WHERE notification_id IN (${theirs}) AND error IS NOT NULL`, [id]);
    await tx.query(`UPDATE notification SET last_error = NULL, updated_at = now() WHERE ${recipientColumn} = $1 AND last_error IS NOT NULL`, [id]);
    // TypeORM answers an UPDATE with [rows, count].
    const [, cancelled] = (await tx.query(
      `UPDATE notification SET status = $2, last_error = $3, updated_at = now() WHERE ${recipientColumn} = $1 AND status = $4`,
      [id, NotificationStatus.CANCELLED, because, NotificationStatus.PENDING],
    )) as [unknown[], number];
    return cancelled;
  }
}

/** What an erasure of a participant would touch (see anonymiseParticipant and the rest above), counted. */
const PARTICIPANT_COUNTS = `
  SELECT p.erased_at IS NOT NULL AS erased,
         1 AS "personalDetails",
         ((SELECT count(*) FROM trajectory t WHERE t.participant_id = p.id AND t.notes IS NOT NULL)
          + (SELECT count(*) FROM trajectory_status_change c JOIN trajectory t ON t.id = c.trajectory_id WHERE t.participant_id = p.id AND c.note IS NOT NULL)
          + (SELECT count(*) FROM trajectory_follow_up f JOIN trajectory t ON t.id = f.trajectory_id WHERE t.participant_id = p.id AND f.note IS NOT NULL))::int AS notes,
         (SELECT count(*) FROM registration_code_request q WHERE ${THEIR_CODE_REQUESTS('p.id', 'p.phone')})::int AS "codeRequests",
         (SELECT count(*) FROM registration_child c JOIN registration r ON r.id = c.registration_id WHERE r.participant_id = p.id)::int AS children,
         (SELECT count(*) FROM notification n WHERE n.participant_id = p.id AND n.status = '${NotificationStatus.PENDING}')::int AS "pendingMessages",
         (SELECT count(*) FROM registration r WHERE r.participant_id = p.id)::int AS registrations,
         (SELECT count(*) FROM registration r WHERE r.participant_id = p.id AND r.status IN ('ATTENDED', 'NO_SHOW'))::int AS attendance,
         (SELECT count(*) FROM trajectory t WHERE t.participant_id = p.id)::int AS trajectories,
         (SELECT count(*) FROM notification n WHERE n.participant_id = p.id)::int AS messages
    FROM participant p WHERE p.id = $1`;

/** The same for a user (anonymiseUser). */
const USER_COUNTS = `
  SELECT u.erased_at IS NOT NULL AS erased,
         1 AS account,
         (SELECT count(*) FROM volunteer_profile v WHERE v.user_id = u.id)::int AS "volunteerProfile",
         (SELECT count(*) FROM volunteer_absence a WHERE a.user_id = u.id)::int AS absences,
         (SELECT count(*) FROM notification n WHERE n.user_id = u.id AND n.status = '${NotificationStatus.PENDING}')::int AS "pendingMessages",
         (SELECT count(*) FROM shift_assignment a WHERE a.volunteer_id = u.id)::int AS "shiftAssignments",
         (SELECT count(*) FROM session_host h WHERE h.user_id = u.id)::int AS "hostedSessions",
         (SELECT count(*) FROM trajectory t WHERE t.buddy_id = u.id)::int AS "buddyTrajectories",
         (SELECT count(*) FROM notification n WHERE n.user_id = u.id)::int AS messages
    FROM app_user u WHERE u.id = $1`;

/**
 * Reads the same tables the erasure writes, to say beforehand in numbers what it will remove and
 * what stays as anonymous counts; kept beside the erasure so the two lists change together.
 */
@Injectable()
export class ErasurePreviewRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** One row of counts by key; null when the person is unknown. */
  async counts(kind: 'participant' | 'user', id: string, tx?: Transaction): Promise<ErasureCounts | null> {
    const [row] = await this.on(tx).query<ErasureCounts[]>(kind === 'participant' ? PARTICIPANT_COUNTS : USER_COUNTS, [id]);
    return row ?? null;
  }
}
