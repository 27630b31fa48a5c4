import { CREATE_SESSION, createWorld, FixtureRole, sessionInput, World } from './fixtures';
import { dataOf, errorOf, GraphQLResult, startTestApi, tableSnapshot, TestApi } from './test-api';
import { ADD_ABSENCE, brussels, createShift, SAVE_PROFILE, SIGN_UP } from './volunteer-fixtures';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status participant { id consentToContact consentRecordedAt consentRecordedBy { id } } } }`;
const MARK_ATTENDANCE = `mutation($r: ID!, $a: Boolean!) { markAttendance(registrationId: $r, attended: $a) { id status } }`;
const CREATE_TRAJECTORY = `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { id } }`;
const CHANGE_STATUS = `mutation($id: ID!, $s: TrajectoryStatus!, $n: String) { changeTrajectoryStatus(id: $id, status: $s, note: $n) { id } }`;
const FOLLOW_UP = `mutation($id: ID!, $i: FollowUpInput!) { addTrajectoryFollowUp(id: $id, input: $i) { id } }`;
const EXPORT = `query($s: PersonalDataSubjectInput!) { exportPersonalData(subject: $s) { subjectKind subjectId exportedAt document } }`;
const ERASE = `mutation($s: PersonalDataSubjectInput!, $r: String!) { erasePersonalData(subject: $s, reason: $r) { subjectKind subjectId erasedAt alreadyErased cancelledNotifications erasedBy { id } } }`;
const RECORD_CONSENT = `mutation($p: ID!, $c: Boolean!) { recordConsent(participantId: $p, consent: $c) { id consentToContact consentRecordedAt consentRecordedBy { id } } }`;
const SEARCH = `query($s: String) { participants(search: $s) { id firstName } }`;
const AUDIT_LOG = `query($f: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { at action subjectKind subjectId operation requestId reason actor { id } } } }
}`;
const PROGRAMME_REPORT = `query($f: Date!, $t: Date!) { programmeReport(from: $f, to: $t) { programmeId month sessionsHeld seatsOffered confirmed attended noShows waitlisted } }`;
const TRAJECTORY_REPORT = `query($f: Date!, $t: Date!) { trajectoryReport(from: $f, to: $t) { total byKind { key count } byReferralChannel { key count } byStatus { key count } } }`;

/** What a school contact types in for a parent: every value is searched for in the export after the erasure. */
const AMINA = {
  firstName: 'Aminata',
  lastName: 'Diallo-Verbeke',
  phone: '0470 98 76 54',
  email: 'aminata.diallo@voorbeeld.be',
  preferredLanguage: 'ar',
  contactChannel: 'SMS',
  consentToContact: true,
  referralChannel: 'SCHOOL',
};
const AMINA_PHONE_E164 = '+32470987654';
const TRAJECTORY_NOTE = 'Zoekt werk in de zorg, wil graag Nederlands oefenen met een buddy';
const STATUS_NOTE = 'Eerste afspraak met buddy in bibliotheek Kortrijk';
const FOLLOW_UP_NOTE = 'Werkt nu bij woonzorgcentrum Sint-Jozef via interim';
const VOLUNTEER_PROFILE = {
  phone: '0486 11 22 33',
  neighbourhood: 'Overleie-Zuid',
  languages: ['nl', 'ar'],
  skills: ['BUDDY', 'WELCOME'],
  trainings: ['Basisvorming vrijwilligers 2026'],
};
const ABSENCE_REASON = 'Operatie aan de knie in AZ Groeninge';

type AuditNode = {
  at: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  operation: string;
  requestId: string | null;
  reason: string | null;
  actor: { id: string } | null;
};

/**
 * Privacy: export, erasure on request, consent, the audit log (the retention job is in
 * apps/worker/test/retention.e2e-spec.ts). "Erase then export shows no personal field left; report
 * totals are unchanged by an erase."
 */
describe('privacy: export, erasure, consent and the audit log', () => {
  let api: TestApi;
  let world: World;
  let participantId: string;
  let trajectoryId: string;
  let laterSessionId: string;
  let volunteerShiftId: string;

  const as =
    (role: FixtureRole) =>
    (query: string, variables: Record<string, unknown> = {}) =>
      api.gql(query, variables, world.tokens[role]);
  const coordinator = as('coordinator');
  const admin = as('admin');
  const pendingFor = async (column: 'participant_id' | 'user_id', id: string) =>
    Number((await api.dataSource.query(`SELECT count(*) AS n FROM notification WHERE ${column} = $1 AND status = 'PENDING'`, [id]))[0].n);
  const auditOf = async (filter: Record<string, unknown>, first = 200): Promise<AuditNode[]> =>
    dataOf(await admin(AUDIT_LOG, { f: filter, first })).auditLog.edges.map((edge: { node: AuditNode }) => edge.node);
  const reports = async () => ({
    programme: dataOf(await coordinator(PROGRAMME_REPORT, { f: '2026-09-01', t: '2026-09-30' })).programmeReport,
    trajectories: dataOf(await coordinator(TRAJECTORY_REPORT, { f: '2026-01-01', t: '2026-12-31' })).trajectoryReport,
  });

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    const schoolSession = (day: string) =>
      sessionInput(world, {
        programmeId: world.schoolbabbelId,
        venueId: world.schoolVenueId,
        title: 'Schoolbabbel De Vlieger',
        startsAt: `${day}T08:45:00+02:00`,
        endsAt: `${day}T10:15:00+02:00`,
        hostIds: [world.userIds.host],
      });
    const first = dataOf(await coordinator(CREATE_SESSION, { i: schoolSession('2026-09-08') })).createSession;
    laterSessionId = dataOf(await coordinator(CREATE_SESSION, { i: schoolSession('2026-09-22') })).createSession.id;

    // The school contact registers a parent, with consent to SMS, for two schoolbabbels.
    const registered = dataOf(await as('schoolContact')(REGISTER, { i: { sessionId: first.id, participant: AMINA } })).registerParticipant;
    participantId = registered.participant.id;
    dataOf(await as('schoolContact')(REGISTER, { i: { sessionId: laterSessionId, participantId } }));
    // A Picnik trajectory with notes everywhere, the fixture volunteer as buddy (screened: a buddy must be).
    dataOf(await coordinator(SAVE_PROFILE, { v: world.userIds.volunteer, i: { screeningStatus: 'RECEIVED' } }));
    trajectoryId = dataOf(
      await coordinator(CREATE_TRAJECTORY, {
        i: { participantId, kind: 'BUDDY', referralChannel: 'SCHOOL', buddyId: world.userIds.volunteer, startsOn: '2026-09-01', notes: TRAJECTORY_NOTE },
      }),
    ).createTrajectory.id;
    dataOf(await coordinator(CHANGE_STATUS, { id: trajectoryId, s: 'ACTIVE', n: STATUS_NOTE }));
    dataOf(await coordinator(FOLLOW_UP, { id: trajectoryId, i: { recordedOn: '2026-09-05', outcomes: ['FOUND_WORK_VIA_INTERIM'], note: FOLLOW_UP_NOTE } }));
    // The fixture volunteer: a profile, a period away and a shift ahead.
    dataOf(await coordinator(SAVE_PROFILE, { v: world.userIds.volunteer, i: VOLUNTEER_PROFILE }));
    dataOf(await coordinator(ADD_ABSENCE, { v: world.userIds.volunteer, i: { startsOn: '2026-10-01', endsOn: '2026-10-14', reason: ABSENCE_REASON } }));
    volunteerShiftId = (
      await createShift(api, world, {
        title: 'Onthaal schoolbabbel',
        role: 'WELCOME',
        needed: 2,
        startsAt: brussels('2026-09-29', '08:30'),
        endsAt: brussels('2026-09-29', '10:30'),
      })
    ).id;
    dataOf(await as('volunteer')(SIGN_UP, { s: volunteerShiftId }));

    // The first schoolbabbel took place: the host marks her present.
    api.clock.set(new Date('2026-09-08T09:00:00Z'));
    dataOf(await as('host')(MARK_ATTENDANCE, { r: registered.id, a: true }));
  });
  afterAll(() => api?.close());

  describe('consent', () => {
    it('registration records consent with the date and who recorded it, also a "no"', async () => {
      const yes = dataOf(
        await coordinator(`query($id: ID!) { participant(id: $id) { consentToContact consentRecordedAt consentRecordedBy { id } } }`, { id: participantId }),
      ).participant;
      expect(yes).toEqual({
        consentToContact: true,
        consentRecordedAt: expect.stringMatching(/^2026-08-15T12:00:00/),
        consentRecordedBy: { id: world.userIds.schoolContact },
      });
      const no = dataOf(
        await as('schoolContact')(REGISTER, {
          i: {
            sessionId: laterSessionId,
            participant: { firstName: 'Yusuf', preferredLanguage: 'tr', contactChannel: 'VIA_ORGANISATION', consentToContact: false },
          },
        }),
      ).registerParticipant.participant;
      expect(no).toMatchObject({
        consentToContact: false,
        consentRecordedAt: expect.stringMatching(/^2026-09-08T11:00:00/),
        consentRecordedBy: { id: world.userIds.schoolContact },
      });
    });

    it('recordConsent gives or withdraws consent later, recording when and by whom; withdrawing cancels the messages still to go', async () => {
      const registered = dataOf(
        await as('schoolContact')(REGISTER, {
          i: {
            sessionId: laterSessionId,
            participant: { firstName: 'Olena', phone: '0471 55 66 77', preferredLanguage: 'uk', contactChannel: 'SMS', consentToContact: true },
          },
        }),
      ).registerParticipant;
      const olena = registered.participant.id as string;
      expect(await pendingFor('participant_id', olena)).toBeGreaterThan(0);

      api.clock.set(new Date('2026-09-10T08:00:00Z'));
      try {
        const withdrawn = dataOf(await as('schoolContact')(RECORD_CONSENT, { p: olena, c: false })).recordConsent;
        expect(withdrawn).toEqual({
          id: olena,
          consentToContact: false,
          consentRecordedAt: expect.stringMatching(/^2026-09-10T10:00:00/),
          consentRecordedBy: { id: world.userIds.schoolContact },
        });
        expect(await pendingFor('participant_id', olena)).toBe(0);

        const given = dataOf(await coordinator(RECORD_CONSENT, { p: olena, c: true })).recordConsent;
        expect(given).toMatchObject({ consentToContact: true, consentRecordedBy: { id: world.userIds.coordinator } });
        // Another school's contact does not see her: she looks like an unknown id.
        expect(errorOf(await as('otherSchoolContact')(RECORD_CONSENT, { p: olena, c: false })).code).toBe('NOT_FOUND');
        expect(errorOf(await as('volunteer')(RECORD_CONSENT, { p: olena, c: false })).code).toBe('FORBIDDEN');
        const changes = await auditOf({ subjectId: olena, action: 'CHANGE' });
        expect(changes.filter((entry) => entry.operation === 'recordConsent').map((entry) => entry.actor?.id)).toEqual([
          world.userIds.coordinator,
          world.userIds.schoolContact,
        ]);
      } finally {
        api.clock.set(new Date('2026-09-08T09:00:00Z'));
      }
    });
  });

  describe('who may export and erase', () => {
    const TABLES = [
      'participant',
      'app_user',
      'volunteer_profile',
      'volunteer_absence',
      'trajectory',
      'trajectory_status_change',
      'trajectory_follow_up',
      'notification',
      'audit_log_entry',
    ];

    it.each<FixtureRole>(['host', 'schoolContact', 'otherSchoolContact', 'organiser', 'volunteer'])('%s: FORBIDDEN, and nothing changes', async (role) => {
      const before = await tableSnapshot(api.dataSource, TABLES);
      for (const subject of [{ participantId }, { userId: world.userIds.volunteer }]) {
        expect(errorOf(await as(role)(EXPORT, { s: subject })).code).toBe('FORBIDDEN');
        expect(errorOf(await as(role)(ERASE, { s: subject, r: 'verzoek' })).code).toBe('FORBIDDEN');
      }
      expect(errorOf(await as(role)(AUDIT_LOG, {})).code).toBe('FORBIDDEN');
      expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    });

    it('anonymous callers are UNAUTHENTICATED; a coordinator may export and erase but not read the audit log', async () => {
      expect(errorOf(await api.gql(EXPORT, { s: { participantId } })).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await api.gql(ERASE, { s: { participantId }, r: 'verzoek' })).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await coordinator(AUDIT_LOG, {})).code).toBe('FORBIDDEN');
    });

    it('a subject is exactly one known participant or user; a reason is required', async () => {
      expect(errorOf(await coordinator(EXPORT, { s: {} })).code).toBe('BAD_USER_INPUT');
      expect(errorOf(await coordinator(EXPORT, { s: { participantId, userId: world.userIds.volunteer } })).code).toBe('BAD_USER_INPUT');
      expect(errorOf(await coordinator(EXPORT, { s: { participantId: 'not-an-id' } })).code).toBe('BAD_USER_INPUT');
      expect(errorOf(await coordinator(EXPORT, { s: { participantId: '00000000-0000-4000-8000-000000000000' } })).code).toBe('NOT_FOUND');
      expect(errorOf(await coordinator(ERASE, { s: { userId: '00000000-0000-4000-8000-000000000000' }, r: 'verzoek' })).code).toBe('NOT_FOUND');
      expect(errorOf(await coordinator(ERASE, { s: { participantId }, r: '   ' })).code).toBe('BAD_USER_INPUT');
      expect(errorOf(await coordinator(ERASE, { s: { userId: world.userIds.coordinator }, r: 'mezelf' })).code).toBe('CONFLICT');
      expect(errorOf(await coordinator(ERASE, { s: { userId: world.userIds.admin }, r: 'verzoek' })).code).toBe('FORBIDDEN');
    });
  });

  describe('a participant', () => {
    let before: Awaited<ReturnType<typeof reports>>;

    it('is exported with every stored row: registrations with their sessions, attendance, events, messages and the trajectory with its notes', async () => {
      const exported = dataOf(await coordinator(EXPORT, { s: { participantId } })).exportPersonalData;
      expect(exported).toMatchObject({ subjectKind: 'PARTICIPANT', subjectId: participantId, exportedAt: expect.stringMatching(/^2026-09-08T11:00:00/) });
      const document = exported.document;
      expect(document.participant).toMatchObject({
        id: participantId,
        first_name: AMINA.firstName,
        last_name: AMINA.lastName,
        phone: AMINA_PHONE_E164,
        email: AMINA.email,
        consent_to_contact: true,
        consent_recorded_by_id: world.userIds.schoolContact,
        registered_by_organisation: 'Basisschool De Vlieger',
        erased_at: null,
      });
      expect(document.registrations.map((r: { status: string; session: { title: string } }) => [r.status, r.session.title])).toEqual([
        ['ATTENDED', 'Schoolbabbel De Vlieger'],
        ['CONFIRMED', 'Schoolbabbel De Vlieger'],
      ]);
      expect(document.attendance).toHaveLength(1);
      expect(document.registration_events.map((e: { kind: string }) => e.kind)).toEqual(['CONFIRMED', 'CONFIRMED', 'ATTENDED']);
      expect(document.notifications.length).toBeGreaterThan(0);
      expect(document.notifications.every((n: { channel: string }) => n.channel === 'SMS')).toBe(true);
      expect(document.trajectories).toEqual([
        expect.objectContaining({
          id: trajectoryId,
          notes: TRAJECTORY_NOTE,
          history: [expect.objectContaining({ to_status: 'MATCHED' }), expect.objectContaining({ to_status: 'ACTIVE', note: STATUS_NOTE })],
          follow_ups: [expect.objectContaining({ note: FOLLOW_UP_NOTE, outcomes: ['FOUND_WORK_VIA_INTERIM'] })],
        }),
      ]);
    });

    it('is erased: no personal value is left in the export, the rows and the report totals stay, nothing more is sent', async () => {
      before = await reports();
      // Her attendance and her trajectory are in the figures, so "unchanged" below means something.
      expect(before.programme.reduce((sum: number, month: { attended: number }) => sum + month.attended, 0)).toBe(1);
      expect(before.trajectories.total).toBe(1);
      expect(await pendingFor('participant_id', participantId)).toBeGreaterThan(0);

      const erased = dataOf(await coordinator(ERASE, { s: { participantId }, r: 'Verzoek per e-mail van 8 september 2026, ticket 4711' })).erasePersonalData;
      expect(erased).toEqual({
        subjectKind: 'PARTICIPANT',
        subjectId: participantId,
        erasedAt: expect.stringMatching(/^2026-09-08T11:00:00/),
        alreadyErased: false,
        cancelledNotifications: expect.any(Number),
        erasedBy: { id: world.userIds.coordinator },
      });
      expect(erased.cancelledNotifications).toBeGreaterThan(0);
      expect(await pendingFor('participant_id', participantId)).toBe(0);

      const document = dataOf(await coordinator(EXPORT, { s: { participantId } })).exportPersonalData.document;
      const text = JSON.stringify(document);
      for (const personal of [AMINA.firstName, AMINA.lastName, AMINA.email, AMINA_PHONE_E164, '470987654', TRAJECTORY_NOTE, STATUS_NOTE, FOLLOW_UP_NOTE])
        expect(text).not.toContain(personal);
      expect(document.participant).toMatchObject({
        first_name: 'Gewist',
        last_name: null,
        phone: null,
        email: null,
        preferred_language: 'und',
        contact_channel: 'NONE',
        consent_to_contact: false,
        referral_channel: 'SCHOOL',
      });
      expect(document.participant.erased_at).toEqual(expect.any(String));
      expect(document.participant.erased_by_id).toBe(world.userIds.coordinator);
      // The rows stay: two registrations, the attendance, the trajectory and its history.
      expect(document.registrations.map((r: { status: string }) => r.status)).toEqual(['ATTENDED', 'CONFIRMED']);
      expect(document.attendance).toHaveLength(1);
      expect(document.trajectories[0]).toMatchObject({ kind: 'BUDDY', referral_channel: 'SCHOOL', status: 'ACTIVE', notes: null });
      expect(document.trajectories[0].history).toHaveLength(2);
      expect(document.notifications.filter((n: { status: string }) => n.status === 'PENDING')).toEqual([]);

      expect(await reports()).toEqual(before);
    });

    it('is no longer found by the participant search, under the old name or the new one', async () => {
      for (const search of [AMINA.firstName, AMINA.lastName, '0470 98 76 54', 'Gewist']) {
        expect(dataOf(await coordinator(SEARCH, { s: search })).participants).toEqual([]);
      }
      expect(dataOf(await as('schoolContact')(SEARCH, { s: null })).participants.map((p: { id: string }) => p.id)).not.toContain(participantId);
    });

    it('erasing again changes nothing and says so; nobody registers her or records her consent any more', async () => {
      const snapshot = await tableSnapshot(api.dataSource, ['participant', 'notification', 'trajectory']);
      const again = dataOf(await coordinator(ERASE, { s: { participantId }, r: 'dubbel verzoek' })).erasePersonalData;
      expect(again).toMatchObject({ alreadyErased: true, cancelledNotifications: 0, erasedBy: { id: world.userIds.coordinator } });
      expect(await tableSnapshot(api.dataSource, ['participant', 'notification', 'trajectory'])).toEqual(snapshot);
      expect(errorOf(await coordinator(RECORD_CONSENT, { p: participantId, c: true })).code).toBe('CONFLICT');
      expect(errorOf(await as('schoolContact')(REGISTER, { i: { sessionId: laterSessionId, participantId } })).code).toBe('CONFLICT');
      expect(await reports()).toEqual(before);
    });
  });

  describe('a volunteer', () => {
    it('is erased: account anonymised and closed, tokens revoked, profile emptied; shifts and the buddy trajectory stay', async () => {
      const token = world.tokens.volunteer;
      expect(dataOf(await api.gql(`{ myShifts { id } }`, {}, token)).myShifts).toHaveLength(1);
      const exported = dataOf(await coordinator(EXPORT, { s: { userId: world.userIds.volunteer } })).exportPersonalData.document;
      expect(exported.user).toMatchObject({ email: 'volunteer@test.oefenkansen.be', display_name: 'volunteer' });
      expect(exported.volunteer_profile).toMatchObject({ neighbourhood: VOLUNTEER_PROFILE.neighbourhood, has_calendar_feed: false });
      expect(exported.absences).toEqual([expect.objectContaining({ reason: ABSENCE_REASON })]);

      const erased = dataOf(
        await coordinator(ERASE, { s: { userId: world.userIds.volunteer }, r: 'Stopt als vrijwilliger, vraagt wissing' }),
      ).erasePersonalData;
      expect(erased).toMatchObject({ subjectKind: 'USER', alreadyErased: false });
      expect(erased.cancelledNotifications).toBeGreaterThan(0);
      expect(await pendingFor('user_id', world.userIds.volunteer)).toBe(0);

      expect(errorOf(await api.gql(`{ myShifts { id } }`, {}, token)).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await api.gql('mutation { login(email: "volunteer@test.oefenkansen.be", password: "fixture-password-2026") { token } }')).code).toBe(
        'UNAUTHENTICATED',
      );

      const document = dataOf(await coordinator(EXPORT, { s: { userId: world.userIds.volunteer } })).exportPersonalData.document;
      const text = JSON.stringify(document);
      for (const personal of ['volunteer@test.oefenkansen.be', '+32486112233', VOLUNTEER_PROFILE.neighbourhood, ABSENCE_REASON, VOLUNTEER_PROFILE.trainings[0]])
        expect(text).not.toContain(personal);
      for (const secret of ['password_hash', 'token_version', 'calendar_token_hash', '$argon2']) expect(text).not.toContain(secret);
      expect(document.user).toMatchObject({
        email: `erased-${world.userIds.volunteer}@erased.invalid`,
        display_name: 'Gewist',
        active: false,
        erased_by_id: world.userIds.coordinator,
      });
      expect(document.volunteer_profile).toMatchObject({
        phone: null,
        neighbourhood: null,
        languages: [],
        skills: [],
        trainings: [],
        screening_status: 'NOT_REQUESTED',
      });
      expect(document.absences).toEqual([]);
      expect(document.shift_assignments).toEqual([expect.objectContaining({ status: 'ASSIGNED', shift: expect.objectContaining({ id: volunteerShiftId }) })]);
      expect(document.buddy_of_trajectories).toEqual([expect.objectContaining({ id: trajectoryId })]);
    });
  });

  describe('the audit log', () => {
    it('shows admins who read, changed, exported and erased the participant, with the operation and request id', async () => {
      const entries = await auditOf({ subjectId: participantId });
      const seen = (action: string, operation: string, actor: FixtureRole) =>
        entries.some((e) => e.action === action && e.operation === operation && e.actor?.id === world.userIds[actor]);
      expect(seen('CHANGE', 'registerParticipant', 'schoolContact')).toBe(true);
      expect(seen('CHANGE', 'markAttendance', 'host')).toBe(true);
      expect(seen('CHANGE', 'createTrajectory', 'coordinator')).toBe(true);
      expect(seen('CHANGE', 'addTrajectoryFollowUp', 'coordinator')).toBe(true);
      expect(seen('READ', 'participant', 'coordinator')).toBe(true);
      expect(seen('EXPORT', 'exportPersonalData', 'coordinator')).toBe(true);
      const erasures = entries.filter((e) => e.action === 'ERASE');
      expect(erasures).toEqual([
        expect.objectContaining({
          subjectKind: 'PARTICIPANT',
          operation: 'erasePersonalData',
          reason: 'Verzoek per e-mail van 8 september 2026, ticket 4711',
          actor: { id: world.userIds.coordinator },
        }),
      ]);
      // saveVolunteerProfile writes outside a transaction (an upsert): attributed all the same.
      const volunteerChanges = await auditOf({ subjectId: world.userIds.volunteer, action: 'CHANGE' });
      expect(volunteerChanges).toEqual(
        expect.arrayContaining([expect.objectContaining({ operation: 'saveVolunteerProfile', actor: { id: world.userIds.coordinator } })]),
      );
      expect(volunteerChanges.some((e) => e.operation === 'unattributed')).toBe(false);
      // The trajectory's entries are found through the participant.
      expect(entries.some((e) => e.subjectKind === 'TRAJECTORY' && e.subjectId === trajectoryId)).toBe(true);
      expect(entries.every((e) => e.requestId && e.requestId.length > 0)).toBe(true);
      // Newest first.
      const times = entries.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('records reads however the data is reached: a host reading the attendee list of a session', async () => {
      const query = `query($id: ID!) { list: session(id: $id) { registrations { participant { firstName } } } }`;
      const names = dataOf(await as('host')(query, { id: laterSessionId })).list.registrations.map(
        (r: { participant: { firstName: string } }) => r.participant.firstName,
      );
      expect(names).toContain('Gewist');
      const reads = await auditOf({ actorId: world.userIds.host, action: 'READ' });
      expect(reads).toEqual(expect.arrayContaining([expect.objectContaining({ subjectKind: 'PARTICIPANT', subjectId: participantId, operation: 'session' })]));
      // Asking only for ids reads nothing personal.
      const before = (await auditOf({ actorId: world.userIds.host, action: 'READ' })).length;
      dataOf(await as('host')(`query($id: ID!) { session(id: $id) { registrations { participant { id } } } }`, { id: laterSessionId }));
      expect(await auditOf({ actorId: world.userIds.host, action: 'READ' })).toHaveLength(before);
    });

    it('pages newest first with cursors, and filters by actor, action and time', async () => {
      const all = dataOf(await admin(AUDIT_LOG, { first: 200 })).auditLog;
      expect(all.totalCount).toBeGreaterThan(10);
      const pages: AuditNode[] = [];
      let after: string | null = null;
      for (let round = 0; round < 100; round += 1) {
        const page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: AuditNode }[] } = dataOf(
          await admin(AUDIT_LOG, { first: 7, after }),
        ).auditLog;
        pages.push(...page.edges.map((edge) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toHaveLength(all.totalCount);
      expect(pages.slice(0, 200)).toEqual(all.edges.map((edge: { node: AuditNode }) => edge.node));
      const erasures = await auditOf({ action: 'ERASE' });
      expect(erasures.map((e) => e.subjectKind).sort()).toEqual(['PARTICIPANT', 'USER']);
      expect(await auditOf({ actorId: world.userIds.coordinator, action: 'ERASE', from: '2000-01-01T00:00:00Z', to: '2001-01-01T00:00:00Z' })).toEqual([]);
      expect(errorOf(await admin(AUDIT_LOG, { after: 'nonsense' })).code).toBe('BAD_USER_INPUT');
      expect(errorOf(await admin(AUDIT_LOG, { first: 201 })).code).toBe('BAD_USER_INPUT');
    });

    it('is append-only: the database refuses to change or remove an entry', async () => {
      await expect(api.dataSource.query(`UPDATE audit_log_entry SET operation = 'nothing'`)).rejects.toThrow(/append-only/);
      await expect(api.dataSource.query(`DELETE FROM audit_log_entry`)).rejects.toThrow(/append-only/);
    });

    it('withholds personal data it cannot record a read of: an error instead of the answer', async () => {
      await api.dataSource.query(`ALTER TABLE audit_log_entry RENAME TO audit_log_entry_away`);
      let result: GraphQLResult;
      try {
        result = await coordinator(`query($id: ID!) { participant(id: $id) { firstName } }`, { id: participantId });
      } finally {
        await api.dataSource.query(`ALTER TABLE audit_log_entry_away RENAME TO audit_log_entry`);
      }
      expect(result.status).toBe(500);
      expect(result.data).toBeNull();
      expect(errorOf(result).code).toBe('INTERNAL_SERVER_ERROR');
    });
  });
});
