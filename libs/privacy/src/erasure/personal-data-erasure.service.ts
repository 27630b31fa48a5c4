import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppError, Clock, ErrorCode, hasAnyRole, validate, Role } from '@app/common';
import { AuditAction, AuditSubjectKind } from '../entities';
import { NotificationStatus } from '@app/messaging';
import { AuditLog } from '../audit/audit-log.service';
import { THEIR_CODE_REQUESTS } from '../export/personal-data-export.service';
import { privacyPolicy } from '../privacy-policy';
import { personalDataSubject, PersonalDataSubject, PersonalDataSubjectCommand } from '../subject';

/** What erased names read as, everywhere they are shown (hosts' lists, reports, the audit log's actors). */
export const ERASED_NAME = 'Gewist';
/** BCP 47 "undetermined": the language was personal too, and no report counts by it. */
export const ERASED_LANGUAGE = 'und';
/** A user's unique e-mail becomes an address that cannot receive mail (.invalid, RFC 2606). */
export const erasedEmailOf = (userId: string) => `erased-${userId}@erased.invalid`;
/** Not an argon2 hash: no password matches it. */
const UNUSABLE_PASSWORD_HASH = '!erased';
/** Why a pending message was cancelled, in the row coordinators see. */
const CANCELLED_BECAUSE = 'the person’s data was erased';

export interface Erasure {
  subject: PersonalDataSubject;
  erasedAt: Date;
  /** Null when the retention job erased them. */
  erasedById: string | null;
  /** Erased before: nothing changed this time. */
  alreadyErased: boolean;
  /** Pending messages to them that will not be sent. */
  cancelledNotifications: number;
}

/**
 * Erasure on request (GDPR art. 17) and by retention: the person's personal fields are anonymised
 * in one transaction while every row and foreign key stays, so registrations, attendance,
 * trajectories and shifts still count in the reports. Pending messages to them are cancelled.
 * Erasing someone already erased changes nothing and says so (alreadyErased).
 */
@Injectable()
export class PersonalDataErasure {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async erasePersonalData(actor: Actor | null, command: PersonalDataSubjectCommand, reason: string): Promise<Erasure> {
    const coordinator = privacyPolicy.requireCoordinator(actor, 'erase personal data');
    const subject = personalDataSubject(command);
    const why = validate.text('reason', reason, { max: 500 });
    return subject.kind === AuditSubjectKind.PARTICIPANT ? this.eraseParticipant(subject.id, coordinator, why) : this.eraseUser(subject.id, coordinator, why);
  }

  /** The one way a participant is erased: on request (a coordinator) or by the retention job (erasedBy null). */
  async eraseParticipant(participantId: string, erasedBy: Actor | null, reason: string): Promise<Erasure> {
    const subject: PersonalDataSubject = { kind: AuditSubjectKind.PARTICIPANT, id: participantId };
    return this.dataSource.transaction(async (manager) => {
      const [participant] = await manager.query<{ erased_at: Date | null; erased_by_id: string | null }[]>(
        `SELECT erased_at, erased_by_id FROM participant WHERE id = $1 FOR UPDATE`,
        [participantId],
      );
      if (!participant) throw AppError.notFound('Participant', participantId);
      if (participant.erased_at) return { subject, erasedAt: participant.erased_at, erasedById: participant.erased_by_id, alreadyErased: true, cancelledNotifications: 0 };
      const now = this.clock.now();
      const erasedById = erasedBy?.userId ?? null;
      // Self-registration requests count in no report: they go, before the phone that finds them does.
      await manager.query(`DELETE FROM registration_code_request q WHERE ${THEIR_CODE_REQUESTS('$1', '(SELECT phone FROM participant WHERE id = $1)')}`, [participantId]);
      // Kept: ids and links, registering organisation, referral channel (reports), created_at/by.
      // Consent is withdrawn, recorded as of now and by whoever erased.
      await manager.query(
        `UPDATE participant
            SET first_name = $2, last_name = NULL, phone = NULL, email = NULL, preferred_language = $3, contact_channel = 'NONE',
                consent_to_contact = false, consent_recorded_at = $4, consent_recorded_by_id = $5, possible_duplicate_of_id = NULL,
                erased_at = $4, erased_by_id = $5, updated_at = now()
          WHERE id = $1`,
        [participantId, ERASED_NAME, ERASED_LANGUAGE, now, erasedById],
      );
      // "Looked like the same person as <erased>" would still link a live record to them.
      await manager.query(`UPDATE participant SET possible_duplicate_of_id = NULL, updated_at = now() WHERE possible_duplicate_of_id = $1`, [participantId]);
      const trajectories = `SELECT id FROM trajectory WHERE participant_id = $1`;
      await manager.query(`UPDATE trajectory SET notes = NULL, updated_at = now() WHERE participant_id = $1 AND notes IS NOT NULL`, [participantId]);
      await manager.query(`UPDATE trajectory_status_change SET note = NULL, updated_at = now() WHERE trajectory_id IN (${trajectories}) AND note IS NOT NULL`, [participantId]);
      await manager.query(`UPDATE trajectory_follow_up SET note = NULL, updated_at = now() WHERE trajectory_id IN (${trajectories}) AND note IS NOT NULL`, [participantId]);
      const cancelledNotifications = await silenceNotifications(manager, 'participant_id', participantId);
      await this.audit.record(manager, { action: AuditAction.ERASE, subjectKind: subject.kind, subjectId: participantId, actorUserId: erasedById, reason });
      return { subject, erasedAt: now, erasedById, alreadyErased: false, cancelledNotifications };
    });
  }

