import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, GraphQLResult, startTestApi, tableSnapshot, TestApi } from './test-api';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status children childcareStatus } }`;
const REGISTER_SERIES = `mutation($i: RegisterParticipantForSeriesInput!) { registerParticipantForSeries(input: $i) { id children childrenDetails { firstName age school } } }`;
const CANCEL = `mutation($id: ID!) { cancelRegistration(id: $id) { id status childcareStatus } }`;
const CHANGE_CHILDREN = `mutation($id: ID!, $c: Int!) { changeRegistrationChildren(registrationId: $id, children: $c) { id children childcareStatus } }`;
const CREATE_PROGRAMME = `mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id childcareCapacity listsChildren } }`;
const UPDATE_PROGRAMME = `mutation($id: ID!, $i: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $i) { id childcareCapacity } }`;
const CHILDCARE = `query($id: ID!) { session(id: $id) { childcare { capacity placed waitlisted available } registrations { id children childcareStatus childcareWaitingPosition } } }`;
const REPORT = `query($f: Date!, $t: Date!, $p: ID) { programmeReport(from: $f, to: $t, programmeId: $p) { confirmed attended childrenConfirmed childrenAttended } }`;
const MARK = `mutation($id: ID!) { markAttendance(registrationId: $id, attended: true) { status } }`;
const EXPORT = `query($s: PersonalDataSubjectInput!) { exportPersonalData(subject: $s) { document } }`;
const PREVIEW = `query($s: PersonalDataSubjectInput!) { personalDataErasurePreview(subject: $s) { removed { key count } } }`;
const ERASE = `mutation($s: PersonalDataSubjectInput!, $r: String!) { erasePersonalData(subject: $s, reason: $r) { alreadyErased } }`;

const TABLES = ['registration', 'registration_child', 'participant', 'registration_event', 'notification'];

/** Children per registration, the programme's childcare with its own waiting order (docs/architecture.md#invariant-6), the zomerschool's children. */
describe('children and childcare', () => {
  let api: TestApi;
  let world: World;
  let counter = 0;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
  });
  afterAll(() => api?.close());

  const coordinator = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, world.tokens.coordinator);

  const parent = (name = `Ouder ${++counter}`) => ({ firstName: name, preferredLanguage: 'ar', contactChannel: 'NONE', consentToContact: false });

  async function programme(input: Record<string, unknown>): Promise<string> {
    return dataOf(await coordinator(CREATE_PROGRAMME, { i: { name: `Programma ${++counter}`, kind: 'TABLE', defaultCapacity: 20, ...input } })).createProgramme
      .id;
  }

  async function session(programmeId: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const input = sessionInput(world, { programmeId, title: `Sessie ${++counter}`, hostIds: [world.userIds.host], ...overrides });
    return dataOf(await coordinator(CREATE_SESSION, { i: input })).createSession.id;
  }

  function register(sessionId: string, family: Record<string, unknown>, token = world.tokens.coordinator): Promise<GraphQLResult> {
    return api.gql(REGISTER, { i: { sessionId, participant: parent(), ...family } }, token);
  }

  async function registered(sessionId: string, children: number): Promise<{ id: string; childcareStatus: string | null }> {
    return dataOf(await register(sessionId, { children })).registerParticipant;
  }

  describe('the number of children', () => {
    it('takes 0 to 10 children; 11 or -1 is BAD_USER_INPUT at children and changes nothing', async () => {
      const sessionId = await session(world.schoolbabbelId);
      expect(dataOf(await register(sessionId, { children: 10 })).registerParticipant).toMatchObject({
        status: 'CONFIRMED',
        children: 10,
        childcareStatus: null,
      });
      expect(dataOf(await register(sessionId, {})).registerParticipant.children).toBe(0);
      const before = await tableSnapshot(api.dataSource, TABLES);
      for (const children of [11, -1]) {
        const error = errorOf(await register(sessionId, { children }));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.extensions.field).toBe('children');
      }
      expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    });

    it('staff change the number later; 11 is refused at children', async () => {
      const sessionId = await session(world.schoolbabbelId);
      const { id } = await registered(sessionId, 1);
      expect(dataOf(await coordinator(CHANGE_CHILDREN, { id, c: 3 })).changeRegistrationChildren).toMatchObject({ children: 3, childcareStatus: null });
      const error = errorOf(await coordinator(CHANGE_CHILDREN, { id, c: 11 }));
      expect([error.code, error.extensions.field]).toEqual(['BAD_USER_INPUT', 'children']);
    });
  });

  describe('childcare capacity', () => {
    it('is validated on the programme: 0 and 201 are BAD_USER_INPUT at childcareCapacity', async () => {
      for (const childcareCapacity of [0, 201]) {
        const error = errorOf(
          await coordinator(CREATE_PROGRAMME, { i: { name: `Te veel ${++counter}`, kind: 'TABLE', defaultCapacity: 10, childcareCapacity } }),
        );
        expect([error.code, error.extensions.field]).toEqual(['BAD_USER_INPUT', 'childcareCapacity']);
      }
    });

    it('capacity 6, families of 4, 3 and 2: 4 placed, 3 waits, 2 placed (the first in line whose children fit); the seat is decided apart', async () => {
      const sessionId = await session(await programme({ childcareCapacity: 6 }), { capacity: 2 });
      const four = await registered(sessionId, 4);
      const three = await registered(sessionId, 3);
      const two = await registered(sessionId, 2);
      expect([four.childcareStatus, three.childcareStatus, two.childcareStatus]).toEqual(['PLACED', 'WAITLISTED', 'PLACED']);
      const { childcare, registrations } = dataOf(await coordinator(CHILDCARE, { id: sessionId })).session;
      expect(childcare).toEqual({ capacity: 6, placed: 6, waitlisted: 3, available: 0 });
      // The family of two has no seat (capacity 2) but its children have their childcare place.
      expect(registrations.find((r: { id: string }) => r.id === two.id)).toMatchObject({ childcareStatus: 'PLACED' });
      expect(registrations.find((r: { id: string }) => r.id === three.id)).toMatchObject({ childcareWaitingPosition: 1 });
      // A family without children takes no childcare place.
      expect((await registered(sessionId, 0)).childcareStatus).toBeNull();
    });

    it('a cancellation moves the childcare waiting list: the first family whose children fit is placed', async () => {
      const sessionId = await session(await programme({ childcareCapacity: 6 }));
      const four = await registered(sessionId, 4);
      const five = await registered(sessionId, 5);
      const three = await registered(sessionId, 3);
      expect([four.childcareStatus, five.childcareStatus, three.childcareStatus]).toEqual(['PLACED', 'WAITLISTED', 'WAITLISTED']);
      expect(dataOf(await coordinator(CANCEL, { id: four.id })).cancelRegistration).toMatchObject({ status: 'CANCELLED', childcareStatus: null });
      const { childcare, registrations } = dataOf(await coordinator(CHILDCARE, { id: sessionId })).session;
      const status = (id: string) => registrations.find((r: { id: string }) => r.id === id).childcareStatus;
      // Five came first and fits in the six places now free; three no longer fits behind it.
      expect([status(five.id), status(three.id)]).toEqual(['PLACED', 'WAITLISTED']);
      expect(childcare).toEqual({ capacity: 6, placed: 5, waitlisted: 3, available: 1 });
    });

    it('more children for a placed family that no longer fit put it back in line in its own turn; raising the capacity places it', async () => {
      const programmeId = await programme({ childcareCapacity: 5 });
      const sessionId = await session(programmeId);
      const first = await registered(sessionId, 2);
      const second = await registered(sessionId, 3);
      expect(dataOf(await coordinator(CHANGE_CHILDREN, { id: first.id, c: 4 })).changeRegistrationChildren.childcareStatus).toBe('WAITLISTED');
      expect(dataOf(await coordinator(CHILDCARE, { id: sessionId })).session.childcare).toMatchObject({ placed: 3, waitlisted: 4 });
      expect(dataOf(await coordinator(UPDATE_PROGRAMME, { id: programmeId, i: { childcareCapacity: 7 } })).updateProgramme.childcareCapacity).toBe(7);
      const { registrations, childcare } = dataOf(await coordinator(CHILDCARE, { id: sessionId })).session;
      expect(registrations.map((r: { id: string; childcareStatus: string }) => [r.id, r.childcareStatus])).toEqual([
        [first.id, 'PLACED'],
        [second.id, 'PLACED'],
      ]);
      expect(childcare).toEqual({ capacity: 7, placed: 7, waitlisted: 0, available: 0 });
      // No childcare any more: nobody has a childcare status.
      await coordinator(UPDATE_PROGRAMME, { id: programmeId, i: { childcareCapacity: null } });
      expect(dataOf(await coordinator(CHILDCARE, { id: sessionId })).session.childcare).toBeNull();
    });

    it('30 concurrent registrations with children never place more children than the capacity, families whole, in order of arrival', async () => {
      const sessionId = await session(await programme({ childcareCapacity: 10 }), { capacity: 40 });
      const sizes = Array.from({ length: 30 }, (_, i) => 1 + (i % 4));
      const results = await Promise.all(sizes.map((children) => register(sessionId, { children })));
      for (const result of results) expect(result.errors).toBeUndefined();
      const rows = await api.dataSource.query<{ children: number; childcare_status: string }[]>(
        `SELECT children, childcare_status FROM registration WHERE session_id = $1 ORDER BY arrival`,
        [sessionId],
      );
      const placed = rows.filter((r) => r.childcare_status === 'PLACED').reduce((sum, r) => sum + r.children, 0);
      expect(placed).toBeLessThanOrEqual(10);
      expect(rows.every((r) => r.childcare_status === 'PLACED' || r.childcare_status === 'WAITLISTED')).toBe(true);
      // Greedy in order of arrival: replaying the rule on the arrival order gives the same placements.
      let free = 10;
      const expected = rows.map((r) => {
        if (r.children > free) return 'WAITLISTED';
        free -= r.children;
        return 'PLACED';
      });
      expect(rows.map((r) => r.childcare_status)).toEqual(expected);
      expect(free).toBe(0);
    });
  });

  describe('the zomerschool', () => {
    const children = [
      { firstName: 'Amina', age: 6, school: 'Basisschool De Vlieger' },
      { firstName: 'Omar', age: 9, school: 'Basisschool De Vlieger' },
      { firstName: 'Lina', age: 12, school: 'Sint-Jan' },
    ];

    it('lists each child under one parent; the report counts 1 adult and 3 children; the export has them; erasure removes them', async () => {
      const programmeId = await programme({ name: 'Zomerschool test', kind: 'SERIES_COURSE', listsChildren: true });
      const startsAt = '2026-08-20T09:00:00+02:00';
      const sessionId = await session(programmeId, { startsAt, endsAt: '2026-08-20T15:00:00+02:00' });
      // Required there: a count alone, or none, is refused.
      expect(errorOf(await register(sessionId, { children: 3 })).extensions.field).toBe('childrenDetails');
      expect(errorOf(await register(sessionId, { childrenDetails: [{ firstName: 'Te jong', age: 2 }] })).extensions.field).toBe('childrenDetails.0.age');
      expect(errorOf(await register(sessionId, { children: 2, childrenDetails: children })).extensions.field).toBe('children');
      const result = dataOf(
        await api.gql(
          `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id children participant { id } childrenDetails { firstName age school } } }`,
          { i: { sessionId, participant: parent('Fatima'), childrenDetails: children } },
          world.tokens.coordinator,
        ),
      ).registerParticipant;
      expect(result.children).toBe(3);
      expect(result.childrenDetails).toEqual(children);

      api.clock.set(new Date('2026-08-20T10:00:00+02:00'));
      try {
        expect(dataOf(await coordinator(MARK, { id: result.id })).markAttendance.status).toBe('ATTENDED');
        const report = dataOf(await coordinator(REPORT, { f: '2026-08-01', t: '2026-08-31', p: programmeId })).programmeReport;
        expect(report).toEqual([{ confirmed: 1, attended: 1, childrenConfirmed: 3, childrenAttended: 3 }]);

        const subject = { participantId: result.participant.id };
        const document = dataOf(await coordinator(EXPORT, { s: subject })).exportPersonalData.document;
        expect(document.registrations[0].children.map((c: { first_name: string; age: number; school: string }) => [c.first_name, c.age, c.school])).toEqual(
          children.map((c) => [c.firstName, c.age, c.school]),
        );
        const preview = dataOf(await coordinator(PREVIEW, { s: subject })).personalDataErasurePreview;
        expect(preview.removed.find((item: { key: string }) => item.key === 'children').count).toBe(3);
        expect(dataOf(await coordinator(ERASE, { s: subject, r: 'request by e-mail, ticket 21' })).erasePersonalData.alreadyErased).toBe(false);
        expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM registration_child WHERE registration_id = $1`, [result.id])).toEqual([{ n: 0 }]);
        // The report is the same after the erasure: children are counted from the registration.
        expect(dataOf(await coordinator(REPORT, { f: '2026-08-01', t: '2026-08-31', p: programmeId })).programmeReport).toEqual(report);
      } finally {
        api.clock.set(new Date('2026-08-15T10:00:00+02:00'));
      }
    });

    it('registers the children for every date of a series; listing children elsewhere is refused', async () => {
      const programmeId = await programme({ kind: 'SERIES_COURSE', listsChildren: true });
      const series = dataOf(
        await coordinator(`mutation($i: CreateSessionSeriesInput!) { createSessionSeries(input: $i) { id } }`, {
          i: {
            programmeId,
            venueId: world.centreVenueId,
            title: 'Zomerschool reeks',
            rrule: 'FREQ=DAILY;COUNT=3',
            firstStartsAt: '2026-08-24T09:00:00+02:00',
            durationMinutes: 360,
            capacity: 20,
            hostIds: [world.userIds.host],
          },
        }),
      ).createSessionSeries;
      const registrations = dataOf(
        await coordinator(REGISTER_SERIES, { i: { seriesId: series.id, participant: parent(), childrenDetails: children.slice(0, 2) } }),
      ).registerParticipantForSeries;
      expect(registrations).toHaveLength(3);
      for (const registration of registrations) expect(registration).toMatchObject({ children: 2, childrenDetails: children.slice(0, 2) });
      const elsewhere = await session(world.schoolbabbelId);
      expect(errorOf(await register(elsewhere, { childrenDetails: children })).extensions.field).toBe('childrenDetails');
    });
  });
});
