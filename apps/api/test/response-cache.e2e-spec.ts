import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Clock, FixedClock } from '@app/common';
import { SeatOffersService } from '@app/registrations';
import { WorkerModule } from '../../worker/src/worker.module';
import { loadPersistedQueries } from '../src/graphql/persisted-queries';
import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput, World } from './fixtures';
import { dataOf, startTestApi, TestApi } from './test-api';

const HOUR = 3_600_000;
const start = new Date('2026-09-08T12:00:00Z');
const CANCEL_REGISTRATION = 'mutation($id: ID!) { cancelRegistration(id: $id) { id } }';
const CANCEL_SESSION = 'mutation($id: ID!) { cancelSession(id: $id, reason: "Ziek") { id } }';
const UPDATE_PROGRAMME = 'mutation($id: ID!, $i: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $i) { id } }';

/** The id of the web app's persisted document for one operation. */
function persistedIdOf(operationName: string): string {
  for (const [id, document] of loadPersistedQueries()) if (document.includes(`query ${operationName}(`)) return id;
  throw new Error(`no persisted ${operationName}`);
}

/**
 * The response cache over real HTTP, PostgreSQL and Redis: the public session page as the web app
 * asks for it (GET by persisted id, anonymous). A cached answer is never older than the last write
 * that returned, whoever wrote (this API, another instance, the worker); an actor's answer and an
 * anonymous one never stand in for each other; nothing personal is cached.
 */
