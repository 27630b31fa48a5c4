import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppError, Clock } from '@app/common';
import { AuditAction, AuditSubjectKind } from '../entities';
import { AuditLog } from '../audit/audit-log.service';
import { privacyPolicy } from '../privacy-policy';
import { personalDataSubject, PersonalDataSubject, PersonalDataSubjectCommand } from '../subject';

export interface PersonalDataExport {
  subject: PersonalDataSubject;
  exportedAt: Date;
  /** Every stored row about the person, column names as in the database (snake_case). */
  document: Record<string, unknown>;
}

/** Read to the person with the export, so they know what is not in it and why. */
const PARTICIPANT_NOTE =
  'Messages are sent to the phone number or e-mail address in "participant" at the time of sending; neither the address per message nor the message texts are stored.';
const USER_NOTE = 'The password is stored only as a one-way hash and is not exported; neither is the secret of the calendar feed (has_calendar_feed says whether one is active).';

/**
 * A newcomer's self-registration requests (first name, phone): the one that made a registration of
 * theirs, and every other one from their phone (a code never typed in is theirs all the same).
 */
export const THEIR_CODE_REQUESTS = (participantId: string, phone: string) =>
  `(q.registration_id IN (SELECT r.id FROM registration r WHERE r.participant_id = ${participantId}) OR (${phone} IS NOT NULL AND q.phone = ${phone}))`;

/** A JSON array of the rows a subquery yields, [] when none. */
const list = (subquery: string) => `coalesce((${subquery}), '[]'::jsonb)`;

/** Each row as it is stored (to_jsonb), so a column added later is exported without anyone remembering to. */
const PARTICIPANT_DOCUMENT = `
  SELECT jsonb_build_object(
    'participant', to_jsonb(p) || jsonb_build_object('registered_by_organisation', (SELECT o.name FROM organisation o WHERE o.id = p.registered_by_organisation_id)),
    'registrations', ${list(`
      SELECT jsonb_agg(to_jsonb(r) || jsonb_build_object('session', jsonb_build_object(
               'id', s.id, 'title', s.title, 'starts_at', s.starts_at, 'ends_at', s.ends_at, 'status', s.status, 'programme', pr.name, 'venue', v.name))
             ORDER BY s.starts_at, r.id)
        FROM registration r JOIN session s ON s.id = r.session_id JOIN programme pr ON pr.id = s.programme_id JOIN venue v ON v.id = s.venue_id
       WHERE r.participant_id = p.id`)},
    'attendance', ${list(`
      SELECT jsonb_agg(jsonb_build_object('registration_id', r.id, 'session_id', s.id, 'session_title', s.title, 'starts_at', s.starts_at, 'status', r.status,
                                          'marked_at', r.attendance_marked_at) ORDER BY s.starts_at, r.id)
        FROM registration r JOIN session s ON s.id = r.session_id
       WHERE r.participant_id = p.id AND r.status IN ('ATTENDED', 'NO_SHOW')`)},
    'registration_events', ${list(`SELECT jsonb_agg(to_jsonb(e) ORDER BY e.occurred_at, e.id) FROM registration_event e WHERE e.participant_id = p.id`)},
    'registration_code_requests', ${list(`
      SELECT jsonb_agg(to_jsonb(q) - 'code_hash' ORDER BY q.created_at, q.id) FROM registration_code_request q
       WHERE ${THEIR_CODE_REQUESTS('p.id', 'p.phone')}`)},
    'notifications', ${list(`
      SELECT jsonb_agg(to_jsonb(n) || jsonb_build_object('delivery_attempts',
               ${list(`SELECT jsonb_agg(to_jsonb(a) ORDER BY a.attempt) FROM delivery_attempt a WHERE a.notification_id = n.id`)}) ORDER BY n.due_at, n.id)
        FROM notification n WHERE n.participant_id = p.id`)},
    'trajectories', ${list(`
      SELECT jsonb_agg(to_jsonb(t) || jsonb_build_object(
               'history', ${list(`SELECT jsonb_agg(to_jsonb(c) ORDER BY c.created_at, c.id) FROM trajectory_status_change c WHERE c.trajectory_id = t.id`)},
               'follow_ups', ${list(`SELECT jsonb_agg(to_jsonb(f) ORDER BY f.recorded_on, f.id) FROM trajectory_follow_up f WHERE f.trajectory_id = t.id`)})
             ORDER BY t.starts_on, t.id)
        FROM trajectory t WHERE t.participant_id = p.id`)},
    'note', $2::text
  ) AS document
  FROM participant p WHERE p.id = $1`;

