import type { Page } from 'playwright-core';
import { CREATE_SESSION, createWorld, type World } from '../../api/test/fixtures';
import { dataOf, tableSnapshot } from '../../api/test/test-api';
import { signIn, startWebTest, type WebTest } from './browser';
import { runAxe, unlabelledFields } from './page-checks';

/** Wednesday 9 September 2026, 19:30 in Brussels: today's Praattafel (19:00–20:30) is under way. */
const NOW = new Date('2026-09-09T17:30:00Z');
const PHONE = { width: 390, height: 844 };
const TABLES = ['registration', 'participant', 'registration_event', 'notification'] as const;

const REGISTER = 'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }';
const REGISTRATIONS = 'query($id: ID!) { session(id: $id) { registrations { status walkIn children participant { firstName anonymous preferredLanguage } } } }';

type SessionState = {
  session: {
    registrations: { status: string; walkIn: boolean; children: number; participant: { firstName: string; anonymous: boolean; preferredLanguage: string } }[];
  };
};

/** The host at the door, on a phone and from the keyboard: someone who did not register is added as come. */
describe('host page: add a walk-in', () => {
  let web: WebTest;
  let world: World;
  let todayId: string;
  let tomorrowId: string;

  beforeAll(async () => {
    web = await startWebTest({ now: NOW });
    world = await createWorld(web.api);
    const gql = async <T>(query: string, variables: Record<string, unknown>) => dataOf(await web.api.gql<T>(query, variables, world.tokens.admin));
    const session = async (title: string, day: string) =>
      (
        await gql<{ createSession: { id: string } }>(CREATE_SESSION, {
          i: {
            programmeId: world.praattafelId,
            venueId: world.centreVenueId,
            title,
            startsAt: `${day}T19:00:00+02:00`,
            endsAt: `${day}T20:30:00+02:00`,
            capacity: 10,
            hostIds: [world.userIds.host],
          },
        })
      ).createSession.id;
    web.api.clock.set(new Date('2026-09-01T10:00:00Z'));
    todayId = await session('Praattafel Overleie', '2026-09-09');
    tomorrowId = await session('Praattafel Bibliotheek', '2026-09-10');
    await gql(REGISTER, {
      i: {
        sessionId: todayId,
        participant: { firstName: 'Amina', lastName: 'Haidari', preferredLanguage: 'ar', contactChannel: 'NONE', consentToContact: false },
      },
    });
    web.api.clock.set(NOW);
  });

  afterAll(async () => {
    await web?.close();
  });

  afterEach(() => {
    expect(web.pageErrors).toEqual([]);
  });

  const registrations = async (id: string) => dataOf(await web.api.gql<SessionState>(REGISTRATIONS, { id }, world.tokens.admin)).session.registrations;
  const snapshot = () => tableSnapshot(web.api.dataSource, TABLES);
  const names = (page: Page) => page.locator('.attendee__name').allInnerTexts();

  it('adds an anonymous walk-in and a named one with 2 children by keyboard at 390 px; children 11 is refused at the field', async () => {
    const page = await web.newPage({ viewport: PHONE });
    await page.goto(`/login?next=${encodeURIComponent(`/host/sessions/${todayId}`)}`);
    await signIn(page, 'host@test.oefenkansen.be');
    await page.getByRole('heading', { level: 1, name: 'Praattafel Overleie' }).waitFor();
    await page.locator('.attendee').first().waitFor();
    expect(await names(page)).toEqual(['Amina Haidari']);

    // Open the form from the keyboard: the first name takes the focus.
    await page.getByRole('button', { name: 'Iemand toevoegen' }).focus();
    await page.keyboard.press('Enter');
    const firstName = page.getByLabel('Voornaam (mag leeg blijven)');
    await firstName.waitFor();
    await expect(firstName.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'host-walk-in-form');

    // Anonymous: the name left empty, Enter saves; the row appears as come.
    await page.keyboard.press('Enter');
    await page.getByText('Iemand zonder naam is toegevoegd als aanwezig.').waitFor();
    await page.locator('.attendee__name', { hasText: 'Iemand zonder naam' }).waitFor();
    expect(await names(page)).toEqual(['Amina Haidari', 'Iemand zonder naam']);
    const anonymousRow = page.locator('.attendee').filter({ hasText: 'Iemand zonder naam' });
    await expect(anonymousRow.getByRole('button', { name: 'Aanwezig' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(anonymousRow.innerText()).resolves.toContain('Zonder inschrijving gekomen');

    // A named one: 11 children is refused next to the field, in the page's words, and nothing changes.
    await firstName.focus();
    await page.keyboard.type('Farid');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0470 12 34 56');
    await page.locator('#walk-in-language').selectOption('prs');
    const children = page.getByLabel('Kinderen die mee zijn');
    await children.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('11');
    const before = await snapshot();
    await page.keyboard.press('Enter');
    await page.locator('.field-error', { hasText: 'Schrijf een getal van 0 tot 10.' }).waitFor();
    await expect(children.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(children.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    expect(await snapshot()).toEqual(before);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'host-walk-in-error');

    // Two children, Enter: Farid comes in as present, with them.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.getByText('Farid is toegevoegd als aanwezig.').waitFor();
    await page.locator('.attendee__name', { hasText: 'Farid' }).waitFor();
    expect(await names(page)).toEqual(['Amina Haidari', 'Iemand zonder naam', 'Farid']);
    const farid = page.locator('.attendee').filter({ hasText: 'Farid' });
    await expect(farid.innerText()).resolves.toContain('Zonder inschrijving gekomen · Kinderen: 2');
    await expect(page.locator('.field-error').count()).resolves.toBe(0);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'host-walk-in-added');

    expect(await registrations(todayId)).toEqual([
      { status: 'CONFIRMED', walkIn: false, children: 0, participant: { firstName: 'Amina', anonymous: false, preferredLanguage: 'ar' } },
      { status: 'ATTENDED', walkIn: true, children: 0, participant: { firstName: '', anonymous: true, preferredLanguage: 'nl' } },
      { status: 'ATTENDED', walkIn: true, children: 2, participant: { firstName: 'Farid', anonymous: false, preferredLanguage: 'prs' } },
    ]);
  });

  it('counts the walk-ins in the coordinator’s report: among the attended, and apart', async () => {
    const page = await web.newPage({ viewport: PHONE });
    await page.goto(`/login?next=${encodeURIComponent('/coordinator/reports')}`);
    await signIn(page, 'coordinator@test.oefenkansen.be');
    await page.getByRole('heading', { level: 1, name: 'Rapporten' }).waitFor();
    const table = page.locator('#attendance-table');
    await table.locator('tbody tr').first().waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    const cells = await table.locator('tbody tr', { hasText: 'Praattafel' }).locator('th, td').allInnerTexts();
    const column = (header: string) => cells[headers.indexOf(header)];
    expect([column('Aanwezig'), column('Waarvan zonder inschrijving')]).toEqual(['2', '2']);
    expect((await runAxe(page)).violations).toEqual([]);
  });

  it('offers no walk-in before the window opens (tomorrow’s session)', async () => {
    const page = await web.newPage({ viewport: PHONE });
    await page.goto(`/login?next=${encodeURIComponent(`/host/sessions/${tomorrowId}`)}`);
    await signIn(page, 'host@test.oefenkansen.be');
    await page.getByRole('heading', { level: 1, name: 'Praattafel Bibliotheek' }).waitFor();
    await page.getByRole('button', { name: 'Deze sessie afzeggen' }).waitFor();
    await expect(page.getByRole('button', { name: 'Iemand toevoegen' }).count()).resolves.toBe(0);
  });
});
