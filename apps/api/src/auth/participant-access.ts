import { Role } from '@app/common';

/**
 * Who reads which participant field through which path of the API: the companion of
 * ACCESS_MATRIX for the most personal data we hold. Every path goes through one rule in the
 * registrations library (ParticipantsService.visibleTo / viewsFor): a role sees a participant in
 * full only where that rule allows; where it is responsible for a registration of someone else it
 * reads the first name, for its attendance list, and nothing more.
 *
 * `npm run docs:access` writes this table into the README; apps/api/test/participant-access.e2e-spec.ts
 * walks every path × role against it.
 */

/**
 * ALL: every field of everyone on the path. IN_FULL: every field of those the role may see in full,
 * the first name only (`restricted: true`) of the others. VISIBLE: those it may see in full, the
 * others are left out (null, or not in the list). NONE: refused (FORBIDDEN / UNAUTHENTICATED) or empty.
 */
export type ParticipantReach = 'ALL' | 'IN_FULL' | 'VISIBLE' | 'NONE';

/** The fields anyone responsible for a registration reads of its participant (anonymous: a walk-in without a name). */
export const ATTENDANCE_LIST_FIELDS = ['id', 'firstName', 'anonymous', 'restricted'] as const;

/** The fields only who may see the participant in full reads. */
export const PERSONAL_FIELDS = [
  'lastName',
  'phone',
  'email',
  'preferredLanguage',
  'contactChannel',
  'consentToContact',
  'consentRecordedAt',
  'consentRecordedBy',
  'referralChannel',
  'registeredByOrganisation',
  'noShowCount',
  'consecutiveNoShows',
  'flaggedForNoShows',
  'possibleDuplicateOf',
  'erasedAt',
] as const;

/** Who the role may see in full (visibleTo), for the README. */
export const SEES_IN_FULL: Readonly<Record<Role, string>> = {
  [Role.ADMIN]: 'everyone',
  [Role.COORDINATOR]: 'everyone',
  [Role.HOST]: 'people they entered, and everyone registered at a session they host',
  [Role.SCHOOL_CONTACT]: 'people their school registered',
  [Role.VOLUNTEER]: 'the newcomers of the trajectories they are the buddy of',
  [Role.FESTIVAL_ORGANISER]: 'nobody',
};

export const PARTICIPANT_PATHS = [
  'participants(search)',
  'participant(id)',
  'session(id).registrations.participant',
  'registration(id).participant',
  'cancelRegistration(id)',
  'notifications.participant',
  'trajectory(id).participant',
  'exportPersonalData(participant)',
] as const;
export type ParticipantPath = (typeof PARTICIPANT_PATHS)[number];

const { ADMIN, COORDINATOR, HOST, SCHOOL_CONTACT, VOLUNTEER, FESTIVAL_ORGANISER } = Role;
export const PARTICIPANT_ROLES = [ADMIN, COORDINATOR, HOST, SCHOOL_CONTACT, VOLUNTEER, FESTIVAL_ORGANISER] as const;

/**
 * Per path and role. The registration paths are limited to sessions the role is responsible for
 * (ACCESS_MATRIX and registrationPolicy); cancelRegistration's IN_FULL means: it cancels for those
 * it sees in full and is refused (FORBIDDEN, nothing changed) for the others.
 */
// prettier-ignore
export const PARTICIPANT_ACCESS: Readonly<Record<ParticipantPath, Readonly<Record<Role, ParticipantReach>>>> = {
  'participants(search)':                   { ADMIN: 'ALL', COORDINATOR: 'ALL', HOST: 'VISIBLE', SCHOOL_CONTACT: 'VISIBLE', VOLUNTEER: 'VISIBLE', FESTIVAL_ORGANISER: 'NONE' },
  'participant(id)':                        { ADMIN: 'ALL', COORDINATOR: 'ALL', HOST: 'VISIBLE', SCHOOL_CONTACT: 'VISIBLE', VOLUNTEER: 'VISIBLE', FESTIVAL_ORGANISER: 'NONE' },
  'session(id).registrations.participant':  { ADMIN: 'ALL', COORDINATOR: 'ALL', HOST: 'IN_FULL', SCHOOL_CONTACT: 'IN_FULL', VOLUNTEER: 'NONE', FESTIVAL_ORGANISER: 'NONE' },
  'registration(id).participant':           { ADMIN: 'ALL', COORDINATOR: 'ALL', HOST: 'IN_FULL', SCHOOL_CONTACT: 'IN_FULL', VOLUNTEER: 'NONE', FESTIVAL_ORGANISER: 'NONE' },
  'cancelRegistration(id)':                 { ADMIN: 'ALL', COORDINATOR: 'ALL', HOST: 'IN_FULL', SCHOOL_CONTACT: 'IN_FULL', VOLUNTEER: 'NONE', FESTIVAL_ORGANISER: 'NONE' },
  'notifications.participant':              { ADMIN: 'ALL', COORDINATOR: 'ALL', HOST: 'NONE', SCHOOL_CONTACT: 'NONE', VOLUNTEER: 'NONE', FESTIVAL_ORGANISER: 'NONE' },
  'trajectory(id).participant':             { ADMIN: 'ALL', COORDINATOR: 'ALL', HOST: 'NONE', SCHOOL_CONTACT: 'NONE', VOLUNTEER: 'VISIBLE', FESTIVAL_ORGANISER: 'NONE' },
  'exportPersonalData(participant)':        { ADMIN: 'ALL', COORDINATOR: 'ALL', HOST: 'NONE', SCHOOL_CONTACT: 'NONE', VOLUNTEER: 'NONE', FESTIVAL_ORGANISER: 'NONE' },
};

const REACH_TEXT: Record<ParticipantReach, string> = {
  ALL: 'all fields',
  IN_FULL: 'in full*, others first name',
  VISIBLE: 'in full*, others left out',
  NONE: '—',
};
const ACTION_TEXT: Record<ParticipantReach, string> = {
  ALL: 'for everyone',
  IN_FULL: 'for those in full*, others FORBIDDEN',
  VISIBLE: 'for those in full*',
  NONE: '—',
};

/** PARTICIPANT_ACCESS as a Markdown table, with who each role sees in full (the `*`). */
export function participantAccessMarkdown(): string {
  const header = `| Path | ${PARTICIPANT_ROLES.join(' | ')} |`;
  const rule = `|---|${PARTICIPANT_ROLES.map(() => '---').join('|')}|`;
  const text = (path: ParticipantPath, reach: ParticipantReach) => (path.startsWith('cancel') ? ACTION_TEXT : REACH_TEXT)[reach];
  const rows = PARTICIPANT_PATHS.map((path) => `| \`${path}\` | ${PARTICIPANT_ROLES.map((role) => text(path, PARTICIPANT_ACCESS[path][role])).join(' | ')} |`);
  const full = PARTICIPANT_ROLES.map((role) => `${role}: ${SEES_IN_FULL[role]}`).join('; ');
  return [
    header,
    rule,
    ...rows,
    '',
    `\\* in full: ${full}. The first name only: \`${ATTENDANCE_LIST_FIELDS.join('`, `')}\` (\`restricted: true\`); ${PERSONAL_FIELDS.map((f) => `\`${f}\``).join(', ')} are empty.`,
  ].join('\n');
}
