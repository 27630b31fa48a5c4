import type { Page } from 'playwright-core';
import { at, BOOK_STAND, bookingInput, createFestival, type Festival, SATURDAY } from '../../api/test/festival-fixtures';
import { createWorld, type World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { signIn, startWebTest, type WebTest } from './browser';
import { runAxe, unlabelledFields } from './page-checks';
import { BROWSER_NOW } from './public-fixtures';

const OTHER_ASSOCIATION = 'Syrische Gemeenschap Kortrijk';

/** A festival organiser asks for stand slots on the plan; a coordinator decides on the same plan. */
describe('festival stand plan', () => {
  let web: WebTest;
  let world: World;
  let festival: Festival;
  let otherAssociationId: string;

  /** The city books a slot for the other association: confirmed at once. */
  const bookForOtherAssociation = async (code: string, from: string, to: string) =>
    dataOf(
      await web.api.gql(BOOK_STAND, { i: { ...bookingInput(festival, world, code, from, to), organisationId: otherAssociationId } }, world.tokens.coordinator),
    );

  const openPlanAs = async (page: Page, who: 'organiser' | 'coordinator') => {
    await page.goto('/festival');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await signIn(page, `${who}@test.oefenkansen.be`);
    await page.getByRole('heading', { level: 1, name: 'KortRIJK aan Culturen 2027' }).waitFor();
    await page.getByRole('button', { name: 'zaterdag 15 mei' }).click();
    await page.getByRole('table', { name: 'Plaatsen en uren op zaterdag 15 mei' }).waitFor();
  };

  /** A table cell's button, found by its accessible name (plot, time, state), which says what the cell shows. */
  const cell = (page: Page, code: string, time: string, state: string) => page.getByRole('button', { name: `Plaats ${code}, ${time}: ${state}`, exact: true });

  const expectOutcome = async (page: Page, expected: string) => {
    const notice = page.locator('.stand-outcome .notice').filter({ hasText: expected });
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toBe(expected);
  };

  beforeAll(async () => {
    web = await startWebTest({ now: BROWSER_NOW });
    world = await createWorld(web.api);
    festival = await createFestival(web.api, world);
    otherAssociationId = dataOf(
      await web.api.gql<{ createOrganisation: { id: string } }>(
        'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
        { i: { name: OTHER_ASSOCIATION, kind: 'ASSOCIATION' } },
        world.tokens.admin,
      ),
    ).createOrganisation.id;
    await bookForOtherAssociation('A1', '11:00', '15:00');
  });

  afterAll(async () => {
    await web?.close();
  });

  afterEach(() => {
    expect(web.pageErrors).toEqual([]);
  });

  it('an organiser books a free slot and sees a taken one refused; a coordinator confirms it on the plan', async () => {
    const organiser = await web.newPage();
    await openPlanAs(organiser, 'organiser');
    await expect(organiser.title()).resolves.toBe('KortRIJK aan Culturen 2027 – Oefenkansen Kortrijk');
    expect(await organiser.locator('.stand-table thead th').allInnerTexts()).toEqual(['Plaats', '11:00–15:00', '15:00–19:00', '19:00–23:00']);
    await expect(organiser.locator('.stand-counts').innerText()).resolves.toBe('11 vrij · 0 aangevraagd · 1 bevestigd');

    // The other association's slot: "taken", without saying whose, and nothing to ask for.
    await cell(organiser, 'A1', '11:00–15:00', 'Bezet').click();
    await organiser.getByRole('heading', { level: 2, name: 'Plaats A1, zaterdag 15 mei, 11:00–15:00' }).waitFor();
    await expect(organiser.locator('.stand-panel').innerText()).resolves.not.toContain(OTHER_ASSOCIATION);
    await expect(organiser.locator('.stand-panel').getByRole('button', { name: 'Aanvragen' }).count()).resolves.toBe(0);

    // A free slot: asked for, and shown as the organiser's request.
    await cell(organiser, 'A2', '11:00–15:00', 'Vrij').click();
    await organiser.getByRole('heading', { level: 2, name: 'Plaats A2, zaterdag 15 mei, 11:00–15:00' }).waitFor();
    // Keyboard and screen reader users land on the chosen slot's actions.
    await expect(organiser.evaluate(() => document.activeElement?.id)).resolves.toBe('stand-panel-heading');
    await organiser.getByRole('button', { name: 'Aanvragen' }).click();
    await expectOutcome(organiser, 'Je aanvraag is verstuurd. De stad laat weten of je de plaats krijgt.');
    await cell(organiser, 'A2', '11:00–15:00', 'Jouw aanvraag').waitFor();
    await expect(organiser.locator('#stand-bookings').innerText()).resolves.toBe('Plaats A2, 11:00–15:00: Aangevraagd');

    // Meanwhile the city gives A3 in the afternoon to the other association; this plan still shows it free.
    await bookForOtherAssociation('A3', '15:00', '19:00');
    await cell(organiser, 'A3', '15:00–19:00', 'Vrij').click();
    await organiser.getByRole('button', { name: 'Aanvragen' }).click();
    await expectOutcome(organiser, 'Deze plaats is al bezet: Plaats A3, zaterdag 15 mei, 15:00–19:00. Kies een andere plaats of een ander uur.');
    await cell(organiser, 'A3', '15:00–19:00', 'Bezet').waitFor();
    expect(await unlabelledFields(organiser)).toEqual([]);
    expect((await runAxe(organiser)).violations).toEqual([]);
    await web.screenshot(organiser, 'festival-organiser');

    // The coordinator sees whose requests they are, and confirms on the same plan.
    const coordinator = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await openPlanAs(coordinator, 'coordinator');
    await cell(coordinator, 'A1', '11:00–15:00', 'Bevestigd').waitFor();
    await cell(coordinator, 'A2', '11:00–15:00', 'Aangevraagd').click();
    await coordinator.getByText('Vereniging: Afghaanse Vereniging').waitFor();
    await coordinator.getByRole('button', { name: 'Bevestigen' }).click();
    await expectOutcome(coordinator, 'De plaats is bevestigd.');
    await cell(coordinator, 'A2', '11:00–15:00', 'Bevestigd').waitFor();
    expect((await coordinator.locator('#stand-bookings li').allInnerTexts()).sort()).toEqual([
      `Plaats A1, 11:00–15:00 · ${OTHER_ASSOCIATION}: Bevestigd`,
      'Plaats A2, 11:00–15:00 · Afghaanse Vereniging: Bevestigd',
      `Plaats A3, 15:00–19:00 · ${OTHER_ASSOCIATION}: Bevestigd`,
    ]);
    expect(await unlabelledFields(coordinator)).toEqual([]);
    expect((await runAxe(coordinator)).violations).toEqual([]);
    await web.screenshot(coordinator, 'festival-coordinator');

    // The organiser sees the decision.
    await organiser.reload();
    await organiser.getByRole('button', { name: 'zaterdag 15 mei' }).click();
    await cell(organiser, 'A2', '11:00–15:00', 'Jouw plaats').waitFor();
    await expect(organiser.locator('#stand-bookings').innerText()).resolves.toBe('Plaats A2, 11:00–15:00: Bevestigd');

    // What the browsers showed is what the API holds.
    const bookings = dataOf(
      await web.api.gql<{ standBookings: unknown[] }>(
        'query($e: ID!) { standBookings(editionId: $e) { status startsAt endsAt plot { code } organisation { name } } }',
        { e: festival.editionId },
        world.tokens.coordinator,
      ),
    ).standBookings;
    const slot = (code: string, from: string, to: string, name: string) => ({
      status: 'CONFIRMED',
      startsAt: at(SATURDAY, from),
      endsAt: at(SATURDAY, to),
      plot: { code },
      organisation: { name },
    });
    expect(bookings).toEqual(
      expect.arrayContaining([
        slot('A1', '11:00', '15:00', OTHER_ASSOCIATION),
        slot('A2', '11:00', '15:00', 'Afghaanse Vereniging'),
        slot('A3', '15:00', '19:00', OTHER_ASSOCIATION),
      ]),
    );
    expect(bookings).toHaveLength(3);
  });

  it('the city refuses a request with a reason the organiser reads', async () => {
    const organiser = await web.newPage();
    await openPlanAs(organiser, 'organiser');
    await cell(organiser, 'A4', '19:00–23:00', 'Vrij').click();
    await organiser.getByRole('button', { name: 'Aanvragen' }).click();
    await cell(organiser, 'A4', '19:00–23:00', 'Jouw aanvraag').waitFor();

    const coordinator = await web.newPage();
    await openPlanAs(coordinator, 'coordinator');
    await cell(coordinator, 'A4', '19:00–23:00', 'Aangevraagd').click();
    await coordinator.getByRole('button', { name: 'Weigeren' }).click();
    await coordinator.getByLabel('Waarom kan het niet? De vereniging leest dit.').fill('A4 is die avond voor de brandweer.');
    await coordinator.locator('.stand-panel form').getByRole('button', { name: 'Weigeren' }).click();
    await expectOutcome(coordinator, 'De aanvraag is geweigerd. De vereniging krijgt de reden.');
    await cell(coordinator, 'A4', '19:00–23:00', 'Vrij').waitFor();

    await organiser.reload();
    await organiser.getByRole('button', { name: 'zaterdag 15 mei' }).click();
    await cell(organiser, 'A4', '19:00–23:00', 'Vrij').waitFor();
    expect(await organiser.locator('#stand-bookings li').allInnerTexts()).toContain(
      'Plaats A4, 19:00–23:00: Geweigerd of geannuleerd · Reden: A4 is die avond voor de brandweer.',
    );
  });

  it('other roles are told the page is not theirs', async () => {
    const page = await web.newPage();
    await page.goto('/login?next=%2Ffestival');
    await signIn(page, 'host@test.oefenkansen.be');
    await page.getByText('Deze pagina is voor organisatoren van een stand en voor de stad.').waitFor();
  });
});
