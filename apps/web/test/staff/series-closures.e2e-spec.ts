import type { Page } from 'playwright-core';
import { createWorld } from '../../../api/test/fixtures';
import { tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const firstSegment = (page: Page, label: string) => page.getByRole('group', { name: label }).getByRole('spinbutton').first();

describe('closure days in the back office', () => {
  let web: WebTest;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    await createWorld(web.api);
  });
  afterAll(() => web?.close());

  it("shows a school year's holidays, adds and removes a school's own free day, and refuses bad input in place", async () => {
    const page = await signedInStaffPage(web);
    await page.goto('/staff/series/closures');
    await page.getByRole('heading', { name: 'Vrije dagen', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /Schooljaar/ }).click();
    await page.getByRole('option', { name: '2027-2028' }).click();
    await page.getByRole('heading', { name: 'Vakanties en feestdagen 2027-2028' }).waitFor();
    const autumn = page.getByRole('row', { name: /Herfstvakantie/ });
    await autumn.waitFor();
    expect(await autumn.innerText()).toMatch(/1 nov.*2027[\s\S]*7 nov.*2027/);
    await page.getByRole('row', { name: /Kerstvakantie/ }).waitFor();

    await page.getByRole('button', { name: /Organisatie/ }).click();
    await page.getByRole('option', { name: 'Basisschool De Vlieger' }).click();
    await page.getByRole('heading', { name: 'Eigen vrije dagen van Basisschool De Vlieger' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const before = await tableSnapshot(web.api.dataSource, ['closure_day', 'session']);
    await page.getByRole('button', { name: 'Vrije dag toevoegen' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Kies een geldige datum.').waitFor();
    await dialog.getByText('Vul dit in.').waitFor();
    expect(await dialog.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(await tableSnapshot(web.api.dataSource, ['closure_day', 'session'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await firstSegment(page, 'Datum').focus();
    await page.keyboard.type('14092027');
    await dialog.getByLabel('Naam').fill('Pedagogische studiedag');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Pedagogische studiedag' }).waitFor();
    const days = await web.api.dataSource.query<{ date: string }[]>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM closure_day WHERE label = 'Pedagogische studiedag'`,
    );
    expect(days).toEqual([{ date: '2027-09-14' }]);

    // The same day twice: the browser lets it through, the API refuses it at the date field and nothing changes.
    const afterAdd = await tableSnapshot(web.api.dataSource, ['closure_day', 'session']);
    await page.getByRole('button', { name: 'Vrije dag toevoegen' }).click();
    dialog = page.getByRole('dialog');
    await firstSegment(page, 'Datum').focus();
    await page.keyboard.type('14092027');
    await dialog.getByLabel('Naam').fill('Nog eens');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const dateField = dialog.locator('.field', { has: page.getByText('Datum', { exact: true }) });
    await dateField.getByText('Iemand anders heeft dit net gewijzigd').waitFor();
    expect(await dialog.getByLabel('Naam').inputValue()).toBe('Nog eens');
    expect(await tableSnapshot(web.api.dataSource, ['closure_day', 'session'])).toEqual(afterAdd);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /^Verwijder / }).click();
    dialog = page.getByRole('dialog');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('cell', { name: 'Pedagogische studiedag' }).waitFor({ state: 'detached' });
    expect(await web.api.dataSource.query(`SELECT id FROM closure_day WHERE label = 'Pedagogische studiedag'`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(web.pageErrors).toEqual([]);
  });
});
