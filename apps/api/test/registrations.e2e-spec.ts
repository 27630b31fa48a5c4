import { CREATE_SERIES, CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, TestApi } from './test-api';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status waitlistPosition participant { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelRegistration(id: $id) { id status } }`;
const LIST = `query($id: ID!) { session(id: $id) { capacity confirmedCount waitlistCount availableSeats registrations { id status waitlistPosition participant { firstName } } } }`;

const parent = (firstName: string, extra: Record<string, unknown> = {}) => ({
  firstName,
  preferredLanguage: 'ar',
  contactChannel: 'VIA_ORGANISATION',
  consentToContact: false,
  ...extra,
});

describe('registrations: seats, waiting list, series and attendance', () => {
  let api: TestApi;
  let world: World;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    token = world.tokens.coordinator;
  });
  afterAll(() => api.close());

  async function session(capacity: number, overrides: Record<string, unknown> = {}): Promise<string> {
    return dataOf(await api.gql(CREATE_SESSION, { i: sessionInput(world, { capacity, hostIds: [world.userIds.host], ...overrides }) }, token)).createSession.id;
  }
  async function register(sessionId: string, who: Record<string, unknown>, as = token) {
    return dataOf(await api.gql(REGISTER, { i: { sessionId, ...who } }, as)).registerParticipant;
  }
  async function list(sessionId: string) {
    return dataOf(await api.gql(LIST, { id: sessionId }, token)).session;
  }
  async function events(sessionId: string): Promise<string[]> {
    const rows = await api.dataSource.query(
      `SELECT e.kind, p.first_name FROM registration_event e JOIN participant p ON p.id = e.participant_id WHERE e.session_id = $1 ORDER BY e.occurred_at, e.kind`,
      [sessionId],
    );
    return rows.map((r: { kind: string; first_name: string }) => `${r.kind} ${r.first_name}`);
  }

  it('confirms while seats are free, then waitlists in order of arrival', async () => {
    const id = await session(2);
    const results = [];
    for (const name of ['Amina', 'Bilal', 'Chaima', 'Dawit']) results.push(await register(id, { participant: parent(name) }));
    expect(results.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
    ]);
    expect(await list(id)).toMatchObject({ capacity: 2, confirmedCount: 2, waitlistCount: 2, availableSeats: 0 });
    const recorded = await api.dataSource.query(`SELECT kind, waitlist_position FROM registration_event WHERE session_id = $1 ORDER BY occurred_at`, [id]);
    expect(recorded.map((r: { kind: string; waitlist_position: number | null }) => [r.kind, r.waitlist_position])).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
    ]);
  });

  it('gives a freed seat to the first on the waiting list at once, and closes the gap', async () => {
    const id = await session(1);
    const a = await register(id, { participant: parent('Amina') });
    const b = await register(id, { participant: parent('Bilal') });
    const c = await register(id, { participant: parent('Chaima') });
    const d = await register(id, { participant: parent('Dawit') });
    expect(dataOf(await api.gql(CANCEL, { id: c.id }, token)).cancelRegistration.status).toBe('CANCELLED');
    let state = await list(id);
    expect(
      state.registrations.map((r: { participant: { firstName: string }; waitlistPosition: number | null }) => [r.participant.firstName, r.waitlistPosition]),
    ).toEqual([
      ['Amina', null],
      ['Bilal', 1],
      ['Dawit', 2],
    ]);
    dataOf(await api.gql(CANCEL, { id: a.id }, token));
    state = await list(id);
    expect(state.registrations.map((r: { participant: { firstName: string }; status: string }) => `${r.participant.firstName} ${r.status}`)).toEqual([
      'Bilal CONFIRMED',
      'Dawit WAITLISTED',
    ]);
    expect(dataOf(await api.gql('query($id: ID!) { registration(id: $id) { status waitlistPosition } }', { id: d.id }, token)).registration).toEqual({
      status: 'WAITLISTED',
      waitlistPosition: 1,
    });
    expect(await events(id)).toEqual(expect.arrayContaining(['CANCELLED Amina', 'PROMOTED Bilal', 'CANCELLED Chaima']));
    expect(b.status).toBe('WAITLISTED');
    // Cancelling twice changes nothing and promotes nobody else.
    dataOf(await api.gql(CANCEL, { id: a.id }, token));
    expect((await list(id)).confirmedCount).toBe(1);
  });

  it('raising capacity seats as many as fit; lowering it never un-confirms anyone', async () => {
    const id = await session(2);
    for (const name of ['E1', 'E2', 'E3', 'E4', 'E5', 'E6']) await register(id, { participant: parent(name) });
    const capacity = (c: number) =>
      api.gql('mutation($id: ID!, $c: Int!) { updateSessionCapacity(id: $id, capacity: $c) { capacity } }', { id, c }, token).then(dataOf);
    await capacity(5);
    expect(await list(id)).toMatchObject({ confirmedCount: 5, waitlistCount: 1, availableSeats: 0 });
    await capacity(3);
    expect(await list(id)).toMatchObject({ capacity: 3, confirmedCount: 5, waitlistCount: 1, availableSeats: 0 });
    const late = await register(id, { participant: parent('E7') });
    expect(late).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    // Two seats given back still leave 3 seated at capacity 3: nobody is promoted yet.
    const seated = (await list(id)).registrations.filter((r: { status: string }) => r.status === 'CONFIRMED');
    await api.gql(CANCEL, { id: seated[0].id }, token).then(dataOf);
    await api.gql(CANCEL, { id: seated[1].id }, token).then(dataOf);
    expect(await list(id)).toMatchObject({ confirmedCount: 3, waitlistCount: 2 });
    await api.gql(CANCEL, { id: seated[2].id }, token).then(dataOf);
    expect(await list(id)).toMatchObject({ confirmedCount: 3, waitlistCount: 1 });
  });

  it('registers a parent for every upcoming session of a series, each on its own, and undoes the rest', async () => {
    const series = dataOf(
      await api.gql(
        CREATE_SERIES,
        {
          i: {
            programmeId: world.schoolbabbelId,
            venueId: world.schoolVenueId,
            title: 'Schoolbabbel',
            rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4',
            firstStartsAt: '2026-09-07T08:45:00+02:00',
            durationMinutes: 60,
            capacity: 1,
            hostIds: [world.userIds.host],
          },
        },
        token,
      ),
    ).createSessionSeries;
    const second = series.sessions[1].id as string;
    await register(second, { participant: parent('Eerst') }, world.tokens.schoolContact);
    const result = dataOf(
      await api.gql(
        'mutation($i: RegisterParticipantForSeriesInput!) { registerParticipantForSeries(input: $i) { status waitlistPosition session { id } participant { id } } }',
        { i: { seriesId: series.id, participant: parent('Fatima', { phone: '0470 11 22 33' }) } },
        world.tokens.schoolContact,
      ),
    ).registerParticipantForSeries;
    expect(result.map((r: { status: string }) => r.status)).toEqual(['CONFIRMED', 'WAITLISTED', 'CONFIRMED', 'CONFIRMED']);
    const participantId = result[0].participant.id;

    // Two weeks later only the last two sessions are still ahead.
    api.clock.set(new Date('2026-09-15T10:00:00Z'));
    try {
      const cancelled = dataOf(
        await api.gql(
          'mutation($s: ID!, $p: ID!) { cancelSeriesRegistration(seriesId: $s, participantId: $p) { status session { startsAt } } }',
          { s: series.id, p: participantId },
          world.tokens.schoolContact,
        ),
      ).cancelSeriesRegistration;
      expect(cancelled.map((r: { session: { startsAt: string } }) => r.session.startsAt)).toEqual(['2026-09-21T08:45:00+02:00', '2026-09-28T08:45:00+02:00']);
      const statuses = await api.dataSource.query(
        `SELECT s.starts_at, r.status FROM registration r JOIN session s ON s.id = r.session_id WHERE r.participant_id = $1 ORDER BY s.starts_at`,
        [participantId],
      );
      expect(statuses.map((r: { status: string }) => r.status)).toEqual(['CONFIRMED', 'WAITLISTED', 'CANCELLED', 'CANCELLED']);
    } finally {
      api.clock.set(new Date('2026-08-15T10:00:00Z'));
    }
  });

  it('marks attendance after the start and flags three no-shows in a row (threshold set by coordinators)', async () => {
    const starts = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04'];
    const ids = [];
    for (const day of starts) ids.push(await session(5, { startsAt: `${day}T19:00:00+02:00`, endsAt: `${day}T20:00:00+02:00` }));
    const first = await register(ids[0], { participant: parent('Gulnara') });
    const participantId = first.participant.id;
    const regs = [first.id];
    for (const id of ids.slice(1)) regs.push((await register(id, { participantId })).id);
    const mark = (id: string, attended: boolean, as = world.tokens.host) =>
      api.gql('mutation($id: ID!, $a: Boolean!) { markAttendance(registrationId: $id, attended: $a) { status } }', { id, a: attended }, as);
    expect(errorOf(await mark(regs[0], true)).code).toBe('BAD_USER_INPUT');
    const flags = async () =>
      dataOf(
        await api.gql(
          'query($id: ID!) { participant(id: $id) { noShowCount consecutiveNoShows flaggedForNoShows } }',
          { id: participantId },
          world.tokens.host,
        ),
      ).participant;

    api.clock.set(new Date('2026-09-05T10:00:00Z'));
    try {
      expect(dataOf(await mark(regs[0], true)).markAttendance.status).toBe('ATTENDED');
      for (const id of regs.slice(1, 3)) dataOf(await mark(id, false));
      expect(await flags()).toEqual({ noShowCount: 2, consecutiveNoShows: 2, flaggedForNoShows: false });
      dataOf(await mark(regs[3], false));
      expect(await flags()).toEqual({ noShowCount: 3, consecutiveNoShows: 3, flaggedForNoShows: true });
      dataOf(await api.gql('mutation { setNoShowFlagThreshold(threshold: 4) { noShowFlagThreshold } }', {}, token));
      expect((await flags()).flaggedForNoShows).toBe(false);
      // A correction: they did come to the last one after all.
      dataOf(await mark(regs[3], true));
      expect(await flags()).toEqual({ noShowCount: 2, consecutiveNoShows: 0, flaggedForNoShows: false });
      expect(errorOf(await mark(regs[3], true, world.tokens.schoolContact)).code).toBe('FORBIDDEN');
    } finally {
      api.clock.set(new Date('2026-08-15T10:00:00Z'));
      await api.gql('mutation { setNoShowFlagThreshold(threshold: 3) { noShowFlagThreshold } }', {}, token);
    }
  });

  it('records "session cancelled" for everyone registered when a session is cancelled', async () => {
    const id = await session(1);
    await register(id, { participant: parent('Hassan') });
    await register(id, { participant: parent('Ilse') });
    dataOf(await api.gql('mutation($id: ID!) { cancelSession(id: $id, reason: "Ziekte") { status } }', { id }, world.tokens.host));
    expect((await events(id)).filter((e) => e.startsWith('SESSION_CANCELLED')).sort()).toEqual(['SESSION_CANCELLED Hassan', 'SESSION_CANCELLED Ilse']);
    expect(errorOf(await api.gql(REGISTER, { i: { sessionId: id, participant: parent('Jan') } }, token)).code).toBe('SESSION_CANCELLED');
  });

  it('keeps a dropped series date that has registrations as a cancelled session instead of deleting it', async () => {
    const series = dataOf(
      await api.gql(
        CREATE_SERIES,
        {
          i: {
            programmeId: world.praattafelId,
            venueId: world.centreVenueId,
            title: 'Praattafel',
            rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
            firstStartsAt: '2026-09-08T19:00:00+02:00',
            durationMinutes: 60,
            hostIds: [world.userIds.host],
          },
        },
        token,
      ),
    ).createSessionSeries;
    const [withPeople, empty] = series.sessions.map((s: { id: string }) => s.id);
    const registration = await register(withPeople, { participant: parent('Karim') });
    const change = dataOf(
      await api.gql(
        'mutation($id: ID!, $i: UpdateSessionSeriesInput!) { updateSessionSeries(id: $id, input: $i) { removedSessions } }',
        { id: series.id, i: { rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=3' } },
        token,
      ),
    ).updateSessionSeries;
    expect(change.removedSessions).toBe(3);
    const kept = dataOf(await api.gql('query($id: ID!) { session(id: $id) { status cancellationReason } }', { id: withPeople })).session;
    expect(kept.status).toBe('CANCELLED');
    expect(dataOf(await api.gql('query($id: ID!) { session(id: $id) { id } }', { id: empty })).session).toBeNull();
    expect(dataOf(await api.gql('query($id: ID!) { registration(id: $id) { status } }', { id: registration.id }, token)).registration.status).toBe('CONFIRMED');
    expect(await events(withPeople)).toContain('SESSION_CANCELLED Karim');
  });

  it('finds earlier parents by name or phone, and flags a likely duplicate instead of merging', async () => {
    const id = await session(10, { venueId: world.schoolVenueId, programmeId: world.schoolbabbelId });
    const first = await register(id, { participant: parent('Layla', { lastName: 'Haddad', phone: '0470 12 34 56' }) }, world.tokens.schoolContact);
    const stored = dataOf(
      await api.gql(
        'query($id: ID!) { participant(id: $id) { phone registeredByOrganisation { id } } }',
        { id: first.participant.id },
        world.tokens.schoolContact,
      ),
    ).participant;
    expect(stored).toEqual({ phone: '+32470123456', registeredByOrganisation: { id: world.schoolId } });
    const search = (q: string, as = world.tokens.schoolContact) =>
      api.gql('query($q: String) { participants(search: $q) { firstName lastName } }', { q }, as).then(dataOf);
    expect((await search('layla')).participants).toEqual([{ firstName: 'Layla', lastName: 'Haddad' }]);
    expect((await search('0470 12 34')).participants).toEqual([{ firstName: 'Layla', lastName: 'Haddad' }]);
    expect((await search('layla', world.tokens.otherSchoolContact)).participants).toEqual([]);

    const other = await api.gql(
      'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { participant { id possibleDuplicateOf { id firstName } } } }',
      { i: { sessionId: await session(10, { venueId: world.schoolVenueId }), participant: parent('Leila', { phone: '+32 470 12 34 56' }) } },
      world.tokens.schoolContact,
    );
    const duplicate = dataOf(other).registerParticipant.participant;
    expect(duplicate.id).not.toBe(first.participant.id);
    expect(duplicate.possibleDuplicateOf).toEqual({ id: first.participant.id, firstName: 'Layla' });
  });

  it('keeps participant data behind a login while seat counts stay public', async () => {
    const id = await session(3);
    await register(id, { participant: parent('Mariam') });
    const anonymous = await api.gql('query($id: ID!) { session(id: $id) { confirmedCount availableSeats } }', { id });
    expect(dataOf(anonymous).session).toEqual({ confirmedCount: 1, availableSeats: 2 });
    expect(errorOf(await api.gql(LIST, { id })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await api.gql('{ participants { id } }')).code).toBe('UNAUTHENTICATED');
  });
});
