import { tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

/** The back office's building blocks in production mode: sign-in lands there, a form refuses bad input in place, a table shows the new row. */
describe('staff area foundation', () => {
  let web: WebTest;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
  });
  afterAll(() => web?.close());

  it('creates an organisation from the browser and refuses an empty name next to the field, changing nothing', async () => {
    const page = await signedInStaffPage(web);
    await page.goto('/staff/places/organisations');
    await page.getByRole('heading', { name: 'Organisaties', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    const dialog = page.getByRole('dialog');
    const before = await tableSnapshot(web.api.dataSource, ['organisation']);
    await dialog.getByLabel('Telefoon').fill('12');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul dit in.').waitFor();
    expect(await dialog.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('Maak een keuze.').waitFor();
    await dialog.getByText('Vul een geldig telefoonnummer in').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['organisation'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByLabel('Naam').fill('Basisschool De Vlieger');
    await dialog.getByLabel('Telefoon').fill('056 27 74 00');
    await dialog.getByRole('button', { name: /Soort/ }).click();
    await page.getByRole('option', { name: 'School' }).click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Basisschool De Vlieger', exact: true }).waitFor();
    const [row] = await web.api.dataSource.query<{ kind: string; phone: string }[]>(
      `SELECT kind, phone FROM organisation WHERE name = 'Basisschool De Vlieger'`,
    );
    expect(row).toEqual({ kind: 'SCHOOL', phone: '+3256277400' });
    expect(web.pageErrors).toEqual([]);
  });
});