describe('the response cache', () => {
  let api: TestApi;
  let world: World;
  let token: string;
  const sessionPage = persistedIdOf('PublicSession');

  interface Read {
    status: number;
    headers: Headers;
    session: any;
    text: string;
  }

  async function read(sessionId: string, options: { token?: string; ifNoneMatch?: string; on?: TestApi } = {}): Promise<Read> {
    const params = new URLSearchParams({
      operationName: 'PublicSession',
      variables: JSON.stringify({ id: sessionId }),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sessionPage } }),
    });
    const response = await fetch(`${(options.on ?? api).baseUrl}/graphql?${params.toString()}`, {
      headers: {
        'x-apollo-operation-name': 'PublicSession',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.ifNoneMatch ? { 'if-none-match': options.ifNoneMatch } : {}),
      },
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, session: text ? JSON.parse(text).data?.session : undefined };
  }

  /** Changes a title behind the API's back (no write of ours, so no invalidation): shows whether an answer came from the cache. */
  const retitle = (sessionId: string, title: string) => api.dataSource.query(`UPDATE session SET title = $2 WHERE id = $1`, [sessionId, title]);

  async function newSession(capacity: number, title: string): Promise<string> {
    const startsAt = new Date(start.getTime() + 5 * HOUR);
    const input = sessionInput(world, { title, capacity, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 1.5 * HOUR).toISOString() });
    return dataOf(await api.gql(CREATE_SESSION, { i: input }, token)).createSession.id as string;
  }

  const register = async (sessionId: string, on: TestApi = api): Promise<string> => {
    const participant = {
      firstName: 'Amina',
      phone: `+3247066${String(Math.floor(Math.random() * 9000) + 1000)}`,
      preferredLanguage: 'nl',
      contactChannel: 'SMS',
      consentToContact: true,
    };
    return dataOf(await on.gql(REGISTER_PARTICIPANT, { i: { sessionId, participant } }, token)).registerParticipant.id as string;
  };

  beforeAll(async () => {
    api = await startTestApi({ now: start });
    world = await createWorld(api);
    token = world.tokens.coordinator;
  });
  afterAll(() => api?.close());

  it('answers a repeated anonymous read from the cache, with a strong ETag, public Cache-Control and a 304 on If-None-Match', async () => {
    const sessionId = await newSession(10, 'Praattafel gecachet');
    const first = await read(sessionId);
    expect(first.status).toBe(200);
    expect(first.session).toMatchObject({ id: sessionId, title: 'Praattafel gecachet', availableSeats: 10 });
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(first.headers.get('vary')).toMatch(/Authorization/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    await retitle(sessionId, 'Achter de rug om');
    const second = await read(sessionId);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('etag')).toBe(etag);
    const notModified = await read(sessionId, { ifNoneMatch: etag! });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);
  });

  it('shows the new free-seat count right after a registration and after a cancellation', async () => {
    const sessionId = await newSession(3, 'Zitjes tellen');
    expect((await read(sessionId)).session.availableSeats).toBe(3);
    const registrationId = await register(sessionId);
    expect((await read(sessionId)).session.availableSeats).toBe(2);
    await register(sessionId);
    expect((await read(sessionId)).session.availableSeats).toBe(1);
    dataOf(await api.gql(CANCEL_REGISTRATION, { id: registrationId }, token));
    expect((await read(sessionId)).session.availableSeats).toBe(2);
  });

  it('shows a cancelled session as cancelled, and a programme change, right after the write', async () => {
    const sessionId = await newSession(5, 'Gaat niet door');
    expect((await read(sessionId)).session.status).not.toBe('CANCELLED');
    dataOf(await api.gql(CANCEL_SESSION, { id: sessionId }, token));
    expect((await read(sessionId)).session).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Ziek' });
    dataOf(await api.gql(UPDATE_PROGRAMME, { id: world.praattafelId, i: { name: 'Praattafel Nieuw' } }, token));
    expect((await read(sessionId)).session.programme.name).toBe('Praattafel Nieuw');
  });

  it('is invalidated by a write of another API instance', async () => {
    const other = await startTestApi({ sharing: api, now: start });
    try {
      const sessionId = await newSession(4, 'Twee replica’s');
      expect((await read(sessionId)).session.availableSeats).toBe(4);
      expect((await read(sessionId, { on: other })).session.availableSeats).toBe(4);
      await register(sessionId, other);
      expect((await read(sessionId)).session.availableSeats).toBe(3);
      await register(sessionId);
      expect((await read(sessionId, { on: other })).session.availableSeats).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('is invalidated by a write of the worker (the seat-offer expiry sweep)', async () => {
    const clock = new FixedClock(start);
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(api.config)] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    const worker: INestApplication = moduleRef.createNestApplication({ logger: false });
    await worker.init();
    try {
      const sessionId = await newSession(1, 'Aanbod verloopt');
      const holder = await register(sessionId);
      await register(sessionId);
      await register(sessionId);
      dataOf(await api.gql(CANCEL_REGISTRATION, { id: holder }, token));
      // The seat is offered to the first in line; the second still waits.
      expect((await read(sessionId)).session).toMatchObject({ availableSeats: 0, waitlistCount: 1 });
      clock.set(new Date(start.getTime() + 3 * HOUR));
      expect((await worker.get(SeatOffersService).expireDue()).expired).toBe(1);
      // The offer passed on to the last in line: nobody waits any more.
      expect((await read(sessionId)).session).toMatchObject({ availableSeats: 0, waitlistCount: 0 });
    } finally {
      await worker.close();
    }
  });

  it('never serves a logged-in caller an anonymous answer, nor an anonymous caller a logged-in one', async () => {
    const sessionId = await newSession(6, 'Eerst anoniem');
    await read(sessionId);
    await retitle(sessionId, 'Voor wie inlogt');
    const coordinator = await read(sessionId, { token });
    expect(coordinator.session.title).toBe('Voor wie inlogt');
    expect(coordinator.headers.get('cache-control')).toBe('private, no-store');
    // The coordinator's answer was not stored for anyone: with the cache emptied by a write,
    // an anonymous reader gets the database's title, not the one the coordinator saw.
    const otherId = await newSession(6, 'Eerst ingelogd');
    await read(otherId, { token });
    await retitle(otherId, 'Voor iedereen');
    expect((await read(otherId)).session.title).toBe('Voor iedereen');
  });

  it('never caches a query that selects personal data or anything but public root fields', async () => {
    const sessionId = await newSession(6, 'Persoonlijk');
    await register(sessionId);
    const post = (query: string, variables: Record<string, unknown> = {}) =>
      fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const personal = 'query($id: ID!) { session(id: $id) { id title registrations { id } } }';
    for (const query of [personal, '{ me { id } }', 'query($id: ID!) { session(id: $id) { title } me { id } }']) {
      const answer = await post(query, { id: sessionId });
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
    }
    const keys = await cacheKeysAfter(async () => {
      await post(personal, { id: sessionId });
    });
    expect(keys).toEqual([]);
  });

  /** The entries a piece of work added to the cache (the generation key aside). */
  async function cacheKeysAfter(work: () => Promise<void>): Promise<string[]> {
    const { Redis } = await import('ioredis');
    const redis = new Redis(api.config.redisUrl);
    try {
      const before = new Set(await redis.keys('oefenkansen:{response-cache}:entry:*'));
      await work();
      return (await redis.keys('oefenkansen:{response-cache}:entry:*')).filter((key) => !before.has(key));
    } finally {
      redis.disconnect();
    }
  }

  it('stores an anonymous public POST too, and answers an unknown persisted id with 400 PERSISTED_QUERY_NOT_FOUND', async () => {
    const sessionId = await newSession(6, 'Per POST');
    const post = () =>
      fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($id: ID!) { session(id: $id) { title availableSeats } }', variables: { id: sessionId } }),
      });
    const keys = await cacheKeysAfter(async () => {
      expect((await post()).headers.get('cache-control')).toMatch(/^public/);
    });
    expect(keys).toHaveLength(1);
    const unknown = await fetch(
      `${api.baseUrl}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } }))}`,
      {
        headers: { 'x-apollo-operation-name': 'X' },
      },
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
  });
});
