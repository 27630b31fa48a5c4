import ical, { VEvent } from 'node-ical';
import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, startTestApi, TestApi } from './test-api';
import { createVolunteers, SIGN_UP } from './volunteer-fixtures';

const ISSUE_FEED = `mutation($v: ID!) { issueCalendarFeed(volunteerId: $v) }`;
const MOVE_SESSION = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { moveSession(id: $id, startsAt: $s, endsAt: $e) { id } }`;

/**
 * Calendar apps poll the feed with If-None-Match; an unchanged feed must be byte-for-byte
 * the same (DTSTAMP is the last change, not "now") so they get a 304 instead of the whole feed.
 */
describe('the calendar feed over HTTP', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
  });
  afterAll(() => api?.close());

  it('is stable while nothing changes, answers 304 to If-None-Match, and gets a new ETag when a shift moves', async () => {
    const [volunteer] = await createVolunteers(api, world, ['Samira']);
    const session = dataOf(
      await api.gql(
        CREATE_SESSION,
        { i: sessionInput(world, { title: 'Praattafel Bissegem', startsAt: '2026-11-17T19:00:00+01:00', endsAt: '2026-11-17T20:30:00+01:00' }) },
        world.tokens.coordinator,
      ),
    ).createSession;
    const shift = dataOf(
      await api.gql(
        `mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`,
        { i: { sessionId: session.id, role: 'WELCOME', needed: 2 } },
        world.tokens.coordinator,
      ),
    ).createShift;
    dataOf(await api.gql(SIGN_UP, { s: shift.id }, volunteer.token));
    const path = dataOf(await api.gql(ISSUE_FEED, { v: volunteer.id }, volunteer.token)).issueCalendarFeed as string;
    const url = `${api.baseUrl}${path}`;

    const first = await fetch(url);
    const firstBody = await first.text();
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // A new second on the clock must not change anything: DTSTAMP is the last change of the item.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await fetch(url);
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('etag')).toBe(etag);

    const conditional = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe('');
    expect(conditional.headers.get('etag')).toBe(etag);

    dataOf(await api.gql(MOVE_SESSION, { id: session.id, s: '2026-11-18T19:00:00+01:00', e: '2026-11-18T20:30:00+01:00' }, world.tokens.coordinator));
    const moved = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
    expect(await moved.text()).toContain('DTSTART:20261118T180000Z');
  });

  it('carries the SEQUENCE and LAST-MODIFIED of the shift, raised by a move, and drops a cancelled session', async () => {
    const [volunteer] = await createVolunteers(api, world, ['Yusuf']);
    const session = dataOf(
      await api.gql(
        CREATE_SESSION,
        { i: sessionInput(world, { title: 'Praattafel Heule', startsAt: '2026-12-01T19:00:00+01:00', endsAt: '2026-12-01T20:30:00+01:00' }) },
        world.tokens.coordinator,
      ),
    ).createSession;
    const shift = dataOf(
      await api.gql(
        `mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`,
        { i: { sessionId: session.id, role: 'WELCOME', needed: 1 } },
        world.tokens.coordinator,
      ),
    ).createShift;
    const assignment = dataOf(await api.gql(SIGN_UP, { s: shift.id }, volunteer.token)).signUpForShift;
    const path = dataOf(await api.gql(ISSUE_FEED, { v: volunteer.id }, volunteer.token)).issueCalendarFeed as string;
    const feed = async () =>
      Object.values(ical.sync.parseICS(await (await fetch(`${api.baseUrl}${path}`)).text())).filter((c): c is VEvent => c?.type === 'VEVENT');
    const revision = async () =>
      (await api.dataSource.query(`SELECT calendar_sequence, calendar_changed_at FROM shift_assignment WHERE id = $1`, [assignment.id]))[0] as {
        calendar_sequence: number;
        calendar_changed_at: Date;
      };
    const seconds = (date: Date | string) => Math.floor(new Date(date).getTime() / 1000);

    const [before] = await feed();
    expect([before.uid, before.sequence]).toEqual([assignment.id, 0]);
    expect(seconds(before.lastmodified!)).toBe(seconds((await revision()).calendar_changed_at));

    dataOf(await api.gql(MOVE_SESSION, { id: session.id, s: '2026-12-02T19:00:00+01:00', e: '2026-12-02T20:30:00+01:00' }, world.tokens.coordinator));
    const moved = await revision();
    expect(moved.calendar_sequence).toBe(1);
    const [after] = await feed();
    expect([after.uid, after.sequence, new Date(after.start).toISOString()]).toEqual([assignment.id, 1, '2026-12-02T18:00:00.000Z']);
    expect(seconds(after.lastmodified!)).toBe(seconds(moved.calendar_changed_at));
    expect(seconds(after.lastmodified!)).toBeGreaterThanOrEqual(seconds(before.lastmodified!));

    // A subscribed feed replaces the app's copy on every poll: the cancelled session's shift is simply gone.
    dataOf(await api.gql(`mutation($id: ID!) { cancelSession(id: $id) { id } }`, { id: session.id }, world.tokens.coordinator));
    expect(await feed()).toEqual([]);
  });

  it("words the role and the calendar's name in the volunteer's language, not as the raw enum value", async () => {
    const shift = dataOf(
      await api.gql(
        `mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`,
        { i: { role: 'WELCOME', needed: 3, title: 'Onthaal Sint-Amandsberg', startsAt: '2026-11-24T19:00:00+01:00', endsAt: '2026-11-24T21:00:00+01:00' } },
        world.tokens.coordinator,
      ),
    ).createShift;
    const people = await createVolunteers(api, world, ['Hiba', 'Lukas', 'Oksana']);
    const languages = ['nl', 'en-GB', 'uk'];
    const descriptions: string[] = [];
    const names: string[] = [];
    for (const [i, person] of people.entries()) {
      await api.dataSource.query(`UPDATE app_user SET preferred_language = $2 WHERE id = $1`, [person.id, languages[i]]);
      dataOf(await api.gql(SIGN_UP, { s: shift.id }, person.token));
      const path = dataOf(await api.gql(ISSUE_FEED, { v: person.id }, person.token)).issueCalendarFeed as string;
      const text = await (await fetch(`${api.baseUrl}${path}`)).text();
      const [event] = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
      descriptions.push(String(event.description));
      names.push(/^X-WR-CALNAME:(.*)$/m.exec(text)?.[1].trim() ?? '');
    }
    expect(descriptions).toEqual(['Onthaal', 'Welcoming people', 'Зустріч гостей']);
    expect(names).toEqual(['Oefenkansen: Mijn shifts', 'Oefenkansen: My shifts', 'Oefenkansen: Мої зміни']);
  });

  it.each([
    ['a made-up token', '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics'],
    ['a token of the wrong shape', '/calendar/not-a-token.ics'],
  ])('answers 404 to %s with a body its Content-Type describes', async (_what, path) => {
    const response = await fetch(`${api.baseUrl}${path}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
  });
});
