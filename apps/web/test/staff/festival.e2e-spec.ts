import type { Locator, Page } from 'playwright-core';
import { at } from '../../../api/test/festival-fixtures';
import { createWorld, type World } from '../../../api/test/fixtures';
import { dataOf, tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { typeTime } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const APPLY = `mutation($i: ApplyForStandInput!) { applyForStand(input: $i) { application { id } bookings { id } } }`;
const EDITION_2027 = 'KortRIJK aan Culturen 2027';
const EDITION_2028 = 'KortRIJK aan Culturen 2028';

/** What sticks out to the right of a phone-sized screen (tables scroll inside their .table-scroll): none, or the page scrolls sideways. */
const sticksOut = (page: Page) =>
  page.evaluate(() =>
    document.documentElement.scrollWidth <= window.innerWidth
      ? []
      : [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth && !element.closest('.table-scroll'))
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );

/** The React Aria select in a dialog: open it by its label, pick an option. */
async function choose(page: Page, scope: Locator, label: RegExp, option: string): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The plan of the square: the plot codes drawn on it. */
const planCodes = (page: Page) =>
  page
    .getByRole('list', { name: 'Plan van Grote Markt' })
    .locator('[data-plot-code]')
    .evaluateAll((plots) => plots.map((plot) => plot.getAttribute('data-plot-code')));

/**
 * A festival edition set up from nothing in the back office (production mode, phone-sized screen):
 * created with the Sinksenfeesten pre-filled, opening hours changed, three plots on the plan, next
 * year's edition with the plots copied, and an association's stand application confirmed, moved
 * and refused from the queue. Bad input stays in the browser or is refused at its field, changing nothing.
 */
describe('festival set-up in the back office', () => {
  let web: WebTest;
  let world: World;
  let page: Page;
  let edition2027: string;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    world = await createWorld(web.api);
    page = await signedInStaffPage(web);
  });
  afterAll(() => web?.close());

  it('creates an edition pre-filled with the Sinksenfeesten and refuses an empty name in place', async () => {
    await page.goto('/staff/festival');
    await page.getByRole('heading', { name: 'Festival', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nieuwe editie' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Naam').waitFor();
    // The browser's clock is September 2026: the coming Sinksenfeesten are those of 2027, Friday 14 to Monday 17 May.
    expect(await dialog.getByLabel('Naam').inputValue()).toBe(EDITION_2027);
    expect(await dialog.locator('input[type="hidden"][name="startsOn"]').inputValue()).toBe('2027-05-14');
    expect(await dialog.locator('input[type="hidden"][name="endsOn"]').inputValue()).toBe('2027-05-17');
    expect(await dialog.locator('input[type="hidden"][name="applicationDeadline"]').inputValue()).toBe('2027-04-16');

    const before = await tableSnapshot(web.api.dataSource, ['festival_edition', 'festival_opening_block']);
    await dialog.getByLabel('Naam').fill('');
    await dialog.getByRole('button', { name: 'Editie maken' }).click();
    await dialog.getByText('Vul dit in.').waitFor();
    expect(await dialog.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(await tableSnapshot(web.api.dataSource, ['festival_edition', 'festival_opening_block'])).toEqual(before);

    await dialog.getByLabel('Naam').fill(EDITION_2027);
    await dialog.getByRole('button', { name: 'Editie maken' }).click();
    await page.getByRole('heading', { name: EDITION_2027, level: 1 }).waitFor();
    const [row] = await web.api.dataSource.query<{ id: string; starts_on: string; ends_on: string; max: number }[]>(
      `SELECT id, starts_on::text, ends_on::text, max_plots_per_organisation_per_day AS max FROM festival_edition WHERE name = $1`,
      [EDITION_2027],
    );
    expect(row).toMatchObject({ starts_on: '2027-05-14', ends_on: '2027-05-17', max: 2 });
    edition2027 = row.id;
    expect(page.url()).toMatch(new RegExp(`/staff/festival/editions/${row.id}$`));
    expect(await page.getByRole('link', { name: 'Bericht aan alle verenigingen' }).getAttribute('href')).toBe(
      `/staff/messages/broadcast?festivalEditionId=${row.id}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await sticksOut(page)).toEqual([]);
  });

  it('changes the opening hours, refusing an end before the start next to the field', async () => {
    await page.getByRole('button', { name: 'Openingsuren wijzigen' }).click();
    const dialog = page.getByRole('dialog');
    // Friday's default blocks: 17:00–20:00 and 20:00–23:00.
    const first = dialog.getByRole('group', { name: 'Blok 1' });
    const before = await tableSnapshot(web.api.dataSource, ['festival_opening_block']);
    await typeTime(first, page, 'Tot', '10:00');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await first.getByText('Het einde moet na het begin liggen.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await tableSnapshot(web.api.dataSource, ['festival_opening_block'])).toEqual(before);

    await typeTime(first, page, 'Tot', '18:00');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('vr 14 mei 2027: 17:00–18:00, 20:00–23:00').waitFor();
    const friday = await web.api.dataSource.query<{ from: string; to: string }[]>(
      `SELECT to_char(starts_at AT TIME ZONE 'Europe/Brussels', 'HH24:MI') AS from, to_char(ends_at AT TIME ZONE 'Europe/Brussels', 'HH24:MI') AS to
         FROM festival_opening_block WHERE edition_id = $1 AND day = '2027-05-14' ORDER BY starts_at`,
      [edition2027],
    );
    expect(friday).toEqual([
      { from: '17:00', to: '18:00' },
      { from: '20:00', to: '23:00' },
    ]);
  });

  it('places three plots on the plan with the keyboard; a bad code stays in the browser, a duplicate is refused by the API at the code', async () => {
    const plots = [
      { code: 'A1', x: '10', y: '20', power: false },
      { code: 'A2', x: '45', y: '20', power: true },
      { code: 'B1', x: '80', y: '70', power: false },
    ];
    for (const plot of plots) {
      await page.getByRole('button', { name: 'Nieuwe standplaats' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Code').focus();
      await page.keyboard.type(plot.code);
      for (const [label, value] of [
        ['Van links (%)', plot.x],
        ['Van boven (%)', plot.y],
      ]) {
        await dialog.getByRole('textbox', { name: label }).focus();
        await page.keyboard.press('ControlOrMeta+a');
        await page.keyboard.type(value);
      }
      if (plot.power) {
        await dialog.getByLabel('stroom').focus();
        await page.keyboard.press('Space');
      }
      await dialog.getByRole('button', { name: 'Opslaan' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    await page.getByRole('cell', { name: /3 × 3 m · stroom/ }).waitFor();
    expect(await planCodes(page)).toEqual(['A1', 'A2', 'B1']);
    expect(await page.locator('[data-plot-code="A2"]').innerText()).toContain('3 × 3 m · stroom');
    const placed = await web.api.dataSource.query<{ code: string; map_x: number; map_y: number; has_power: boolean }[]>(
      `SELECT code, map_x, map_y, has_power FROM stand_plot WHERE edition_id = $1 ORDER BY code`,
      [edition2027],
    );
    expect(placed).toEqual([
      { code: 'A1', map_x: 10, map_y: 20, has_power: false },
      { code: 'A2', map_x: 45, map_y: 20, has_power: true },
      { code: 'B1', map_x: 80, map_y: 70, has_power: false },
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await sticksOut(page)).toEqual([]);

    const before = await tableSnapshot(web.api.dataSource, ['stand_plot']);
    await page.getByRole('button', { name: 'Nieuwe standplaats' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Code').fill('#1');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Begin met een letter of cijfer.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Code').fill('A1');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Deze code bestaat al in deze editie. Kies een andere code.').waitFor();
    expect(await dialog.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Code').inputValue()).toBe('A1');
    expect(await axeViolations(page)).toEqual([]);
    expect(await tableSnapshot(web.api.dataSource, ['stand_plot'])).toEqual(before);
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it("creates next year's edition and copies last year's plots onto its plan", async () => {
    await page.getByRole('link', { name: 'Terug naar alle edities' }).click();
    await page.getByRole('link', { name: EDITION_2027 }).waitFor();
    await page.getByRole('button', { name: 'Nieuwe editie' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Naam').waitFor();
    // The year after the newest edition, with its Sinksenfeesten: Pentecost 2028 is on 4 June.
    expect(await dialog.getByLabel('Naam').inputValue()).toBe(EDITION_2028);
    expect(await dialog.locator('input[type="hidden"][name="startsOn"]').inputValue()).toBe('2028-06-02');
    expect(await dialog.locator('input[type="hidden"][name="endsOn"]').inputValue()).toBe('2028-06-05');
    await dialog.getByRole('button', { name: 'Editie maken' }).click();
    await page.getByRole('heading', { name: EDITION_2028, level: 1 }).waitFor();
    await page.getByText('Er zijn nog geen standplaatsen.').waitFor();

    await page.getByRole('button', { name: `Standplaatsen overnemen van ${EDITION_2027}` }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Overnemen' }).click();
    await page.getByText('3 standplaatsen overgenomen.').waitFor();
    await page.getByRole('list', { name: 'Plan van Grote Markt' }).waitFor();
    expect(await planCodes(page)).toEqual(['A1', 'A2', 'B1']);
    const [{ n }] = await web.api.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM stand_plot p JOIN festival_edition e ON e.id = p.edition_id WHERE e.name = $1`,
      [EDITION_2028],
    );
    expect(n).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('confirms an application on the plan, refuses a move onto a taken plot at the plot, and refuses a slot with a reason', async () => {
    const [a1, a2] = await web.api.dataSource
      .query<{ id: string }[]>(`SELECT id FROM stand_plot WHERE edition_id = $1 AND code IN ('A1', 'A2') ORDER BY code`, [edition2027])
      .then((rows) => rows.map((row) => row.id));
    // The association's organiser applies (their own page books slot by slot; applyForStand is the whole application).
    dataOf(
      await web.api.gql(
        APPLY,
        {
          i: {
            editionId: edition2027,
            organisationId: world.associationId,
            offering: 'FOOD_AND_CULTURE',
            community: 'Afghaanse gemeenschap Kortrijk',
            needsPower: true,
            slots: [
              { plotId: a1, startsAt: at('2027-05-15', '11:00'), endsAt: at('2027-05-15', '15:00') },
              { plotId: a2, startsAt: at('2027-05-15', '15:00'), endsAt: at('2027-05-15', '19:00') },
            ],
          },
        },
        world.tokens.organiser,
      ),
    );
    await page.goto(`/staff/festival/editions/${edition2027}`);
    await page.getByRole('heading', { name: 'Afghaanse Vereniging', level: 3 }).waitFor();
    await page.getByText('Afghaanse gemeenschap Kortrijk: eten en cultuur. Nodig: stroom.').waitFor();
    expect(await page.locator('[data-plot-code="A1"]').innerText()).toContain('1 aangevraagd, 0 bevestigd');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Bevestigen: A1 op za 15 mei 2027, 11:00–15:00' }).click();
    await page.locator('[data-plot-code="A1"]').getByText('0 aangevraagd, 1 bevestigd').waitFor();
    const status = (code: string) =>
      web.api.dataSource
        .query<{ status: string; reason: string | null }[]>(
          `SELECT b.status, b.reason FROM stand_booking b JOIN stand_plot p ON p.id = b.plot_id WHERE p.edition_id = $1 AND p.code = $2`,
          [edition2027, code],
        )
        .then(([row]) => row);
    expect(await status('A1')).toEqual({ status: 'CONFIRMED', reason: null });

    // Moving the A2 slot onto A1 in the morning, which the association already holds: the API refuses it at the plot.
    const before = await tableSnapshot(web.api.dataSource, ['stand_booking']);
    await page.getByRole('button', { name: 'Verplaatsen: A2 op za 15 mei 2027, 15:00–19:00' }).click();
    let dialog = page.getByRole('dialog');
    await choose(page, dialog, /Naar standplaats/, 'A1');
    await choose(page, dialog, /Naar uur/, 'za 15 mei 2027, 11:00–15:00');
    await dialog.getByRole('button', { name: 'Verplaatsen' }).click();
    await dialog.getByText('Deze standplaats is op dat uur al bezet of niet in gebruik.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await tableSnapshot(web.api.dataSource, ['stand_booking'])).toEqual(before);
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Weigeren: A2 op za 15 mei 2027, 15:00–19:00' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Weigeren' }).click();
    await dialog.getByText('Vul dit in.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await tableSnapshot(web.api.dataSource, ['stand_booking'])).toEqual(before);
    await dialog.getByLabel('Waarom weiger je?').fill('Op A2 staat dit jaar het podium.');
    await dialog.getByRole('button', { name: 'Weigeren' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: /Geweigerd of geannuleerd/ }).waitFor();
    expect(await status('A2')).toEqual({ status: 'CANCELLED', reason: 'Op A2 staat dit jaar het podium.' });
    expect(await sticksOut(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });
  it("enters an association's application for the city: bad input stays in the browser, a taken plot is refused at the plot, a free one is confirmed", async () => {
    dataOf(
      await web.api.gql(
        'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
        { i: { name: 'Syrische Gemeenschap Kortrijk', kind: 'ASSOCIATION' } },
        world.tokens.admin,
      ),
    );
    await page.reload();
    await page.getByRole('button', { name: 'Aanvraag invoeren' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Aanvraag opslaan' }).waitFor();
    const tables = ['stand_application', 'stand_booking'];
    const before = await tableSnapshot(web.api.dataSource, tables);
    await dialog.getByLabel('Landcode').fill('SYR');
    await dialog.getByRole('button', { name: 'Aanvraag opslaan' }).click();
    await dialog.getByText('Vul twee letters in, bijvoorbeeld SY.').waitFor();
    await dialog.getByText('Vul dit in.').waitFor();
    expect(await dialog.getByLabel('Land of gemeenschap').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(await tableSnapshot(web.api.dataSource, tables)).toEqual(before);

    await choose(page, dialog, /Vereniging/, 'Syrische Gemeenschap Kortrijk');
    await choose(page, dialog, /Wat brengt de stand/, 'eten');
    await dialog.getByLabel('Land of gemeenschap').fill('Syrische gemeenschap Kortrijk');
    await dialog.getByLabel('Landcode').fill('SY');
    // A1 on Saturday morning is the Afghan association's, confirmed above.
    await choose(page, dialog, /Standplaats/, 'A1');
    await choose(page, dialog, /Dag en uur/, 'za 15 mei 2027, 11:00–15:00');
    await dialog.getByRole('button', { name: 'Aanvraag opslaan' }).click();
    await dialog.getByText('Deze standplaats is op dat uur al bezet of niet in gebruik.').waitFor();
    expect(await dialog.getByLabel('Land of gemeenschap').inputValue()).toBe('Syrische gemeenschap Kortrijk');
    expect(await axeViolations(page)).toEqual([]);
    expect(await tableSnapshot(web.api.dataSource, tables)).toEqual(before);

    await choose(page, dialog, /Standplaats/, 'B1');
    await dialog.getByRole('button', { name: 'Aanvraag opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Syrische Gemeenschap Kortrijk', level: 3 }).waitFor();
    await page.locator('[data-plot-code="B1"]').getByText('0 aangevraagd, 1 bevestigd').waitFor();
    const [application] = await web.api.dataSource.query<{ community: string; country_code: string; status: string }[]>(
      `SELECT a.community, a.country_code, b.status FROM stand_application a JOIN stand_booking b ON b.application_id = a.id
         JOIN organisation o ON o.id = a.organisation_id WHERE o.name = 'Syrische Gemeenschap Kortrijk'`,
    );
    expect(application).toEqual({ community: 'Syrische gemeenschap Kortrijk', country_code: 'SY', status: 'CONFIRMED' });
    expect(await axeViolations(page)).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });
  it('changes an edition and a plot, refusing an empty name in place', async () => {
    await page.goto(`/staff/festival/editions/${edition2027}`);
    await page.getByRole('button', { name: `${EDITION_2027} wijzigen` }).click();
    const dialog = page.getByRole('dialog');
    const before = await tableSnapshot(web.api.dataSource, ['festival_edition']);
    await dialog.getByLabel('Naam').fill('');
    await dialog.getByRole('textbox', { name: 'Standplaatsen per vereniging per dag' }).fill('3');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul dit in.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await tableSnapshot(web.api.dataSource, ['festival_edition'])).toEqual(before);
    await dialog.getByLabel('Naam').fill(EDITION_2027);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const [edition] = await web.api.dataSource.query<{ max: number }[]>(
      `SELECT max_plots_per_organisation_per_day AS max FROM festival_edition WHERE id = $1`,
      [edition2027],
    );
    expect(edition.max).toBe(3);

    await page.getByRole('button', { name: 'Standplaats A2 wijzigen' }).click();
    await page.getByRole('dialog').getByText('water', { exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('[data-plot-code="A2"]').getByText('3 × 3 m · stroom · water').waitFor();
    const [plot] = await web.api.dataSource.query<{ has_water: boolean }[]>(`SELECT has_water FROM stand_plot WHERE edition_id = $1 AND code = 'A2'`, [
      edition2027,
    ]);
    expect(plot.has_water).toBe(true);
    expect(web.pageErrors).toEqual([]);
  });
});
