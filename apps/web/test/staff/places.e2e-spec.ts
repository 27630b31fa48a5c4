import type { Locator, Page } from 'playwright-core';
import { dataOf, TEST_ADMIN, tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const PUBLIC_ORGANISATIONS = `{ organisations { name } }`;

/** No sideways scrolling of the page itself on the phone-sized screen; tables scroll inside .table-scroll. */
const pageScrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** The React Aria select in a dialog: open it by its label, pick an option. */
async function choose(page: Page, scope: Locator, label: RegExp, option: string): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Organisations and venues in the back office, in Chromium against the API in production mode. */
describe('staff places: organisations and venues', () => {
  let web: WebTest;
  let page: Page;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    page = await signedInStaffPage(web);
  });
  afterAll(() => web?.close());

  const organisationRow = async (name: string) =>
    (
      await web.api.dataSource.query<{ id: string; name: string; kind: string; phone: string | null; active: boolean }[]>(
        `SELECT id, name, kind, phone, active FROM organisation WHERE name = $1`,
        [name],
      )
    )[0];

  it('creates, edits, finds and deactivates an organisation; bad input and an API refusal change nothing and show at the field', async () => {
    await page.goto('/staff/places/organisations');
    await page.getByRole('heading', { name: 'Organisaties', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    const dialog = page.getByRole('dialog');
    const before = await tableSnapshot(web.api.dataSource, ['organisation', 'venue']);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul dit in.').waitFor();
    await dialog.getByText('Maak een keuze.').waitFor();
    expect(await dialog.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(await tableSnapshot(web.api.dataSource, ['organisation', 'venue'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    // The browser lets 123456 through (digits only); the API knows it is no phone number.
    await dialog.getByLabel('Naam').fill('Wijkcentrum Lange Munte');
    await choose(page, dialog, /Soort/, 'Wijkcentrum');
    await dialog.getByLabel('Telefoon').fill('123456');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const phoneField = dialog.locator('.field').filter({ hasText: 'Telefoon' });
    await phoneField.getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await dialog.getByLabel('Telefoon').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Naam').inputValue()).toBe('Wijkcentrum Lange Munte');
    expect(await tableSnapshot(web.api.dataSource, ['organisation', 'venue'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByLabel('Telefoon').fill('056 27 74 00');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Wijkcentrum Lange Munte' }).waitFor();
    expect(await organisationRow('Wijkcentrum Lange Munte')).toMatchObject({ kind: 'NEIGHBOURHOOD_CENTRE', phone: '+3256277400', active: true });

    // Edit: the row's button says which organisation it changes.
    await page.getByRole('button', { name: 'Wijkcentrum Lange Munte wijzigen' }).click();
    const edit = page.getByRole('dialog', { name: 'Wijkcentrum Lange Munte wijzigen' });
    expect(await edit.getByLabel('Telefoon').inputValue()).toBe('+3256277400');
    await edit.getByLabel('Naam').fill('');
    const beforeEdit = await tableSnapshot(web.api.dataSource, ['organisation', 'venue']);
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.getByText('Vul dit in.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['organisation', 'venue'])).toEqual(beforeEdit);
    await edit.getByLabel('Naam').fill('Buurtcentrum Lange Munte');
    await choose(page, edit, /Soort/, 'Partner');
    await edit.getByLabel('Telefoon').fill('');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Buurtcentrum Lange Munte' }).waitFor();
    expect(await organisationRow('Buurtcentrum Lange Munte')).toMatchObject({ kind: 'PARTNER', phone: null, active: true });

    // Search by name (accents and case do not matter) and filter by kind.
    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    await dialog.getByLabel('Naam').fill('École Sint-Jan');
    await choose(page, dialog, /Soort/, 'School');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: /Alle organisaties/ });
    await table.getByRole('link', { name: 'École Sint-Jan' }).waitFor();
    await page.getByRole('searchbox', { name: 'Zoek op naam' }).fill('ecole');
    await table.getByRole('link', { name: 'Buurtcentrum Lange Munte' }).waitFor({ state: 'detached' });
    expect(await table.getByRole('link', { name: 'École Sint-Jan' }).isVisible()).toBe(true);
    await page.getByRole('searchbox', { name: 'Zoek op naam' }).fill('');
    await choose(page, page.locator('.places__filters'), /Soort/, 'Partner');
    await table.getByRole('link', { name: 'École Sint-Jan' }).waitFor({ state: 'detached' });
    expect(await table.getByRole('link', { name: 'Buurtcentrum Lange Munte' }).isVisible()).toBe(true);
    await choose(page, page.locator('.places__filters'), /Soort/, 'Alle soorten');
    await table.getByRole('link', { name: 'École Sint-Jan' }).waitFor();
    expect(await pageScrollsSideways(page)).toBe(false);

    // Deactivate after the confirmation: kept, marked, gone from the public list.
    await page.getByRole('button', { name: 'Buurtcentrum Lange Munte uitschakelen?' }).click();
    const confirm = page.getByRole('dialog', { name: 'Buurtcentrum Lange Munte uitschakelen?' });
    await confirm.getByText('Het verdwijnt uit het openbare rooster.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Uitschakelen', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Buurtcentrum Lange Munte weer inschakelen?' }).waitFor();
    expect(await organisationRow('Buurtcentrum Lange Munte')).toMatchObject({ active: false });
    const names = dataOf(await web.api.gql(PUBLIC_ORGANISATIONS)).organisations.map((o: { name: string }) => o.name);
    expect(names).toContain('École Sint-Jan');
    expect(names).not.toContain('Buurtcentrum Lange Munte');
    expect(await axeViolations(page)).toEqual([]);

    // Reactivating it, by keyboard only: Enter opens the confirmation, Tab reaches its button, Space presses it.
    await page.getByRole('button', { name: 'Buurtcentrum Lange Munte weer inschakelen?' }).focus();
    await page.keyboard.press('Enter');
    const back = page.getByRole('dialog', { name: 'Buurtcentrum Lange Munte weer inschakelen?' });
    await back.waitFor();
    await back.getByRole('button', { name: 'Weer inschakelen', exact: true }).focus();
    await page.keyboard.press('Space');
    await back.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Buurtcentrum Lange Munte uitschakelen?' }).waitFor();
    expect(await organisationRow('Buurtcentrum Lange Munte')).toMatchObject({ active: true });
    expect(web.pageErrors).toEqual([]);
  });

  it('creates, edits and deactivates a venue with a map link; bad input changes nothing; the organisation page lists its venues', async () => {
    const token = await web.api.login(TEST_ADMIN.email, TEST_ADMIN.password);
    dataOf(await web.api.gql(`mutation { createOrganisation(input: { name: "Basisschool De Vlieger", kind: SCHOOL }) { id } }`, {}, token));
    const off = dataOf(await web.api.gql(`mutation { createOrganisation(input: { name: "Vereniging Gesloten", kind: ASSOCIATION }) { id } }`, {}, token));
    dataOf(await web.api.gql(`mutation($id: ID!) { deactivateOrganisation(id: $id) { id } }`, { id: off.createOrganisation.id }, token));

    await page.goto('/staff/places/venues');
    await page.getByRole('heading', { name: 'Locaties', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nieuwe locatie' }).click();
    const dialog = page.getByRole('dialog');
    const before = await tableSnapshot(web.api.dataSource, ['organisation', 'venue']);
    await dialog.getByLabel('Lokaal').fill('x'.repeat(101));
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Maak een keuze.').waitFor();
    expect(await dialog.getByText('Vul dit in.').count()).toBe(2);
    expect(await dialog.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Adres').getAttribute('aria-invalid')).toBe('true');
    await dialog.locator('.field').filter({ hasText: 'Lokaal' }).getByText('Dit is te lang: maximaal 100 tekens.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['organisation', 'venue'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    // Only active organisations to choose from.
    await dialog.getByRole('button', { name: /Organisatie/ }).click();
    await page.getByRole('option', { name: 'Basisschool De Vlieger' }).waitFor();
    expect(await page.getByRole('option', { name: 'Vereniging Gesloten' }).count()).toBe(0);
    await page.getByRole('option', { name: 'Basisschool De Vlieger' }).click();
    await dialog.getByLabel('Naam', { exact: true }).fill('Refter De Vlieger');
    await dialog.getByLabel('Adres').fill('Vlieger 1, 8500 Kortrijk');
    await dialog.getByLabel('Lokaal').fill('Refter');
    await dialog.getByLabel('Hoogstens zoveel mensen', { exact: true }).fill('30');
    await dialog.getByLabel('Hoogstens zoveel mensen', { exact: true }).press('Tab');
    await dialog.getByLabel('Toegankelijkheid').fill('Ingang zonder trappen');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: /Alle locaties/ });
    await table.getByRole('cell', { name: 'Refter De Vlieger', exact: true }).waitFor();
    const venueRow = async () =>
      (
        await web.api.dataSource.query<Record<string, unknown>[]>(
          `SELECT v.id, v.name, v.address, v.room, v.capacity_limit AS "capacityLimit", v.accessibility_notes AS "accessibilityNotes", v.active, o.name AS organisation
         FROM venue v JOIN organisation o ON o.id = v.organisation_id WHERE v.address LIKE 'Vlieger%'`,
        )
      )[0];
    expect(await venueRow()).toMatchObject({
      name: 'Refter De Vlieger',
      address: 'Vlieger 1, 8500 Kortrijk',
      room: 'Refter',
      capacityLimit: 30,
      accessibilityNotes: 'Ingang zonder trappen',
      active: true,
      organisation: 'Basisschool De Vlieger',
    });

    const map = table.getByRole('link', { name: 'Op de kaart: Vlieger 1, 8500 Kortrijk (opent in een nieuw tabblad)' });
    expect(await map.getAttribute('href')).toBe('https://www.openstreetmap.org/search?query=Vlieger%201%2C%208500%20Kortrijk');
    expect(await map.getAttribute('target')).toBe('_blank');
    await table.getByRole('cell', { name: 'Ingang zonder trappen', exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Zoek op naam' }).fill('refter');
    await table.getByRole('cell', { name: 'Refter De Vlieger', exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Zoek op naam' }).fill('turnzaal');
    await table.getByText('Niets gevonden.').waitFor();
    await page.getByRole('searchbox', { name: 'Zoek op naam' }).fill('');
    expect(await pageScrollsSideways(page)).toBe(false);

    // Edit: the browser refuses an empty address, then the change lands.
    await page.getByRole('button', { name: 'Refter De Vlieger wijzigen' }).click();
    const edit = page.getByRole('dialog', { name: 'Refter De Vlieger wijzigen' });
    await edit.getByLabel('Adres').fill('');
    const beforeEdit = await tableSnapshot(web.api.dataSource, ['organisation', 'venue']);
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.getByText('Vul dit in.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['organisation', 'venue'])).toEqual(beforeEdit);
    expect(await axeViolations(page)).toEqual([]);
    await edit.getByLabel('Adres').fill('Vliegerstraat 3, 8500 Kortrijk');
    await edit.getByLabel('Hoogstens zoveel mensen', { exact: true }).fill('');
    await edit.getByLabel('Hoogstens zoveel mensen', { exact: true }).press('Tab');
    await edit.getByLabel('Toegankelijkheid').fill('Lift naar de eerste verdieping');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.waitFor({ state: 'detached' });
    await table.getByRole('cell', { name: 'Lift naar de eerste verdieping', exact: true }).waitFor();
    expect(await venueRow()).toMatchObject({
      address: 'Vliegerstraat 3, 8500 Kortrijk',
      capacityLimit: null,
      accessibilityNotes: 'Lift naar de eerste verdieping',
    });

    // Deactivate after the confirmation.
    await page.getByRole('button', { name: 'Refter De Vlieger uitschakelen?' }).click();
    const confirm = page.getByRole('dialog', { name: 'Refter De Vlieger uitschakelen?' });
    await confirm.getByText('Je kunt er geen nieuwe sessies meer plannen.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Uitschakelen', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Refter De Vlieger weer inschakelen?' }).waitFor();
    expect(await venueRow()).toMatchObject({ active: false });

    // The organisation's own page, reached from the venue's row.
    await table.getByRole('link', { name: 'Basisschool De Vlieger' }).click();
    await page.getByRole('heading', { name: 'Basisschool De Vlieger', level: 1 }).waitFor();
    const venues = page.getByRole('table', { name: /Locaties van Basisschool De Vlieger/ });
    await venues.getByRole('cell', { name: 'Refter De Vlieger', exact: true }).waitFor();
    await venues.getByText('Uitgeschakeld').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);

    // A second venue straight from the organisation's page.
    await page.getByRole('button', { name: 'Nieuwe locatie' }).click();
    const create = page.getByRole('dialog');
    expect(await create.getByRole('button', { name: /Organisatie/ }).count()).toBe(0);
    await create.getByLabel('Naam', { exact: true }).fill('Turnzaal De Vlieger');
    await create.getByLabel('Adres').fill('Vlieger 2, 8500 Kortrijk');
    await create.getByRole('button', { name: 'Opslaan' }).click();
    await create.waitFor({ state: 'detached' });
    await venues.getByRole('cell', { name: 'Turnzaal De Vlieger', exact: true }).waitFor();

    // A deactivated organisation's page says why it offers no new venue.
    await page.goto(`/staff/places/organisations/${off.createOrganisation.id}`);
    await page.getByText('Deze organisatie is uitgeschakeld. Je kunt geen nieuwe locaties toevoegen.').waitFor();
    expect(await page.getByRole('button', { name: 'Nieuwe locatie' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });
});
