import { Injectable } from '@nestjs/common';
import { Actor, AppError, Clock } from '@app/common';
import { Transactions } from '@app/database';
import { AuditLog } from '../audit/audit-log.service';
import { AuditAction, AuditSubjectKind } from '../entities';
import { privacyPolicy } from '../privacy-policy';
import { personalDataSubject, PersonalDataSubject, PersonalDataSubjectCommand } from '../subject';
import { PersonalDataExportRepository } from './personal-data-export.repository';

export { THEIR_CODE_REQUESTS } from './personal-data-export.repository';

export interface PersonalDataExport {
  subject: PersonalDataSubject;
  exportedAt: Date;
  /** Every stored row about the person, column names as in the database (snake_case). */
  document: Record<string, unknown>;
}

/** Read to the person with the export, so they know what is not in it and why. */
const PARTICIPANT_NOTE =
  'Messages are sent to the phone number or e-mail address in "participant" at the time of sending; neither the address per message nor the message texts are stored.';
const USER_NOTE =
  'The password is stored only as a one-way hash and is not exported; neither is the secret of the calendar feed (has_calendar_feed says whether one is active).';

/**
 * Everything stored about one person, as one JSON document for a subject access request (GDPR
 * art. 15). Built in one statement (one consistent snapshot) and recorded as an EXPORT in the same
 * transaction: no export leaves without its audit entry.
 */
@Injectable()
export class PersonalDataExporter {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: PersonalDataExportRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async exportPersonalData(actor: Actor | null, command: PersonalDataSubjectCommand): Promise<PersonalDataExport> {
    const coordinator = privacyPolicy.requireCoordinator(actor, 'export personal data');
    const subject = personalDataSubject(command);
    return this.transactions.run(async (tx) => {
      const participant = subject.kind === AuditSubjectKind.PARTICIPANT;
      const document = await this.repository.document(subject, participant ? PARTICIPANT_NOTE : USER_NOTE, tx);
      if (!document) throw AppError.notFound(participant ? 'Participant' : 'User', subject.id);
      await this.audit.record(tx, { action: AuditAction.EXPORT, subjectKind: subject.kind, subjectId: subject.id, actorUserId: coordinator.userId });
      return { subject, exportedAt: this.clock.now(), document };
    });
  }
}
