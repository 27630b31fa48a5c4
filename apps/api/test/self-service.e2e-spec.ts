import { createHash } from 'node:crypto';
import { PersonalLinks } from '@app/registrations';
import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status } }`;
const MINE = `query($t: String!) { myRegistration(token: $t) { id status waitlistPosition confirmedByHolderAt participant { firstName preferredLanguage } session { id title } } }`;
const CONFIRM = `mutation($t: String!) { confirmMyRegistration(token: $t) { id status confirmedByHolderAt } }`;
const CANCEL = `mutation($t: String!) { cancelMyRegistration(token: $t) { id status } }`;
const DECLINE = `mutation($t: String!) { declineSeatOffer(token: $t) { id status } }`;
const HOSTS_LIST = `query($id: ID!) { session(id: $id) { registrations { id status confirmedByHolderAt } } }`;
const ERASE = `mutation($s: PersonalDataSubjectInput!, $r: String!) { erasePersonalData(subject: $s, reason: $r) { alreadyErased } }`;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,}$/;

let phoneSerial = 0;
const smsParent = (firstName: string, extra: Record<string, unknown> = {}) => ({
  firstName,
  lastName: 'Haidari',
  phone: `+32471${String((phoneSerial += 1)).padStart(6, '0')}`,
  email: `${firstName.toLowerCase()}@example.org`,
  preferredLanguage: 'prs',
  contactChannel: 'SMS',
  consentToContact: true,
  ...extra,
});

describe('self-service through the personal link (no login)', () => {
  let api: TestApi;
  let world: World;
  let links: PersonalLinks;
  const coordinator = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, world.tokens.coordinator);
  const anonymous = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, null);

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    links = api.app.get(PersonalLinks);
  });
  afterAll(() => api.close());
  afterEach(() => api.clock.set(new Date('2026-08-15T10:00:00Z')));

  async function session(capacity: number): Promise<string> {
    return dataOf(await coordinator(CREATE_SESSION, { i: sessionInput(world, { capacity, hostIds: [world.userIds.host] }) })).createSession.id;
  }
  async function register(sessionId: string, firstName: string): Promise<{ id: string; status: string; token: string }> {
    const registration = dataOf(await coordinator(REGISTER, { i: { sessionId, participant: smsParent(firstName) } })).registerParticipant;
    return { ...registration, token: links.tokenFor(registration.id) };
  }
  const mine = async (token: string) => dataOf(await anonymous(MINE, { t: token })).myRegistration;

  it('gives every registration a URL-safe token of at least 22 characters that opens it, in the holder’s language', async () => {
    const sessionId = await session(5);
    const amina = await register(sessionId, 'Amina');
    expect(amina.token).toMatch(TOKEN_SHAPE);
    expect(links.urlFor(amina.id)).toBe(`${api.config.publicBaseUrl}/r/${amina.token}`);
    expect(links.tokenFor(amina.id)).toBe(amina.token);
    expect(await mine(amina.token)).toMatchObject({
      id: amina.id,
      status: 'CONFIRMED',
      participant: { firstName: 'Amina', preferredLanguage: 'prs' },
      session: { id: sessionId, title: 'Praattafel Overleie' },
    });
  });

  it('stores only the hash: no column of registration_link or of the notifications holds the token', async () => {
    const sessionId = await session(5);
    const bilal = await register(sessionId, 'Bilal');
    const [link] = await api.dataSource.query(`SELECT * FROM registration_link WHERE registration_id = $1`, [bilal.id]);
    expect(link.token_hash).toBe(createHash('sha256').update(bilal.token).digest('hex'));
    expect(new Date(link.expires_at).toISOString()).toBe(new Date('2026-09-08T20:30:00+02:00').toISOString());
    const dumps = await api.dataSource.query(
      `SELECT (SELECT json_agg(l)::text FROM registration_link l) AS links, (SELECT json_agg(n)::text FROM notification n) AS notifications,
              (SELECT json_agg(e)::text FROM registration_event e) AS events, (SELECT json_agg(r)::text FROM registration r) AS registrations`,
    );
    expect(Object.values(dumps[0]).join('').length).toBeGreaterThan(100);
    for (const dump of Object.values(dumps[0]) as string[]) expect(dump).not.toContain(bilal.token);
  });

  it('opens nothing for an unknown, malformed or after-the-session token; a mutation with one is NOT_FOUND at field token', async () => {
    const sessionId = await session(5);
    const chaima = await register(sessionId, 'Chaima');
    expect(await mine('A'.repeat(22))).toBeNull();
    expect(await mine('not a token')).toBeNull();
    expect(await mine(chaima.token.slice(0, 21))).toBeNull();
    for (const mutation of [CONFIRM, CANCEL, DECLINE]) {
      const error = errorOf(await anonymous(mutation, { t: 'B'.repeat(22) }));
      expect([error.code, error.extensions.field]).toEqual(['NOT_FOUND', 'token']);
    }
    api.clock.set(new Date('2026-09-08T20:00:00+02:00'));
    expect((await mine(chaima.token))?.id).toBe(chaima.id);
    api.clock.set(new Date('2026-09-08T20:30:00+02:00'));
    expect(await mine(chaima.token)).toBeNull();
    expect(errorOf(await anonymous(CANCEL, { t: chaima.token })).code).toBe('NOT_FOUND');
  });

  it('"I cannot come" frees the seat and confirms the first waiting person in the same transaction; the link still opens, cancelling again changes nothing', async () => {
    const sessionId = await session(1);
    const dawit = await register(sessionId, 'Dawit');
    const emre = await register(sessionId, 'Emre');
    const fatma = await register(sessionId, 'Fatma');
    expect([dawit.status, emre.status, fatma.status]).toEqual(['CONFIRMED', 'WAITLISTED', 'WAITLISTED']);

    expect(dataOf(await anonymous(CANCEL, { t: dawit.token })).cancelMyRegistration).toEqual({ id: dawit.id, status: 'CANCELLED' });
    expect(await mine(emre.token)).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null });
    expect(await mine(fatma.token)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    const events = await api.dataSource.query(
      `SELECT kind, registration_id, actor_id, via, occurred_at FROM registration_event WHERE session_id = $1 AND kind IN ('CANCELLED', 'PROMOTED')`,
      [sessionId],
    );
    expect(
      events.map((e: { kind: string; registration_id: string; actor_id: string | null; via: string | null }) => [e.kind, e.registration_id, e.actor_id, e.via]),
    ).toEqual(
      expect.arrayContaining([
        ['CANCELLED', dawit.id, null, 'LINK'],
        ['PROMOTED', emre.id, null, null],
      ]),
    );
    expect(events).toHaveLength(2);
    // now() is the transaction's start: one time for both rows means one transaction.
    expect(new Date(events[0].occurred_at).getTime()).toBe(new Date(events[1].occurred_at).getTime());
    const emresMessages = await api.dataSource.query(`SELECT kind FROM notification WHERE registration_id = $1 AND kind = 'PROMOTED'`, [emre.id]);
    expect(emresMessages).toHaveLength(1);

    expect(await mine(dawit.token)).toMatchObject({ id: dawit.id, status: 'CANCELLED' });
    const before = await tableSnapshot(api.dataSource, ['registration', 'registration_event', 'notification']);
    expect(dataOf(await anonymous(CANCEL, { t: dawit.token })).cancelMyRegistration.status).toBe('CANCELLED');
    expect(await tableSnapshot(api.dataSource, ['registration', 'registration_event', 'notification'])).toEqual(before);
  });

  it('"I am coming" is recorded once on a confirmed seat and shown to the hosts; nothing to confirm or decline otherwise', async () => {
    const sessionId = await session(1);
    const gul = await register(sessionId, 'Gul');
    const hamid = await register(sessionId, 'Hamid');
    api.clock.set(new Date('2026-09-01T09:00:00Z'));
    const first = dataOf(await anonymous(CONFIRM, { t: gul.token })).confirmMyRegistration;
    expect(first).toEqual({ id: gul.id, status: 'CONFIRMED', confirmedByHolderAt: '2026-09-01T11:00:00+02:00' });
    api.clock.set(new Date('2026-09-02T09:00:00Z'));
    expect(dataOf(await anonymous(CONFIRM, { t: gul.token })).confirmMyRegistration.confirmedByHolderAt).toBe('2026-09-01T11:00:00+02:00');
    const confirmations = await api.dataSource.query(`SELECT actor_id, via FROM registration_event WHERE registration_id = $1 AND kind = 'HOLDER_CONFIRMED'`, [
      gul.id,
    ]);
    expect(confirmations).toEqual([{ actor_id: null, via: 'LINK' }]);
    const hostsList = dataOf(await api.gql(HOSTS_LIST, { id: sessionId }, world.tokens.host)).session.registrations;
    expect(hostsList).toEqual([
      { id: gul.id, status: 'CONFIRMED', confirmedByHolderAt: '2026-09-01T11:00:00+02:00' },
      { id: hamid.id, status: 'WAITLISTED', confirmedByHolderAt: null },
    ]);

    const before = await tableSnapshot(api.dataSource, ['registration', 'registration_event', 'notification']);
    for (const [mutation, token] of [
      [CONFIRM, hamid.token],
      [DECLINE, hamid.token],
      [DECLINE, gul.token],
    ]) {
      const error = errorOf(await anonymous(mutation, { t: token }));
      expect([error.code, error.extensions.field]).toEqual(['BAD_USER_INPUT', 'token']);
    }
    expect(await tableSnapshot(api.dataSource, ['registration', 'registration_event', 'notification'])).toEqual(before);
  });

  it('refuses "I cannot come" once the session has started (SESSION_IN_PAST) and changes nothing', async () => {
    const sessionId = await session(1);
    const imane = await register(sessionId, 'Imane');
    await register(sessionId, 'Jamal');
    api.clock.set(new Date('2026-09-08T19:05:00+02:00'));
    const tables = ['registration', 'registration_event', 'notification', 'registration_link'];
    const before = await tableSnapshot(api.dataSource, tables);
    for (const mutation of [CANCEL, CONFIRM]) expect(errorOf(await anonymous(mutation, { t: imane.token })).code).toBe('SESSION_IN_PAST');
    expect(await tableSnapshot(api.dataSource, tables)).toEqual(before);
    expect(await mine(imane.token)).toMatchObject({ status: 'CONFIRMED' });
  });

  it('shows the holder only their own first name and language: no other field of theirs, no one else at the session', async () => {
    const sessionId = await session(5);
    const karim = await register(sessionId, 'Karim');
    await register(sessionId, 'Layla');
    const own = await anonymous(
      `query($t: String!) { myRegistration(token: $t) { participant { id firstName lastName phone email preferredLanguage contactChannel consentToContact restricted erasedAt noShowCount consecutiveNoShows flaggedForNoShows consentRecordedAt consentRecordedBy { id } referralChannel registrations { id } registeredByOrganisation { id } possibleDuplicateOf { id } } } }`,
      { t: karim.token },
    );
    expect(dataOf(own).myRegistration.participant).toMatchObject({
      firstName: 'Karim',
      preferredLanguage: 'prs',
      lastName: null,
      phone: null,
      email: null,
      contactChannel: 'NONE',
      consentToContact: false,
      restricted: true,
      erasedAt: null,
      noShowCount: 0,
      consecutiveNoShows: 0,
      flaggedForNoShows: false,
      consentRecordedAt: null,
      consentRecordedBy: null,
      referralChannel: null,
      registrations: [],
      registeredByOrganisation: null,
      possibleDuplicateOf: null,
    });
    const others = await anonymous(`query($t: String!) { myRegistration(token: $t) { session { registrations { id participant { firstName phone } } } } }`, {
      t: karim.token,
    });
    expect(errorOf(others).code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(others)).not.toContain('Layla');
  });

  it('erasing the person revokes their links', async () => {
    const sessionId = await session(5);
    const mariam = await register(sessionId, 'Mariam');
    const { participantId } = (await api.dataSource.query(`SELECT participant_id AS "participantId" FROM registration WHERE id = $1`, [mariam.id]))[0];
    expect((await mine(mariam.token))?.id).toBe(mariam.id);
    dataOf(await coordinator(ERASE, { s: { participantId }, r: 'Verzoek per e-mail, ticket 4712' }));
    expect(await mine(mariam.token)).toBeNull();
    const [link] = await api.dataSource.query(`SELECT revoked_at FROM registration_link WHERE registration_id = $1`, [mariam.id]);
    expect(link.revoked_at).not.toBeNull();
  });

  it('a moved session takes its links along: they expire at the new end', async () => {
    const sessionId = await session(5);
    const nadia = await register(sessionId, 'Nadia');
    dataOf(
      await coordinator(`mutation($id: ID!, $s: DateTime!, $e: DateTime!) { moveSession(id: $id, startsAt: $s, endsAt: $e) { startsAt } }`, {
        id: sessionId,
        s: '2026-09-15T19:00:00+02:00',
        e: '2026-09-15T20:30:00+02:00',
      }),
    );
    const [link] = await api.dataSource.query(`SELECT expires_at FROM registration_link WHERE registration_id = $1`, [nadia.id]);
    expect(new Date(link.expires_at).toISOString()).toBe(new Date('2026-09-15T20:30:00+02:00').toISOString());
    api.clock.set(new Date('2026-09-10T10:00:00Z'));
    expect((await mine(nadia.token))?.id).toBe(nadia.id);
  });
});
