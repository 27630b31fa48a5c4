import { Role } from '@app/common';
import { PARTICIPANT_ACCESS, PARTICIPANT_PATHS, ParticipantPath, ParticipantReach } from '../src/auth/participant-access';
import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { WHO, Who } from './scope-matrix';
import { CONFIRM_CODE, codeSentFor, REQUEST_CODE } from './self-registration-fixtures';
import { dataOf, GraphQLResult, startTestApi, TestApi } from './test-api';

/**
 * Who sees which participant field through which path, as the attack went: a host
 * registers another school's parent, and a newcomer signs up by SMS code, at a session of school A;
 * then every path × role is walked against PARTICIPANT_ACCESS (apps/api/src/auth/participant-access.ts).
 * School A's contact must read their first names on its attendance list, and nothing more.
 */

const ROLE_OF: Record<Exclude<Who, 'anonymous'>, Role> = {
  admin: Role.ADMIN,
  coordinator: Role.COORDINATOR,
  host: Role.HOST,
  otherHost: Role.HOST,
  schoolContact: Role.SCHOOL_CONTACT,
  otherSchoolContact: Role.SCHOOL_CONTACT,
  organiser: Role.FESTIVAL_ORGANISER,
  volunteer: Role.VOLUNTEER,
};

type Person = 'otherSchoolParent' | 'newcomer' | 'ownParent';
const PEOPLE: Person[] = ['otherSchoolParent', 'newcomer', 'ownParent'];

/** What the role reads of one participant through one path. */
type Seen = 'full' | 'firstName' | 'absent' | 'refused';

const FIELDS = `id firstName lastName phone email preferredLanguage contactChannel consentToContact referralChannel restricted noShowCount consecutiveNoShows flaggedForNoShows registeredByOrganisation { id } possibleDuplicateOf { id } consentRecordedBy { id } erasedAt`;

/** Who of the fixture world may see each person in full (ParticipantsService.visibleTo). */
const SEES_IN_FULL: Record<Person, Who[]> = {
  // Registered by school B at a session host hosts, then by host at school A's session.
  otherSchoolParent: ['admin', 'coordinator', 'host', 'otherSchoolContact'],
  // Signed up themself at school A's session (host hosts it); volunteer is their buddy.
  newcomer: ['admin', 'coordinator', 'host', 'volunteer'],
  // Registered by school A itself.
  ownParent: ['admin', 'coordinator', 'host', 'schoolContact'],
};
/** Responsible for school A's session: may read its registrations at all. */
const RESPONSIBLE: Who[] = ['admin', 'coordinator', 'host', 'schoolContact'];
const REGISTRATION_PATHS: ParticipantPath[] = ['session(id).registrations.participant', 'registration(id).participant', 'cancelRegistration(id)'];

function expected(path: ParticipantPath, who: Who, person: Person): Seen {
  if (who === 'anonymous') return 'refused';
  const reach: ParticipantReach = PARTICIPANT_ACCESS[path][ROLE_OF[who]];
  if (reach === 'NONE') return 'refused';
  if (REGISTRATION_PATHS.includes(path) && !RESPONSIBLE.includes(who)) return 'refused';
  const inFull = SEES_IN_FULL[person].includes(who);
  if (reach === 'ALL' || inFull) return 'full';
  return reach === 'IN_FULL' ? 'firstName' : 'absent';
}