/** A user's own row without the secrets: the password hash, the token version and the calendar feed's hash never leave. */
const USER_DOCUMENT = `
  SELECT jsonb_build_object(
    'user', (to_jsonb(u) - 'password_hash' - 'token_version') || jsonb_build_object('organisation', (SELECT o.name FROM organisation o WHERE o.id = u.organisation_id)),
    'volunteer_profile', (SELECT (to_jsonb(v) - 'calendar_token_hash') || jsonb_build_object('has_calendar_feed', v.calendar_token_hash IS NOT NULL)
                            FROM volunteer_profile v WHERE v.user_id = u.id),
    'absences', ${list(`SELECT jsonb_agg(to_jsonb(a) ORDER BY a.starts_on, a.id) FROM volunteer_absence a WHERE a.user_id = u.id`)},
    'shift_assignments', ${list(`
      SELECT jsonb_agg(to_jsonb(a) || jsonb_build_object('shift', jsonb_build_object('id', s.id, 'title', s.title, 'role', s.role, 'status', s.status)) ORDER BY a.starts_at, a.id)
        FROM shift_assignment a JOIN shift s ON s.id = a.shift_id WHERE a.volunteer_id = u.id`)},
    'shift_swap_requests', ${list(`
      SELECT jsonb_agg(to_jsonb(r) || jsonb_build_object('asked_by_me', r.from_volunteer_id = u.id, 'shift', jsonb_build_object('id', s.id, 'title', s.title, 'starts_at', s.starts_at)) ORDER BY r.created_at, r.id)
        FROM shift_swap_request r JOIN shift s ON s.id = r.shift_id WHERE u.id IN (r.from_volunteer_id, r.to_volunteer_id)`)},
    'buddy_of_trajectories', ${list(`
      SELECT jsonb_agg(jsonb_build_object('id', t.id, 'kind', t.kind, 'status', t.status, 'starts_on', t.starts_on, 'ends_on', t.ends_on) ORDER BY t.starts_on, t.id)
        FROM trajectory t WHERE t.buddy_id = u.id`)},
    'notifications', ${list(`
      SELECT jsonb_agg(to_jsonb(n) || jsonb_build_object('delivery_attempts',
               ${list(`SELECT jsonb_agg(to_jsonb(a) ORDER BY a.attempt) FROM delivery_attempt a WHERE a.notification_id = n.id`)}) ORDER BY n.due_at, n.id)
        FROM notification n WHERE n.user_id = u.id`)},
    'note', $2::text
  ) AS document
  FROM app_user u WHERE u.id = $1`;

/**
 * Everything stored about one person, as one JSON document for a subject access request (GDPR
 * art. 15). Built in one statement (one consistent snapshot) and recorded as an EXPORT in the same
 * transaction: no export leaves without its audit entry.
 */
@Injectable()
export class PersonalDataExporter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async exportPersonalData(actor: Actor | null, command: PersonalDataSubjectCommand): Promise<PersonalDataExport> {
    const coordinator = privacyPolicy.requireCoordinator(actor, 'export personal data');
    const subject = personalDataSubject(command);
    return this.dataSource.transaction(async (manager) => {
      const document = await documentOf(manager, subject);
      await this.audit.record(manager, { action: AuditAction.EXPORT, subjectKind: subject.kind, subjectId: subject.id, actorUserId: coordinator.userId });
      return { subject, exportedAt: this.clock.now(), document };
    });
  }
}

async function documentOf(manager: EntityManager, subject: PersonalDataSubject): Promise<Record<string, unknown>> {
  const participant = subject.kind === AuditSubjectKind.PARTICIPANT;
  const [row] = await manager.query<{ document: Record<string, unknown> }[]>(participant ? PARTICIPANT_DOCUMENT : USER_DOCUMENT, [subject.id, participant ? PARTICIPANT_NOTE : USER_NOTE]);
  if (!row) throw AppError.notFound(participant ? 'Participant' : 'User', subject.id);
  return row.document;
}
