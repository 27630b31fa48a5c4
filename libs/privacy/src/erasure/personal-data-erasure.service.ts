import { Injectable } from '@nestjs/common';
import { Actor, AppError, Clock, ErrorCode, hasAnyRole, validate, Role } from '@app/common';
import { Transactions } from '@app/database';
import { AuditLog } from '../audit/audit-log.service';
import { AuditAction, AuditSubjectKind } from '../entities';
import { privacyPolicy } from '../privacy-policy';
import { personalDataSubject, PersonalDataSubject, PersonalDataSubjectCommand } from '../subject';
import { ErasurePreview, erasurePreviewOf, PARTICIPANT_KEPT, PARTICIPANT_REMOVED, USER_KEPT, USER_REMOVED } from './erasure-preview';
import { ErasurePreviewRepository, PersonalDataErasureRepository } from './personal-data-erasure.repository';

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

/** The shortest name part that counts: "Li" in a reason is too likely another word. */
const MIN_NAME_LENGTH = 3;
/** Parts of many names that are words of a reason too ("verzoek van …"). */
const NAME_PARTICLES = new Set(['van', 'der', 'den', 'ter', 'ten', 'von', 'les', 'des', 'del', 'bin', 'ben', 'abu']);
/** A phone's last digits are what a reason would quote, whatever the format ("0470 12 34 56", "+32470123456"). */
const PHONE_DIGITS = 8;

/**
 * The reason outlives the person in the audit log, so it may not name them: a reason that contains
 * their name, e-mail address or phone number is refused (the coordinator writes e.g. a ticket number).
 */
function refuseIdentifyingReason(reason: string, identifying: readonly (string | null)[]): void {
  const words = new Set(reason.toLocaleLowerCase().split(/[^\p{L}\p{N}@._-]+/u));
  const digits = reason.replace(/\D/g, '');
  const names = identifying
    .flatMap((value) =>
      value
        ? value
            .toLocaleLowerCase()
            .split(/[\s,]+/)
            .flatMap((part) => [part, ...part.split('-')])
        : [],
    )
    .filter((part) => part.length >= MIN_NAME_LENGTH && !NAME_PARTICLES.has(part) && !/^\+?\d+$/.test(part));
  const phones = identifying
    .map((value) => (value && /^\+?[\d\s]+$/.test(value) ? value.replace(/\D/g, '').slice(-PHONE_DIGITS) : ''))
    .filter((tail) => tail.length === PHONE_DIGITS);
  if (names.some((name) => words.has(name)) || phones.some((tail) => digits.includes(tail)))
    throw AppError.badInput('The reason stays in the audit log after the erasure: write no name, e-mail address or phone number of the person in it', 'reason');
}

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
    private readonly transactions: Transactions,
    private readonly repository: PersonalDataErasureRepository,
    private readonly previews: ErasurePreviewRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async erasePersonalData(actor: Actor | null, command: PersonalDataSubjectCommand, reason: string): Promise<Erasure> {
    const coordinator = privacyPolicy.requireCoordinator(actor, 'erase personal data');
    const subject = personalDataSubject(command);
    const why = validate.text('reason', reason, { max: 500 });
    return subject.kind === AuditSubjectKind.PARTICIPANT ? this.eraseParticipant(subject.id, coordinator, why) : this.eraseUser(subject.id, coordinator, why);
  }

  /** What erasePersonalData would remove and keep, in numbers, for its confirmation; the same people may ask. */
  async previewErasure(actor: Actor | null, command: PersonalDataSubjectCommand): Promise<ErasurePreview> {
    privacyPolicy.requireCoordinator(actor, 'preview an erasure');
    const subject = personalDataSubject(command);
    const participant = subject.kind === AuditSubjectKind.PARTICIPANT;
    const counts = await this.previews.counts(participant ? 'participant' : 'user', subject.id);
    if (!counts) throw AppError.notFound(participant ? 'Participant' : 'User', subject.id);
    return participant ? erasurePreviewOf(subject, counts, PARTICIPANT_REMOVED, PARTICIPANT_KEPT) : erasurePreviewOf(subject, counts, USER_REMOVED, USER_KEPT);
  }

  /** The one way a participant is erased: on request (a coordinator) or by the retention job (erasedBy null). */
  async eraseParticipant(participantId: string, erasedBy: Actor | null, reason: string): Promise<Erasure> {
    const subject: PersonalDataSubject = { kind: AuditSubjectKind.PARTICIPANT, id: participantId };
    return this.transactions.run(async (tx) => {
      const participant = await this.repository.lockParticipant(participantId, tx);
      if (!participant) throw AppError.notFound('Participant', participantId);
      if (participant.erased_at)
        return { subject, erasedAt: participant.erased_at, erasedById: participant.erased_by_id, alreadyErased: true, cancelledNotifications: 0 };
      // The retention job's reason is a fixed word, whatever the person is called.
      if (erasedBy) refuseIdentifyingReason(reason, participant.identifying);
      const now = this.clock.now();
      const erasedById = erasedBy?.userId ?? null;
      await this.repository.deleteCodeRequestsOf(participantId, tx);
      await this.repository.deleteSmsRepliesOf(participantId, tx);
      await this.repository.revokePersonalLinksOf(participantId, now, tx);
      await this.repository.deleteChildrenOf(participantId, tx);
      await this.repository.anonymiseParticipant(participantId, { name: ERASED_NAME, language: ERASED_LANGUAGE, erasedAt: now, erasedById }, tx);
      await this.repository.emptyTrajectoryNotes(participantId, tx);
      const cancelledNotifications = await this.repository.silenceNotifications('participant_id', participantId, CANCELLED_BECAUSE, tx);
      await this.audit.record(tx, { action: AuditAction.ERASE, subjectKind: subject.kind, subjectId: participantId, actorUserId: erasedById, reason });
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
    return this.transactions.run(async (tx) => {
      const user = await this.repository.lockUser(userId, tx);
      if (!user) throw AppError.notFound('User', userId);
      if (user.roles.includes(Role.ADMIN) && !hasAnyRole(erasedBy, Role.ADMIN)) throw AppError.forbidden('Only an admin erases an admin');
      if (user.erased_at) return { subject, erasedAt: user.erased_at, erasedById: user.erased_by_id, alreadyErased: true, cancelledNotifications: 0 };
      refuseIdentifyingReason(reason, user.identifying);
      const now = this.clock.now();
      await this.repository.anonymiseUser(
        userId,
        {
          email: erasedEmailOf(userId),
          name: ERASED_NAME,
          language: ERASED_LANGUAGE,
          passwordHash: UNUSABLE_PASSWORD_HASH,
          erasedAt: now,
          erasedById: erasedBy.userId,
        },
        tx,
      );
      const cancelledNotifications = await this.repository.silenceNotifications('user_id', userId, CANCELLED_BECAUSE, tx);
      await this.audit.record(tx, { action: AuditAction.ERASE, subjectKind: subject.kind, subjectId: userId, actorUserId: erasedBy.userId, reason });
      return { subject, erasedAt: now, erasedById: erasedBy.userId, alreadyErased: false, cancelledNotifications };
    });
  }
}
