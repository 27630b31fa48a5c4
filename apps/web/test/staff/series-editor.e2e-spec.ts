import type { Locator, Page } from 'playwright-core';
import { createWorld, type World } from '../../../api/test/fixtures';
import { tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

/** Presses Tab (never the mouse) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The first editable segment (the day, in nl-BE) of a React Aria date field. */
const firstSegment = (page: Page, label: string) => page.getByRole('group', { name: label }).getByRole('spinbutton').first();

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const TABLES = ['session_series', 'session'];

describe('series editor in the back office', () => {
  let web: WebTest;
  let world: World;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    world = await createWorld(web.api);
  });
  afterAll(() => web?.close());

  it('refuses bad input next to its field and changes nothing', async () => {
    const page = await signedInStaffPage(web);
    await page.goto(`/staff/series/new?programme=${world.schoolbabbelId}`);
    await page.getByRole('heading', { name: 'Nieuwe reeks', level: 1 }).waitFor();
    await page.getByText('Vul de velden in. Dan zie je hier de data.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const before = await tableSnapshot(web.api.dataSource, TABLES);

    await page.getByRole('button', { name: 'Reeks opslaan' }).click();
    const form = page.locator('form.series-editor__form');
    await form.getByText('Vul dit in.').waitFor();
    expect(await page.getByLabel('Titel').getAttribute('aria-invalid')).toBe('true');
    await expect(form.getByText('Maak een keuze.').count()).resolves.toBe(2); // venue and weekdays
    await expect(form.getByText('Kies een geldige datum.').count()).resolves.toBe(2); // first and last date
    expect(await axeViolations(page)).toEqual([]);
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);

    // The browser lets this through (the last date is after the first), the API refuses: no Tuesday in between.
    await page.getByLabel('Titel').fill('Geen enkele dinsdag');
    await page.getByRole('button', { name: /Locatie/ }).click();
    await page.getByRole('option', { name: 'Refter De Vlieger (Basisschool De Vlieger)' }).click();
    await firstSegment(page, 'Eerste datum').focus();
    await page.keyboard.type('08092027');
    await page.getByRole('checkbox', { name: 'dinsdag' }).check({ force: true });
    await firstSegment(page, 'Laatste datum').focus();
    await page.keyboard.type('13092027');
    await page.getByText('Deze reeks geeft geen enkele datum.').waitFor();
    await page.getByRole('button', { name: 'Reeks opslaan' }).click();
    const until = page.locator('.field', { has: page.getByText('Laatste datum', { exact: true }) });
    await until.getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await page.getByLabel('Titel').inputValue()).toBe('Geen enkele dinsdag');
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });

  it('plans every Tuesday of 2027-28 with the keyboard alone on a phone, shows the skipped holidays before saving, and creates exactly those dates', async () => {
    const page = await signedInStaffPage(web);
    await page.goto(`/staff/series/new?programme=${world.schoolbabbelId}`);
    await page.getByRole('heading', { name: 'Nieuwe reeks', level: 1 }).waitFor();
    const before = await tableSnapshot(web.api.dataSource, TABLES);

    // The programme came with the link; the venue by keyboard: Enter opens the list, arrows move, Enter picks.
    await tabTo(page, page.getByRole('button', { name: /Locatie/ }));
    await page.keyboard.press('Enter');
    const option = page.getByRole('option', { name: 'Refter De Vlieger (Basisschool De Vlieger)' });
    await option.waitFor();
    for (let i = 0; i < 5 && !(await option.evaluate((element) => element === document.activeElement)); i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await option.waitFor({ state: 'detached' });
    await tabTo(page, page.getByLabel('Titel'));
    await page.keyboard.type('Schoolbabbel 2027-28');
    await tabTo(page, firstSegment(page, 'Eerste datum'));
    await page.keyboard.type('07092027');
    await tabTo(page, page.getByRole('checkbox', { name: 'dinsdag' }));
    await page.keyboard.press('Space');
    await tabTo(page, firstSegment(page, 'Laatste datum'));
    await page.keyboard.type('27062028');

    // The preview, before anything is saved: the autumn and Christmas holidays are named as skipped.
    const preview = page.locator('.series-preview');
    await preview.getByText('37 data, 6 data vallen weg.').waitFor();
    const skipped = await preview.locator('[data-skipped]').allInnerTexts();
    expect(skipped.filter((text) => text.includes('valt weg: Herfstvakantie'))).toHaveLength(1);
    expect(skipped.filter((text) => text.includes('valt weg: Kerstvakantie'))).toHaveLength(2);
    expect(skipped.some((text) => text.includes('Krokusvakantie')) && skipped.some((text) => text.includes('Paasvakantie'))).toBe(true);
    await preview.getByRole('heading', { name: 'november 2027' }).waitFor();
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, page.getByRole('button', { name: 'Reeks opslaan' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/series\/[0-9a-f-]{36}$/);
    const seriesId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: 'Schoolbabbel 2027-28', level: 1 }).waitFor();
    const [{ count }] = await web.api.dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM session WHERE series_id = $1`, [seriesId]);
    expect(count).toBe(37);
    const [skippedDay] = await web.api.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM session WHERE series_id = $1 AND (starts_at AT TIME ZONE 'Europe/Brussels')::date IN ('2027-11-02', '2027-12-28', '2028-01-04')`,
      [seriesId],
    );
    expect(skippedDay.count).toBe(0);

    // The series page: its sessions link to the sessions area.
    const firstSession = page.getByRole('link', { name: /7 sep/ });
    await firstSession.waitFor();
    expect(await firstSession.getAttribute('href')).toMatch(/^\/staff\/sessions\/[0-9a-f-]{36}$/);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(web.pageErrors).toEqual([]);

    // The coordinator's read-only series page leads to the editor.
    await page.goto(`/coordinator/series/${seriesId}`);
    expect(await page.getByRole('link', { name: 'Reeks wijzigen' }).getAttribute('href')).toBe(`/staff/series/${seriesId}`);
  });

  it('stops a series from a date, adds and removes one date, and changes it from a date on after its preview', async () => {
    const page = await signedInStaffPage(web);
    const [{ id: seriesId }] = await web.api.dataSource.query<{ id: string }[]>(`SELECT id FROM session_series WHERE title = 'Schoolbabbel 2027-28'`);
    await page.goto(`/staff/series/${seriesId}`);
    await page.getByRole('heading', { name: 'Schoolbabbel 2027-28', level: 1 }).waitFor();

    // Remove one date (the first): the session is cancelled.
    await page.getByRole('button', { name: /^Schrap .*7 sep/ }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reden').fill('De refter is bezet.');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Datum schrappen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [first] = await web.api.dataSource.query<{ status: string; cancellation_reason: string }[]>(
      `SELECT status, cancellation_reason FROM session WHERE series_id = $1 ORDER BY starts_at LIMIT 1`,
      [seriesId],
    );
    expect(first).toEqual({ status: 'CANCELLED', cancellation_reason: 'De refter is bezet.' });

    // Add a date: an empty date is refused in place, then a Saturday is added.
    await page.getByRole('button', { name: 'Datum toevoegen' }).click();
    dialog = page.getByRole('dialog');
    const before = await tableSnapshot(web.api.dataSource, TABLES);
    await dialog.getByRole('button', { name: 'Datum toevoegen' }).click();
    await dialog.getByText('Kies een geldige datum.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    await firstSegment(page, 'Datum').focus();
    await page.keyboard.type('11092027');
    await dialog.getByRole('button', { name: 'Datum toevoegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [added] = await web.api.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM session WHERE series_id = $1 AND (starts_at AT TIME ZONE 'Europe/Brussels') = '2027-09-11 19:00'`,
      [seriesId],
    );
    expect(added.count).toBe(1);

    // Stop the series from 1 March 2028: every later session is cancelled.
    await page.getByRole('button', { name: 'Reeks stoppen' }).click();
    dialog = page.getByRole('dialog');
    await firstSegment(page, 'Geen sessies meer vanaf').focus();
    await page.keyboard.type('01032028');
    await dialog.getByRole('button', { name: 'Reeks stoppen' }).click();
    await dialog
      .getByRole('status')
      .getByText(/sessies zijn geannuleerd/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const later = await web.api.dataSource.query<{ status: string }[]>(
      `SELECT DISTINCT status FROM session WHERE series_id = $1 AND starts_at >= '2028-03-01T00:00:00+01:00'`,
      [seriesId],
    );
    expect(later).toEqual([{ status: 'CANCELLED' }]);
    // Escape closes the dialog that has the focus: the submit button, disabled while it saved, may have dropped it.
    await dialog.focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Change from a date on: the preview shows the new Wednesdays before saving.
    await page.getByRole('link', { name: 'Wijzigen vanaf een datum' }).click();
    await page.getByRole('heading', { name: 'Reeks wijzigen vanaf een datum', level: 1 }).waitFor();
    await page
      .locator('.series-preview')
      .getByText(/data vallen weg|datum valt weg/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await noSidewaysScroll(page)).toBe(true);

    // From 1 October 2027 on, on Wednesdays instead: the dates before stay as they were.
    const untouched = await web.api.dataSource.query<{ id: string; status: string }[]>(
      `SELECT id, status FROM session WHERE series_id = $1 AND starts_at < '2027-10-01T00:00:00+02:00' ORDER BY starts_at`,
      [seriesId],
    );
    await firstSegment(page, 'Wijzigen vanaf').focus();
    await page.keyboard.type('01102027');
    await page.getByRole('checkbox', { name: 'dinsdag' }).uncheck({ force: true });
    await page.getByRole('checkbox', { name: 'woensdag' }).check({ force: true });
    await page
      .locator('.series-preview li')
      .first()
      .filter({ hasText: /^wo 6 okt/ })
      .waitFor();
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.waitForURL(new RegExp(`/staff/series/${seriesId}$`));
    const weekdays = await web.api.dataSource.query<{ weekday: number }[]>(
      `SELECT DISTINCT extract(isodow FROM starts_at AT TIME ZONE 'Europe/Brussels')::int AS weekday FROM session
        WHERE series_id = $1 AND starts_at >= '2027-10-01T00:00:00+02:00' AND status = 'SCHEDULED'`,
      [seriesId],
    );
    expect(weekdays).toEqual([{ weekday: 3 }]);
    expect(
      await web.api.dataSource.query(`SELECT id, status FROM session WHERE series_id = $1 AND starts_at < '2027-10-01T00:00:00+02:00' ORDER BY starts_at`, [
        seriesId,
      ]),
    ).toEqual(untouched);
    expect(web.pageErrors).toEqual([]);
  });
});