describe('participant fields: every path × role', () => {
  let api: TestApi;
  let world: World;
  const people = {} as Record<Person, { id: string; firstName: string; phone: string; registrationId: string }>;
  let sessionId: string;
  let trajectoryId: string;
  let hour = 0;

  const tokenOf = (who: Who) => (who === 'anonymous' ? null : world.tokens[who]);
  const as =
    (who: Who) =>
    (query: string, variables: Record<string, unknown> = {}) =>
      api.gql(query, variables, tokenOf(who));
  const admin = (query: string, variables: Record<string, unknown> = {}) => as('admin')(query, variables).then(dataOf);
  const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id participant { id } } }`;
  const session = async (venueId: string, title: string): Promise<string> => {
    const start = Date.parse('2026-09-20T06:00:00Z') + (hour += 2) * 3_600_000;
    const times = { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() };
    return (await admin(CREATE_SESSION, { i: sessionInput(world, { title, venueId, hostIds: [world.userIds.host], ...times }) })).createSession.id;
  };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    sessionId = await session(world.schoolVenueId, 'Schoolbabbel De Vlieger');
    const schoolB = await session(world.otherSchoolVenueId, 'Schoolbabbel Sint-Jan');

    // School B registers its parent at its own session, which host hosts too...
    const parent = { firstName: 'Bilal', lastName: 'Bakkali', phone: '+32470550001', preferredLanguage: 'ar', contactChannel: 'SMS', consentToContact: true };
    const atB = dataOf(await as('otherSchoolContact')(REGISTER, { i: { sessionId: schoolB, participant: parent } })).registerParticipant;
    // ...and host registers that parent at school A's session.
    const atA = dataOf(await as('host')(REGISTER, { i: { sessionId, participantId: atB.participant.id } })).registerParticipant;
    people.otherSchoolParent = { id: atB.participant.id, firstName: 'Bilal', phone: parent.phone, registrationId: atA.id };

    // A newcomer signs up by SMS code at school A's session.
    const requested = dataOf(
      await api.gql(REQUEST_CODE, { i: { sessionId, firstName: 'Oksana', phone: '0470 55 00 02', preferredLanguage: 'uk' } }, null),
    ).requestRegistrationCode;
    const confirmed = dataOf(
      await api.gql(CONFIRM_CODE, { r: requested.requestId, c: await codeSentFor(api, requested.requestId) }, null),
    ).confirmRegistrationCode;
    const [{ participant_id: newcomerId }] = await api.dataSource.query<{ participant_id: string }[]>(`SELECT participant_id FROM registration WHERE id = $1`, [
      confirmed.id,
    ]);
    people.newcomer = { id: newcomerId, firstName: 'Oksana', phone: '+32470550002', registrationId: confirmed.id };

    // School A registers a parent of its own.
    const own = { firstName: 'Amina', lastName: 'El Idrissi', phone: '+32470550003', preferredLanguage: 'ar', contactChannel: 'SMS', consentToContact: true };
    const ownRegistration = dataOf(await as('schoolContact')(REGISTER, { i: { sessionId, participant: own } })).registerParticipant;
    people.ownParent = { id: ownRegistration.participant.id, firstName: 'Amina', phone: own.phone, registrationId: ownRegistration.id };

    // The newcomer gets a buddy, who handed in their certificate of good conduct.
    await admin(`mutation($v: ID!, $i: VolunteerProfileInput!) { saveVolunteerProfile(volunteerId: $v, input: $i) { id } }`, {
      v: world.userIds.volunteer,
      i: { screeningStatus: 'RECEIVED' },
    });
    trajectoryId = (
      await admin(`mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { id } }`, {
        i: { participantId: newcomerId, kind: 'BUDDY', referralChannel: 'SCHOOL', startsOn: '2026-09-01', buddyId: world.userIds.volunteer },
      })
    ).createTrajectory.id;
  });
  afterAll(() => api?.close());

  /** What came back of the person: their fields as read, null when not there, 'refused' on an error. */
  type Read = Record<string, unknown> | null | 'refused';
  const reads: Record<Exclude<ParticipantPath, 'cancelRegistration(id)'>, (who: Who, person: Person) => Promise<{ read: Read; result: GraphQLResult }>> = {
    'participants(search)': async (who, person) => {
      const result = await as(who)(`query($s: String) { participants(search: $s) { ${FIELDS} } }`, { s: people[person].firstName });
      return { result, read: result.errors ? 'refused' : (result.data!.participants.find((p: { id: string }) => p.id === people[person].id) ?? null) };
    },
    'participant(id)': async (who, person) => {
      const result = await as(who)(`query($id: ID!) { participant(id: $id) { ${FIELDS} } }`, { id: people[person].id });
      return { result, read: result.errors ? 'refused' : result.data!.participant };
    },
    'session(id).registrations.participant': async (who, person) => {
      const result = await as(who)(`query($id: ID!) { session(id: $id) { registrations { id participant { ${FIELDS} } } } }`, { id: sessionId });
      if (result.errors) return { result, read: 'refused' };
      const registration = result.data!.session.registrations.find((r: { id: string }) => r.id === people[person].registrationId);
      return { result, read: registration?.participant ?? null };
    },
    'registration(id).participant': async (who, person) => {
      const result = await as(who)(`query($id: ID!) { registration(id: $id) { id participant { ${FIELDS} } } }`, { id: people[person].registrationId });
      return { result, read: result.errors ? 'refused' : (result.data!.registration?.participant ?? null) };
    },
    'notifications.participant': async (who, person) => {
      const result = await as(who)(`query($p: ID) { notifications(filter: { participantId: $p }) { id participant { ${FIELDS} } } }`, { p: people[person].id });
      return { result, read: result.errors ? 'refused' : (result.data!.notifications[0]?.participant ?? null) };
    },
    'trajectory(id).participant': async (who) => {
      const result = await as(who)(`query($id: ID!) { trajectory(id: $id) { id participant { ${FIELDS} } } }`, { id: trajectoryId });
      return { result, read: result.errors ? 'refused' : (result.data!.trajectory?.participant ?? null) };
    },
    'exportPersonalData(participant)': async (who, person) => {
      const result = await as(who)(`query($p: ID!) { exportPersonalData(subject: { participantId: $p }) { document } }`, { p: people[person].id });
      const document = result.errors ? null : result.data!.exportPersonalData.document;
      const participant = document && (typeof document === 'string' ? JSON.parse(document) : document).participant;
      // The document keeps the database's column names.
      return {
        result,
        read: result.errors ? 'refused' : { id: participant.id, firstName: participant.first_name, phone: participant.phone, restricted: false },
      };
    },
  };

  /** Paths that do not reach every person: the trajectory is the newcomer's only. */
  const reaches = (path: ParticipantPath, person: Person) => path !== 'trajectory(id).participant' || person === 'newcomer';

  const cases = PARTICIPANT_PATHS.filter((path) => path !== 'cancelRegistration(id)').flatMap((path) =>
    WHO.flatMap((who) => PEOPLE.filter((person) => reaches(path, person)).map((person) => ({ path, who, person, seen: expected(path, who, person) }))),
  );

  test.each(cases)('$path as $who, of $person: $seen', async ({ path, who, person, seen }) => {
    const { read, result } = await reads[path as keyof typeof reads](who, person);
    const leaked = JSON.stringify(result.data ?? null);
    const { id, firstName, phone } = people[person];
    if (seen === 'full') {
      expect(read).toMatchObject({ id, firstName, phone, restricted: false });
      return;
    }
    // Nothing personal beyond the first name, wherever in the answer.
    expect(leaked).not.toContain(phone);
    expect(leaked).not.toContain(phone.slice(3));
    if (seen === 'firstName') {
      expect(read).toEqual({
        id,
        firstName,
        lastName: null,
        phone: null,
        email: null,
        preferredLanguage: 'und',
        contactChannel: 'NONE',
        consentToContact: false,
        referralChannel: null,
        restricted: true,
        noShowCount: 0,
        consecutiveNoShows: 0,
        flaggedForNoShows: false,
        registeredByOrganisation: null,
        possibleDuplicateOf: null,
        consentRecordedBy: null,
        erasedAt: null,
      });
    } else if (seen === 'absent') {
      expect(read).toBeNull();
      expect(leaked).not.toContain(firstName);
    } else {
      expect(
        read === 'refused' ||
          read === null ||
          (Array.isArray(result.data && Object.values(result.data)[0]) && (Object.values(result.data!)[0] as unknown[]).length === 0),
      ).toBe(true);
      if (read === 'refused') expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(result.errors![0].extensions?.code);
    }
  });

  describe('cancelRegistration', () => {
    /** A fresh registration of the person at a fresh session of school A, hosted by host. */
    const freshRegistration = async (person: Person): Promise<string> => {
      const fresh = await session(world.schoolVenueId, `Schoolbabbel ${person}`);
      return (await admin(REGISTER, { i: { sessionId: fresh, participantId: people[person].id } })).registerParticipant.id;
    };
    const statusOf = async (id: string) => (await api.dataSource.query<{ status: string }[]>(`SELECT status FROM registration WHERE id = $1`, [id]))[0].status;

    test.each(WHO.flatMap((who) => PEOPLE.map((person) => ({ who, person, seen: expected('cancelRegistration(id)', who, person) }))))(
      'as $who, for $person: $seen',
      async ({ who, person, seen }) => {
        const registrationId = await freshRegistration(person);
        const result = await as(who)(`mutation($id: ID!) { cancelRegistration(id: $id) { id status } }`, { id: registrationId });
        if (seen === 'full') {
          expect(dataOf(result).cancelRegistration.status).toBe('CANCELLED');
        } else {
          expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(result.errors?.[0]?.extensions?.code);
          expect(await statusOf(registrationId)).toBe('CONFIRMED');
        }
      },
    );
  });
});