  /**
   * A volunteer's or staff member's account: anonymised, deactivated and every token revoked. Their
   * shifts, hosted sessions and buddy trajectories stay (figures), under the name "Gewist".
   */
  private async eraseUser(userId: string, erasedBy: Actor, reason: string): Promise<Erasure> {
    if (userId === erasedBy.userId) throw new AppError(ErrorCode.CONFLICT, 'You cannot erase your own account; ask another coordinator or an admin');
    const subject: PersonalDataSubject = { kind: AuditSubjectKind.USER, id: userId };
    return this.dataSource.transaction(async (manager) => {
      const [user] = await manager.query<{ roles: Role[]; erased_at: Date | null; erased_by_id: string | null }[]>(
        `SELECT roles::text[] AS roles, erased_at, erased_by_id FROM app_user WHERE id = $1 FOR UPDATE`,
        [userId],
      );
      if (!user) throw AppError.notFound('User', userId);
      if (user.roles.includes(Role.ADMIN) && !hasAnyRole(erasedBy, Role.ADMIN)) throw AppError.forbidden('Only an admin erases an admin');
      if (user.erased_at) return { subject, erasedAt: user.erased_at, erasedById: user.erased_by_id, alreadyErased: true, cancelledNotifications: 0 };
      const now = this.clock.now();
      await manager.query(
        `UPDATE app_user
            SET email = $2, display_name = $3, preferred_language = $4, password_hash = $5, active = false, token_version = token_version + 1,
                erased_at = $6, erased_by_id = $7, updated_at = now()
          WHERE id = $1`,
        [userId, erasedEmailOf(userId), ERASED_NAME, ERASED_LANGUAGE, UNUSABLE_PASSWORD_HASH, now, erasedBy.userId],
      );
      // Everything the profile says about the person goes, the screening included; the empty row stays.
      await manager.query(
        `UPDATE volunteer_profile
            SET phone = NULL, neighbourhood = NULL, languages = '{}', skills = '{}', available_weekdays = '{}', available_dayparts = '{}',
                screening_status = 'NOT_REQUESTED', screening_date = NULL, trainings = '{}', calendar_token_hash = NULL, updated_at = now()
          WHERE user_id = $1`,
        [userId],
      );
      // Periods away count in no report: they go.
      await manager.query(`DELETE FROM volunteer_absence WHERE user_id = $1`, [userId]);
      const cancelledNotifications = await silenceNotifications(manager, 'user_id', userId);
      await this.audit.record(manager, { action: AuditAction.ERASE, subjectKind: subject.kind, subjectId: userId, actorUserId: erasedBy.userId, reason });
      return { subject, erasedAt: now, erasedById: erasedBy.userId, alreadyErased: false, cancelledNotifications };
    });
  }
}

/**
 * Pending messages to the person are cancelled, so nothing is sent after the erasure, and the
 * error texts of earlier deliveries go (a mail server's refusal quotes the address). The rows stay:
 * they are the message counts.
 */
async function silenceNotifications(manager: EntityManager, recipientColumn: 'participant_id' | 'user_id', id: string): Promise<number> {
  const theirs = `SELECT id FROM notification WHERE ${recipientColumn} = $1`;
  await manager.query(`UPDATE delivery_attempt SET error = NULL WHERE notification_id IN (${theirs}) AND error IS NOT NULL`, [id]);
  await manager.query(`UPDATE notification SET last_error = NULL, updated_at = now() WHERE ${recipientColumn} = $1 AND last_error IS NOT NULL`, [id]);
  // TypeORM answers an UPDATE with [rows, count].
  const [, cancelled] = (await manager.query(`UPDATE notification SET status = $2, last_error = $3, updated_at = now() WHERE ${recipientColumn} = $1 AND status = $4`, [
    id,
    NotificationStatus.CANCELLED,
    CANCELLED_BECAUSE,
    NotificationStatus.PENDING,
  ])) as [unknown[], number];
  return cancelled;
}
