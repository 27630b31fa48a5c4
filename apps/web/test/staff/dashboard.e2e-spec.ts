import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, type World } from '../../../api/test/fixtures';
import { dataOf } from '../../../api/test/test-api';
import { signIn, type WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { axeViolations, startStaffWebTest } from './staff-helpers';

const FAILURE = 'SMS gateway: 503 Service Unavailable';

/** The coordinator's first page (browser on Wednesday 9 September 2026): full sessions, long waiting lists, few registrations, failed messages. */
describe('staff dashboard', () => {
  let web: WebTest;
  let world: World;
  let fullId: string;
  let longListId: string;
  let underBookedId: string;
  let laterId: string;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    world = await createWorld(web.api);
    const coordinator = world.tokens.coordinator;
    const session = async (programmeId: string, title: string, startsAt: string, endsAt: string, capacity: number) =>
      dataOf(
        await web.api.gql<{ createSession: { id: string } }>(
          CREATE_SESSION,
          { i: { programmeId, venueId: world.centreVenueId, title, startsAt, endsAt, capacity } },
          coordinator,
        ),
      ).createSession.id;
    const register = async (sessionId: string, count: number) => {
      const ids: string[] = [];
      for (let n = 0; n < count; n++)
        ids.push(
          dataOf(
            await web.api.gql<{ registerParticipant: { id: string } }>(
              REGISTER_PARTICIPANT,
              {
                i: {
                  sessionId,
                  participant: {
                    firstName: `Deelnemer ${n}`,
                    preferredLanguage: 'ar',
                    contactChannel: 'SMS',
                    phone: `+3247000010${n}`,
                    consentToContact: true,
                  },
                },
              },
              coordinator,
            ),
          ).registerParticipant.id,
        );
      return ids;
    };
    // Tomorrow morning: one seat, taken, one person waiting.
    fullId = await session(world.schoolbabbelId, 'Schoolbabbel De Vlieger', '2026-09-10T08:45:00+02:00', '2026-09-10T10:15:00+02:00', 1);
    const [seated] = await register(fullId, 2);
    // Tomorrow evening: room for ten, one registration (under-booked: fewer than 3 within 48 hours).
    underBookedId = await session(world.praattafelId, 'Praattafel Overleie', '2026-09-10T19:00:00+02:00', '2026-09-10T20:30:00+02:00', 10);
    await register(underBookedId, 1);
    // Next week: two seats and three people waiting.
    longListId = await session(world.praattafelId, 'Praattafel Kuurne', '2026-09-15T19:00:00+02:00', '2026-09-15T20:30:00+02:00', 2);
    await register(longListId, 5);
    // In three weeks: not on the dashboard.
    laterId = await session(world.praattafelId, 'Praattafel later', '2026-09-29T19:00:00+02:00', '2026-09-29T20:30:00+02:00', 5);

    await web.api.dataSource.query(
      `INSERT INTO notification (kind, channel, participant_id, language, session_id, due_at, dedupe_key, status, attempts, last_error)
       SELECT 'SESSION_REMINDER', 'SMS', r.participant_id, 'ar', r.session_id, '2026-09-08T19:00:00+02:00', 'e2e-dashboard-failed', 'FAILED', 5, $2
       FROM registration r WHERE r.id = $1`,
      [seated, FAILURE],
    );
    web.api.clock.set(BROWSER_NOW);
  });
  afterAll(() => web?.close());
  afterEach(() => expect(web.pageErrors).toEqual([]));

  it('a coordinator lands on it after signing in and sees full sessions, a long waiting list, few registrations and a failed message, with working links', async () => {
    const page = await web.newPage();
    await page.goto('/login');
    await signIn(page, 'coordinator@test.oefenkansen.be');
    await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff');
    // The header's link for coordinators ("Overzicht") leads here too.
    expect(await page.locator('a.account-nav__link', { hasText: 'Overzicht' }).getAttribute('href')).toBe('/staff');

    const thisWeek = page.locator('section[aria-labelledby="dashboard-this-week"]');
    const nextWeek = page.locator('section[aria-labelledby="dashboard-next-week"]');
    const full = thisWeek.locator(`tr[data-row-id="${fullId}"]`);
    await full.waitFor();
    expect(await full.locator('.fill-cell').innerText()).toBe('1 van 1 (100%)');
    expect(await full.locator('.waitlist-cell').innerText()).toBe('1');
    expect(await full.locator('.dashboard__signal').allInnerTexts()).toEqual(['Volzet']);
    const underBooked = thisWeek.locator(`tr[data-row-id="${underBookedId}"]`);
    expect(await underBooked.locator('.fill-cell').innerText()).toBe('1 van 10 (10%)');
    expect(await underBooked.locator('.dashboard__signal').allInnerTexts()).toEqual(['Weinig inschrijvingen']);
    const longList = nextWeek.locator(`tr[data-row-id="${longListId}"]`);
    expect(await longList.locator('.waitlist-cell').innerText()).toBe('3');
    expect(await longList.locator('.dashboard__signal').allInnerTexts()).toEqual(['Volzet', 'Lange wachtlijst']);
    expect(await page.locator(`tr[data-row-id="${laterId}"]`).count()).toBe(0);
    expect(await thisWeek.locator('tbody tr').count()).toBe(2);

    const underBookedList = page.locator('section[aria-labelledby="dashboard-under-booked"] li');
    expect(await underBookedList.count()).toBe(1);
    expect(await underBookedList.getAttribute('data-session-id')).toBe(underBookedId);
    expect(await underBookedList.getByRole('link').getAttribute('href')).toBe(`/staff/sessions/${underBookedId}`);
    await page.getByText('Geen trajecten om op te volgen').waitFor();
    // The fixtures' volunteer has no screening yet; one whose certificate came in is not counted.
    dataOf(
      await web.api.gql(
        'mutation($v: ID!) { saveVolunteerProfile(volunteerId: $v, input: { screeningStatus: RECEIVED }) { id } }',
        { v: world.userIds.volunteer },
        world.tokens.coordinator,
      ),
    );
    const [{ count }] = await web.api.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM app_user u LEFT JOIN volunteer_profile p ON p.user_id = u.id
        WHERE u.active AND 'VOLUNTEER' = ANY(u.roles::text[]) AND p.screening_status IS DISTINCT FROM 'RECEIVED'`,
    );
    await page.reload();
    await page
      .locator('li[data-count="unscreened-volunteers"]')
      .filter({ hasText: Number(count) === 0 ? 'Alle vrijwilligers zijn gescreend' : `${count} vrijwilliger` })
      .waitFor();

    // A phone-sized screen: the page itself never scrolls sideways, the tables do.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    expect(await full.getByRole('link', { name: /do 10 sep/ }).getAttribute('href')).toBe(`/staff/sessions/${fullId}`);
    await full.getByRole('link', { name: 'Schoolbabbel' }).click();
    await page.getByRole('heading', { name: 'Schoolbabbel', level: 1 }).waitFor();
    await page.goBack();

    const failed = page.getByRole('link', { name: '1 mislukt bericht' });
    await failed.click();
    await page.waitForURL((url) => url.pathname === '/coordinator');
    const failedItems = page.locator('#failed-messages li');
    await failedItems.first().waitFor();
    expect(await failedItems.count()).toBe(1);
    expect(await failedItems.locator('.failed-error').innerText()).toBe(FAILURE);
  });
});
