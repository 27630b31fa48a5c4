import { AppError, validate } from '@app/common';
import { AuditSubjectKind } from './entities';

/** Whose data to export or erase, as the API gives it: exactly one of the two ids. */
export interface PersonalDataSubjectCommand {
  participantId?: string | null;
  userId?: string | null;
}

/** A participant (newcomer, parent) or a user (volunteer or staff). */
export interface PersonalDataSubject {
  kind: AuditSubjectKind.PARTICIPANT | AuditSubjectKind.USER;
  id: string;
}

export function personalDataSubject(command: PersonalDataSubjectCommand): PersonalDataSubject {
  const { participantId, userId } = command;
  if ((participantId == null) === (userId == null)) throw AppError.badInput('subject needs exactly one of participantId and userId', 'subject');
  return participantId != null
    ? { kind: AuditSubjectKind.PARTICIPANT, id: validate.uuid('subject.participantId', participantId) }
    : { kind: AuditSubjectKind.USER, id: validate.uuid('subject.userId', userId!) };
}
