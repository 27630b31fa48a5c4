import type { Page, Route } from 'playwright-core';
import { CREATE_SESSION, createWorld, type World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { signIn, startWebTest, type WebTest } from './browser';
import { runAxe, unlabelledFields } from './page-checks';

/** Wednesday 9 September 2026, 19:30 in Brussels: today's Praattafel (19:00–20:30) is under way. */
const NOW = new Date('2026-09-09T17:30:00Z');
const PHONE = { width: 390, height: 844 };

const REGISTER = 'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id participant { id } } }';
const MARK = 'mutation($id: ID!, $attended: Boolean!) { markAttendance(registrationId: $id, attended: $attended) { id } }';
const REGISTRATIONS = 'query($id: ID!) { session(id: $id) { status cancellationReason registrations { status participant { firstName } } } }';

type Registered = { registerParticipant: { id: string; participant: { id: string } } };
type SessionState = { session: { status: string; cancellationReason: string | null; registrations: { status: string; participant: { firstName: string } }[] } };

/** A host on a phone: their sessions, who comes in which language, marking attendance, cancelling with a message. */
describe('host pages', () => {
  let web: WebTest;
  let world: World;
  let todayId: string;
  let tomorrowId: string;

  beforeAll(async () => {
    web = await startWebTest({ now: NOW });
    world = await createWorld(web.api);
    const admin = world.tokens.admin;
    const gql = async <T>(query: string, variables: Record<string, unknown>) => dataOf(await web.api.gql<T>(query, variables, admin));
    const session = async (title: string, day: string, hostIds = [world.userIds.host]) =>
      (
        await gql<{ createSession: { id: string } }>(CREATE_SESSION, {
          i: {
            programmeId: world.praattafelId,
            venueId: world.centreVenueId,
            title,
            startsAt: `${day}T19:00:00+02:00`,
            endsAt: `${day}T20:30:00+02:00`,
            capacity: 10,
            hostIds,
          },
        })
      ).createSession.id;
    const newcomer = (firstName: string, lastName: string, preferredLanguage: string, phone: string) => ({
      firstName,
      lastName,
      preferredLanguage,
      phone,
      contactChannel: 'SMS',
      consentToContact: true,
    });

    // Sessions are made while the API's clock still stands in August (the past cannot be planned).
    const twoWeeksAgo = await session('Praattafel Overleie', '2026-08-26');
    const lastWeek = await session('Praattafel Overleie', '2026-09-02');
    todayId = await session('Praattafel Overleie', '2026-09-09');
    // Marie, a volunteer, co-hosts tomorrow's table.
    tomorrowId = await session('Praattafel Bibliotheek', '2026-09-10', [world.userIds.host, world.userIds.volunteer]);
    await session('Praattafel van een collega', '2026-09-09', [world.userIds.otherHost]);

    const amina = (await gql<Registered>(REGISTER, { i: { sessionId: todayId, participant: newcomer('Amina', 'Haidari', 'ar', '+32470000001') } }))
      .registerParticipant.participant.id;
    const oksana = (await gql<Registered>(REGISTER, { i: { sessionId: lastWeek, participant: newcomer('Oksana', 'Koval', 'uk', '+32470000002') } }))
      .registerParticipant.participant.id;
    const aziz = (await gql<Registered>(REGISTER, { i: { sessionId: twoWeeksAgo, participant: newcomer('Aziz', 'Rahimi', 'prs', '+32470000003') } }))
      .registerParticipant.participant.id;
    const azizLastWeek = (await gql<Registered>(REGISTER, { i: { sessionId: lastWeek, participantId: aziz } })).registerParticipant.id;
    const azizTwoWeeksAgo = (
      await gql<{ session: { registrations: { id: string }[] } }>('query($id: ID!) { session(id: $id) { registrations { id } } }', { id: twoWeeksAgo })
    ).session.registrations[0].id;
    const oksanaLastWeek = (
      await gql<{ session: { registrations: { id: string; participant: { id: string } }[] } }>(
        'query($id: ID!) { session(id: $id) { registrations { id participant { id } } } }',
        { id: lastWeek },
      )
    ).session.registrations.find((registration) => registration.participant.id === oksana)!.id;
    for (const participantId of [oksana, aziz]) await gql(REGISTER, { i: { sessionId: todayId, participantId } });
    await gql(REGISTER, { i: { sessionId: tomorrowId, participantId: amina } });

    // Aziz stayed away twice in a row (the city flags at 2), Oksana once.
    await gql('mutation { setNoShowFlagThreshold(threshold: 2) { noShowFlagThreshold } }', {});
    web.api.clock.set(NOW);
    for (const id of [azizTwoWeeksAgo, azizLastWeek, oksanaLastWeek]) await gql(MARK, { id, attended: false });
  });

  afterAll(async () => {
    await web?.close();
  });

  afterEach(() => {
    expect(web.pageErrors).toEqual([]);
  });

  const sessionState = async (id: string) => dataOf(await web.api.gql<SessionState>(REGISTRATIONS, { id }, world.tokens.admin)).session;
  /** The row of one person on the session page. */
  const row = (page: Page, name: string) => page.locator('.attendee').filter({ has: page.getByRole('group', { name }) });

  it('a volunteer who co-hosts a table finds it through the account bar and sees who comes', async () => {
    const page = await web.newPage({ viewport: PHONE });
    await page.goto('/host');
    await signIn(page, 'volunteer@test.oefenkansen.be');
    await page.getByRole('heading', { level: 1, name: 'Mijn sessies' }).waitFor();
    // Only the session they host, not the host's other ones.
    await page.locator('.session-card').first().waitFor();
    expect(await page.locator('.session-card h2').allInnerTexts()).toEqual(['donderdag 10 september, 19:00–20:30']);
    await page.getByRole('link', { name: 'donderdag 10 september, 19:00–20:30' }).click();
    await page.locator('.attendee').first().waitFor();
    expect(await page.locator('.attendee__name').allInnerTexts()).toEqual(['Amina Haidari']);
    // Marking and cancelling stay with the hosts.
    await expect(page.getByRole('button', { name: 'Deze sessie afzeggen' }).count()).resolves.toBe(0);

    // From their own page, the account bar links to the sessions they host.
    await page.goto('/volunteer');
    await page.locator('.account-nav').getByRole('link', { name: 'Mijn sessies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn sessies' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/host');
    expect((await runAxe(page)).violations).toEqual([]);
  });

  it('a host marks attendance on a phone', async () => {
    const page = await web.newPage({ viewport: PHONE });
    await page.goto('/login');
    await signIn(page, 'host@test.oefenkansen.be');

    // After signing in, a host lands on their own sessions: from today on, not a colleague's.
    await page.getByRole('heading', { level: 1, name: 'Mijn sessies' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/host');
    await page.locator('.session-card').first().waitFor();
    expect(await page.locator('.session-card h2').allInnerTexts()).toEqual(['woensdag 9 september, 19:00–20:30', 'donderdag 10 september, 19:00–20:30']);
    expect(await page.locator('.session-card__count').allInnerTexts()).toEqual(['3 mensen ingeschreven', '1 persoon ingeschreven']);
    await expect(page.title()).resolves.toBe('Mijn sessies – Oefenkansen Kortrijk');
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'host-sessions');

    await page.getByRole('link', { name: 'woensdag 9 september, 19:00–20:30' }).click();
    await page.getByRole('heading', { level: 1, name: 'Praattafel Overleie' }).waitFor();
    await page.locator('.attendee').first().waitFor();
    // Who comes, in their language (named in the page's language), with the no-show flags.
    expect(await page.locator('.attendee__name').allInnerTexts()).toEqual(['Amina Haidari', 'Oksana Koval', 'Aziz Rahimi']);
    await expect(row(page, 'Amina Haidari').innerText()).resolves.toContain('Taal: Arabisch');
    await expect(row(page, 'Oksana Koval').innerText()).resolves.toContain('Taal: Oekraïens');
    await expect(row(page, 'Oksana Koval').locator('.muted').last().innerText()).resolves.toBe('1 keer niet gekomen');
    await expect(row(page, 'Aziz Rahimi').locator('.attendee__flag').innerText()).resolves.toBe(
      'Let op: 2 keer na elkaar niet gekomen. Bel voor de volgende keer.',
    );
    expect(await page.locator('.attendee__state').allInnerTexts()).toEqual(['Nog niet aangeduid', 'Nog niet aangeduid', 'Nog niet aangeduid']);

    // One tap: the choice shows at once while the API saves it (the request is held to see that).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route: Route) => {
      if ((route.request().postData() ?? '').includes('mutation MarkAttendance')) await held;
      await route.continue();
    });
    const amina = row(page, 'Amina Haidari');
    await amina.getByRole('button', { name: 'Aanwezig' }).click();
    await amina.getByText('Wordt bewaard…').waitFor();
    await expect(amina.getByRole('button', { name: 'Aanwezig' }).getAttribute('aria-pressed')).resolves.toBe('true');
    release();
    await amina.locator('.attendee__state', { hasText: 'Aanwezig' }).waitFor();
    await page.unroute('**/graphql');

    const oksana = row(page, 'Oksana Koval');
    await oksana.getByRole('button', { name: 'Niet gekomen' }).click();
    await oksana.locator('.attendee__state', { hasText: 'Niet gekomen' }).waitFor();
    // The row shows what the API answered: a second no-show in a row reaches the flag.
    await expect(oksana.locator('.attendee__flag').innerText()).resolves.toBe('Let op: 2 keer na elkaar niet gekomen. Bel voor de volgende keer.');

    // Saving fails: the row goes back and says so, never showing a mark the API does not hold.
    await page.route('**/graphql', (route: Route) =>
      (route.request().postData() ?? '').includes('mutation MarkAttendance')
        ? route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({ data: null, errors: [{ message: 'unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
          })
        : route.continue(),
    );
    const aziz = row(page, 'Aziz Rahimi');
    await aziz.getByRole('button', { name: 'Aanwezig' }).click();
    await aziz.getByText('Bewaren lukte niet voor Aziz Rahimi. Probeer opnieuw.').waitFor();
    await expect(aziz.getByRole('button', { name: 'Aanwezig' }).getAttribute('aria-pressed')).resolves.toBe('false');
    await page.unroute('**/graphql');

    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'host-attendance');

    // The API holds exactly what the phone showed.
    const statuses = (await sessionState(todayId)).registrations.map((registration) => [registration.participant.firstName, registration.status]);
    expect(statuses).toEqual([
      ['Amina', 'ATTENDED'],
      ['Oksana', 'NO_SHOW'],
      ['Aziz', 'CONFIRMED'],
    ]);
    // And after a reload the page shows it again.
    await page.reload();
    await page.locator('.attendee').first().waitFor();
    expect(await page.locator('.attendee__state').allInnerTexts()).toEqual(['Aanwezig', 'Niet gekomen', 'Nog niet aangeduid']);
    await expect(row(page, 'Oksana Koval').getByRole('button', { name: 'Niet gekomen' }).getAttribute('aria-pressed')).resolves.toBe('true');

    // From the keyboard: Tab goes on to the next person's first button, with a visible focus, and Enter marks.
    await row(page, 'Oksana Koval').getByRole('button', { name: 'Niet gekomen' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return {
        group: element.closest('[role="group"]')?.getAttribute('aria-label'),
        text: element.textContent,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    expect(focused).toEqual({ group: 'Aziz Rahimi', text: 'Aanwezig', outline: true });
    await page.keyboard.press('Enter');
    await row(page, 'Aziz Rahimi').locator('.attendee__state', { hasText: 'Aanwezig' }).waitFor();
    expect((await sessionState(todayId)).registrations.map((registration) => registration.status)).toEqual(['ATTENDED', 'NO_SHOW', 'ATTENDED']);
  });

  it('a host cancels a coming session with a message to everyone', async () => {
    const page = await web.newPage({ viewport: PHONE });
    await page.goto(`/login?next=${encodeURIComponent(`/host/sessions/${tomorrowId}`)}`);
    await signIn(page, 'host@test.oefenkansen.be');
    await page.getByRole('heading', { level: 1, name: 'Praattafel Bibliotheek' }).waitFor();
    // Not started yet: no attendance buttons, but the way to call it off.
    await page.getByText('Aanduiden wie er is, kan zodra de sessie begint.').waitFor();
    await expect(page.locator('.attendance').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Deze sessie afzeggen' }).click();
    const reason = 'De begeleider is ziek. Volgende week gaat het wel door';
    await page.getByLabel('Bericht aan iedereen: waarom gaat de sessie niet door?').fill(reason);
    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'host-cancel-form');
    await page.getByRole('button', { name: 'Afzeggen en bericht sturen' }).click();

    await page.getByRole('status').getByText('De sessie is afgezegd. Iedereen krijgt een bericht.').waitFor();
    await page.getByText(`Gaat niet door · Reden: ${reason}`).waitFor();
    await expect(page.getByRole('button', { name: 'Deze sessie afzeggen' }).count()).resolves.toBe(0);
    await web.screenshot(page, 'host-cancelled');

    const session = await sessionState(tomorrowId);
    expect([session.status, session.cancellationReason]).toEqual(['CANCELLED', reason]);
    // Amina, reached by SMS, gets the message about it.
    const notifications = dataOf(
      await web.api.gql<{ notifications: { kind: string; participant: { firstName: string } | null }[] }>(
        'query($s: ID!) { notifications(filter: { sessionId: $s, kind: "SESSION_CANCELLED" }) { kind participant { firstName } } }',
        { s: tomorrowId },
        world.tokens.coordinator,
      ),
    ).notifications;
    expect(notifications).toEqual([{ kind: 'SESSION_CANCELLED', participant: { firstName: 'Amina' } }]);
  });
});
