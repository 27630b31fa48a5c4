import { createWorld, CREATE_SESSION, type World } from '../../api/test/fixtures';
import { dataOf, type TestApi } from '../../api/test/test-api';
import { startWebTest, type WebTest } from './browser';

/** Wednesday 9 September 2026, 10:00 in Brussels: "this week" runs to Sunday 13, "next week" 14–20. */
export const BROWSER_NOW = new Date('2026-09-09T08:00:00Z');

export interface PublicSchedule {
  world: World;
  /** Wed 9 Sep 19:00–20:30, Praattafel at the neighbourhood centre, 10 seats, 2 taken. */
  praattafelId: string;
  /** Thu 10 Sep 08:45–10:15, Schoolbabbel at De Vlieger, 2 seats, full, 1 waiting. */
  fullSchoolbabbelId: string;
  /** Tue 15 Sep 08:45–10:15, Schoolbabbel at Sint-Jan (next week), 12 seats, co-hosted by a volunteer who speaks Turkish, Dari and Pashto. */
  nextWeekId: string;
}

/**
 * Three sessions in the window and two outside it (one already over this morning, one the week
 * after next), on the fixtures' world; the Praattafel is also offered with help in Arabic, and the
 * volunteer who co-hosts the Schoolbabbel at Sint-Jan helps in Turkish, Dari and Pashto.
 */
export async function seedPublicSchedule(api: TestApi): Promise<PublicSchedule> {
  const world = await createWorld(api);
  const admin = world.tokens.admin;
  const session = async (input: Record<string, unknown>) =>
    dataOf(await api.gql<{ createSession: { id: string } }>(CREATE_SESSION, { i: input }, admin)).createSession.id;
  const register = async (sessionId: string, firstName: string) =>
    dataOf(
      await api.gql(
        'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }',
        { i: { sessionId, participant: { firstName, preferredLanguage: 'ar', contactChannel: 'NONE', consentToContact: false } } },
        admin,
      ),
    );
  dataOf(
    await api.gql(
      'mutation($id: ID!, $i: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $i) { id } }',
      { id: world.praattafelId, i: { languages: ['nl', 'ar'] } },
      admin,
    ),
  );

  dataOf(
    await api.gql(
      'mutation($v: ID!, $i: VolunteerProfileInput!) { saveVolunteerProfile(volunteerId: $v, input: $i) { id } }',
      { v: world.userIds.volunteer, i: { languages: ['tr', 'prs', 'ps', 'nl'] } },
      admin,
    ),
  );

  const praattafelId = await session({
    programmeId: world.praattafelId,
    venueId: world.centreVenueId,
    title: 'Praattafel Overleie',
    startsAt: '2026-09-09T19:00:00+02:00',
    endsAt: '2026-09-09T20:30:00+02:00',
    capacity: 10,
  });
  const fullSchoolbabbelId = await session({
    programmeId: world.schoolbabbelId,
    venueId: world.schoolVenueId,
    title: 'Schoolbabbel De Vlieger',
    startsAt: '2026-09-10T08:45:00+02:00',
    endsAt: '2026-09-10T10:15:00+02:00',
    capacity: 2,
  });
  const nextWeekId = await session({
    programmeId: world.schoolbabbelId,
    venueId: world.otherSchoolVenueId,
    title: 'Schoolbabbel Sint-Jan',
    startsAt: '2026-09-15T08:45:00+02:00',
    endsAt: '2026-09-15T10:15:00+02:00',
    hostIds: [world.userIds.volunteer],
  });
  await session({
    programmeId: world.praattafelId,
    venueId: world.centreVenueId,
    title: 'Praattafel vanochtend',
    startsAt: '2026-09-09T08:00:00+02:00',
    endsAt: '2026-09-09T09:30:00+02:00',
  });
  await session({
    programmeId: world.praattafelId,
    venueId: world.centreVenueId,
    title: 'Praattafel over twee weken',
    startsAt: '2026-09-21T19:00:00+02:00',
    endsAt: '2026-09-21T20:30:00+02:00',
  });

  await register(praattafelId, 'Amina');
  await register(praattafelId, 'Oksana');
  for (const firstName of ['Fatima', 'Mohamed', 'Aziz']) await register(fullSchoolbabbelId, firstName);
  return { world, praattafelId, fullSchoolbabbelId, nextWeekId };
}

/**
 * The web app with the public schedule seeded, for one describe block: started before its tests,
 * closed after them, and after each test no console error, uncaught exception or Content-Security-
 * Policy refusal on any page. The getters are valid inside the tests.
 */
export function withPublicScheduleWeb(): { readonly web: WebTest; readonly seeded: PublicSchedule } {
  let web: WebTest | undefined;
  let seeded: PublicSchedule | undefined;
  beforeAll(async () => {
    web = await startWebTest({ now: BROWSER_NOW });
    seeded = await seedPublicSchedule(web.api);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(() => {
    expect(web?.pageErrors).toEqual([]);
  });
  return {
    get web() {
      if (!web) throw new Error('the web app is not started yet (use it inside a test)');
      return web;
    },
    get seeded() {
      if (!seeded) throw new Error('the schedule is not seeded yet (use it inside a test)');
      return seeded;
    },
  };
}
