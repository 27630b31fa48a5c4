import type { Locator, Page } from 'playwright-core';
import { CREATE_SERIES, CREATE_SESSION, createWorld, type World } from '../../../api/test/fixtures';
import { dataOf, tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

interface ProgrammeRowInDb {
  kind: string;
  default_capacity: number;
  reminder_offsets_minutes: number[];
  languages: string[];
  description: string | null;
  active: boolean;
}

const row = async (web: WebTest, name: string) =>
  (
    await web.api.dataSource.query<ProgrammeRowInDb[]>(
      'SELECT kind, default_capacity, reminder_offsets_minutes, languages, description, active FROM programme WHERE name = $1',
      [name],
    )
  )[0];

const field = (dialog: Locator, name: string) => dialog.getByRole('textbox', { name, exact: true });

/** Programmes in the back office: made, changed and archived in the browser, bad input refused in place, a programme's series and sessions linked. */
describe('staff programmes', () => {
  let web: WebTest;
  let world: World;
  let page: Page;
  let sessionId: string;
  let seriesId: string;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    world = await createWorld(web.api);
    const coordinator = world.tokens.coordinator;
    sessionId = dataOf(
      await web.api.gql<{ createSession: { id: string } }>(
        CREATE_SESSION,
        {
          i: {
            programmeId: world.praattafelId,
            venueId: world.centreVenueId,
            title: 'Praattafel Overleie',
            startsAt: '2026-09-16T19:00:00+02:00',
            endsAt: '2026-09-16T20:30:00+02:00',
          },
        },
        coordinator,
      ),
    ).createSession.id;
    seriesId = dataOf(
      await web.api.gql<{ createSessionSeries: { id: string } }>(
        CREATE_SERIES,
        {
          i: {
            programmeId: world.praattafelId,
            venueId: world.centreVenueId,
            title: 'Praattafel op donderdag',
            durationMinutes: 90,
            rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=3',
            firstStartsAt: '2026-09-17T19:00:00+02:00',
          },
        },
        coordinator,
      ),
    ).createSessionSeries.id;
    page = await signedInStaffPage(web);
  });
  afterAll(() => web?.close());
  afterEach(() => expect(web.pageErrors).toEqual([]));

  it('creates a programme, refusing bad input next to each field and a taken name from the API, changing nothing', async () => {
    await page.goto('/staff/programmes');
    await page.getByRole('heading', { name: "Programma's", level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Praattafel' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nieuw programma' }).click();
    const dialog = page.getByRole('dialog');
    const before = await tableSnapshot(web.api.dataSource, ['programme']);
    await field(dialog, 'Aantal plaatsen').fill('0');
    await dialog.getByText('Nederlands', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul dit in.').waitFor();
    expect(await field(dialog, 'Naam').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('Vul minstens 1 in.').waitFor();
    expect(await dialog.getByText('Maak een keuze.').count()).toBe(2); // kind and languages
    // A language by tag counts as a language, but it must be a tag.
    await field(dialog, 'Andere talen').fill('Pools');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await dialog.getByText('Maak een keuze.').count()).toBe(1);
    expect(await tableSnapshot(web.api.dataSource, ['programme'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    // The browser cannot know the name is taken: the API refuses and the form says so at the name.
    await field(dialog, 'Naam').fill('Praattafel');
    await dialog.getByRole('button', { name: /Soort/ }).click();
    await page.getByRole('option', { name: 'Oefentafel' }).click();
    await field(dialog, 'Aantal plaatsen').fill('8');
    await field(dialog, 'Andere talen').fill('pl, es');
    await dialog.getByText('48 uur vooraf').click();
    await dialog.getByText('2 uur vooraf').click();
    await dialog.getByText('Arabisch').click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Deze naam bestaat al. Kies een andere naam.').waitFor();
    expect(await field(dialog, 'Naam').getAttribute('aria-invalid')).toBe('true');
    expect(await field(dialog, 'Aantal plaatsen').inputValue()).toBe('8');
    expect(await tableSnapshot(web.api.dataSource, ['programme'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await field(dialog, 'Naam').fill('Taalcafé Kortrijk');
    await field(dialog, 'Beschrijving').fill('Babbelen bij een koffie.');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Taalcafé Kortrijk' }).waitFor();
    expect(await row(web, 'Taalcafé Kortrijk')).toEqual({
      kind: 'TABLE',
      default_capacity: 8,
      reminder_offsets_minutes: [2880, 1440],
      languages: ['ar', 'pl', 'es'],
      description: 'Babbelen bij een koffie.',
      active: true,
    });
  });

  it('edits and archives a programme on its page, saying what stays, and finds it under the archived ones', async () => {
    await page.goto('/staff/programmes');
    await page.getByRole('link', { name: 'Taalcafé Kortrijk' }).click();
    await page.getByRole('heading', { name: 'Taalcafé Kortrijk', level: 1 }).waitFor();
    await page.getByText('Arabisch, Pools (pl), Spaans (es)').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Wijzigen' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Aantal plaatsen').fill('10');
    await dialog.getByText('1 week vooraf').click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await row(web, 'Taalcafé Kortrijk')).toMatchObject({ default_capacity: 10, reminder_offsets_minutes: [10080, 2880, 1440] });

    await page.getByRole('button', { name: 'Archiveren' }).click();
    await page.getByRole('dialog').getByText('Er zijn geen sessies gepland.').waitFor();
    await page.getByRole('dialog').getByText('Je kan geen nieuwe sessies of reeksen meer maken.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, archiveren' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Dit programma is gearchiveerd.', { exact: false }).waitFor();
    expect((await row(web, 'Taalcafé Kortrijk')).active).toBe(false);
    expect(await page.getByRole('link', { name: 'Nieuwe sessie' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: "Terug naar alle programma's" }).click();
    await page.getByRole('link', { name: 'Praattafel' }).waitFor();
    expect(await page.getByRole('link', { name: 'Taalcafé Kortrijk' }).count()).toBe(0);
    await page.getByText('Gearchiveerde', { exact: true }).click();
    await page.getByRole('link', { name: 'Taalcafé Kortrijk' }).waitFor();
    expect(await page.getByRole('link', { name: 'Praattafel' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // And back: active again, nothing else changed.
    await page.getByRole('link', { name: 'Taalcafé Kortrijk' }).click();
    await page.getByRole('button', { name: 'Weer actief maken' }).click();
    await page.getByRole('link', { name: 'Nieuwe sessie' }).waitFor();
    expect(await row(web, 'Taalcafé Kortrijk')).toMatchObject({ active: true, default_capacity: 10 });
  });

  it("shows a programme's series and upcoming sessions with links to their pages and to plan more", async () => {
    await page.goto(`/staff/programmes/${world.praattafelId}`);
    await page.getByRole('heading', { name: 'Praattafel', level: 1 }).waitFor();
    const seriesLink = page.getByRole('link', { name: 'Praattafel op donderdag' });
    expect(await seriesLink.getAttribute('href')).toBe(`/staff/series/${seriesId}`);
    const sessionRow = page.locator(`tr[data-row-id="${sessionId}"]`);
    await sessionRow.waitFor();
    expect(await sessionRow.getByRole('link').getAttribute('href')).toBe(`/staff/sessions/${sessionId}`);
    expect(await page.locator('tbody tr').count()).toBe(4); // the session and the series' three
    expect(await page.getByRole('link', { name: 'Nieuwe reeks' }).getAttribute('href')).toBe(`/staff/series/new?programme=${world.praattafelId}`);
    expect(await page.getByRole('link', { name: 'Nieuwe sessie' }).getAttribute('href')).toBe(`/staff/sessions/new?programme=${world.praattafelId}`);
    // A phone-sized screen: the page itself never scrolls sideways, the table does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Archiveren' }).click();
    await page.getByRole('dialog').getByText('4 geplande sessies blijven staan. Mensen kunnen zich nog inschrijven.').waitFor();
    await page.getByRole('button', { name: 'Sluiten' }).click();

    await page.goto('/staff/programmes/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
  });
});
