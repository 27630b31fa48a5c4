import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { AuditSubjectKind } from '../entities';
import type { PersonalDataSubject } from '../subject';

/**
 * A newcomer's self-registration requests (first name, phone): the one that made a registration of
 * theirs, and every other one from their phone (a code never typed in is theirs all the same).
 */
export const THEIR_CODE_REQUESTS = (participantId: string, phone: string) =>
  `(q.registration_id IN (SELECT r.id FROM registration r WHERE r.participant_id = ${participantId}) OR (${phone} IS NOT NULL AND q.phone = ${phone}))`;

/** The SMS replies about a participant, and every other one from their phone. */
export const THEIR_SMS_REPLIES = (participantId: string, phone: string) =>
  `(i.participant_id = ${participantId} OR (${phone} IS NOT NULL AND i.from_phone = ${phone}))`;

/** A JSON array of the rows a subquery yields, [] when none. */
const list = (subquery: string) => `coalesce((${subquery}), '[]'::jsonb)`;

/** Each row as it is stored (to_jsonb), so a column added later is exported without anyone remembering to. */
const PARTICIPANT_DOCUMENT = `
  SELECT jsonb_build_object(
    'participant', to_jsonb(p) || jsonb_build_object('registered_by_organisation', (SELECT o.name FROM organisation o WHERE o.id = p.registered_by_organisation_id)),
    'registrations', ${list(`
      SELECT jsonb_agg(to_jsonb(r) || jsonb_build_object('session', jsonb_build_object(
               'id', s.id, 'title', s.title, 'starts_at', s.starts_at, 'ends_at', s.ends_at, 'status', s.status, 'programme', pr.name, 'venue', v.name),
               'children', ${list(`SELECT jsonb_agg(to_jsonb(c) ORDER BY c.position) FROM registration_child c WHERE c.registration_id = r.id`)})
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
    'sms_replies', ${list(`
      SELECT jsonb_agg(to_jsonb(i) ORDER BY i.received_at, i.id) FROM sms_inbound i WHERE ${THEIR_SMS_REPLIES('p.id', 'p.phone')}`)},
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
    'consent_records', ${list(`SELECT jsonb_agg(to_jsonb(c) ORDER BY c.recorded_at, c.id) FROM consent_record c WHERE c.participant_id = p.id`)},
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
 * Reads every lib's rows about one person (participant, registrations, trajectories, shifts,
 * notifications…), some of them from libs above privacy: the export must be complete by law
 * (GDPR art. 15) and one statement, one consistent snapshot; it only reads. The erasure repository
 * says why privacy is the one lib that also writes them.
 */
@Injectable()
export class PersonalDataExportRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The person's document, with the note to them at 'note'; null when they are unknown. */
  async document(subject: PersonalDataSubject, note: string, tx?: Transaction): Promise<Record<string, unknown> | null> {
    const participant = subject.kind === AuditSubjectKind.PARTICIPANT;
    const [row] = await this.on(tx).query<{ document: Record<string, unknown> }[]>(participant ? PARTICIPANT_DOCUMENT : USER_DOCUMENT, [subject.id, note]);
    return row?.document ?? null;
  }
}
