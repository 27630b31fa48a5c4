import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createWorld, FIXTURE_PASSWORD, type World } from '../../../api/test/fixtures';
import { dataOf, errorOf, tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { apiSession, pageScrollsSideways, tabTo } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { participant { id } } }`;
const AUDIT_LOG = `{ auditLog { totalCount } }`;
const ZAINAB = { firstName: 'Zainab', lastName: 'Haqparast', phone: '0470 55 66 71', email: 'zainab.haqparast@voorbeeld.be' };
const PHONE_DIGITS = '470556671';
/** What erasure changes; a refused erasure must leave all of it as it was. */
const ERASED_TABLES = ['participant', 'registration', 'notification', 'registration_code_request', 'audit_log_entry', 'consent_record'];

/** Every text-like column of every table (text, varchar, char, json, jsonb and arrays of them) that holds `needle`, as table.column. */
async function columnsHolding(web: WebTest, needle: string): Promise<string[]> {
  const columns = await web.api.dataSource.query<{ table_name: string; column_name: string }[]>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR c.udt_name IN ('_text', '_varchar'))`,
  );
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [row] = await web.api.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE $1`, [
      `%${needle}%`,
    ]);
    if (row.n > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

/** The privacy desk in production mode: find, export, consent, erase (nothing personal left in the database), retention, the audit log. */
describe('staff area: privacy desk', () => {
  let web: WebTest;
  let world: World;
  let participantId: string;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    world = await createWorld(web.api);
    const sessionId = await apiSession(
      { api: web.api, world },
      { programmeId: world.schoolbabbelId, venueId: world.schoolVenueId, hostIds: [world.userIds.host] },
    );
    participantId = dataOf(
      await web.api.gql(
        REGISTER,
        { i: { sessionId, participant: { ...ZAINAB, preferredLanguage: 'prs', contactChannel: 'SMS', consentToContact: true } } },
        world.tokens.schoolContact,
      ),
    ).registerParticipant.participant.id;
  });
  afterAll(() => web?.close());

  const openPerson = async (page: Page) => {
    await page.goto('/staff/privacy');
    await page.getByRole('heading', { name: 'Privacy', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Zoek een deelnemer op naam of telefoon' }).fill('Haqparast');
    await page.getByRole('search', { name: 'Deelnemers' }).getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('link', { name: 'Zainab Haqparast' }).click();
    await page.getByRole('heading', { name: 'Privacy van Zainab Haqparast', level: 1 }).waitFor();
  };

  it('exports, shows and records consent, erases after a confirmation in numbers, and leaves nothing personal in the database', async () => {
    const page = await signedInStaffPage(web);
    await openPerson(page);
    await page.getByRole('cell', { name: 'Ja', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);

    // The export: a JSON file with the date in its name and the person's data in it.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteren als JSON' }).click();
    const download = await downloading;
    const today = web.api.clock.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
    expect(download.suggestedFilename()).toBe(`personal-data-${today}-participant-${participantId.slice(0, 8)}.json`);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.participant).toMatchObject({ id: participantId, first_name: 'Zainab', last_name: 'Haqparast', phone: '+32470556671' });
    expect(exported.registrations).toHaveLength(1);
    await page.getByText(`Het bestand ${download.suggestedFilename()} is gedownload.`).waitFor();

    // Consent: the answer at registration, then withdrawn here; the history shows both, newest first.
    await page.getByText('Nu: ja, we mogen deze persoon berichten sturen.').waitFor();
    await page.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await page.getByText('Nu: nee, we sturen deze persoon geen berichten.').waitFor();
    const history = page.getByRole('table', { name: /Geschiedenis van de toestemming/ });
    await history.getByRole('cell', { name: 'Nee', exact: true }).waitFor();
    expect(await history.getByRole('row').allInnerTexts()).toEqual([
      expect.stringMatching(/Wanneer/),
      expect.stringMatching(/Nee\s+Beheerder|Nee\s+\S+/),
      expect.stringMatching(/Ja\s+schoolContact/),
    ]);
    expect(await axeViolations(page)).toEqual([]);

    // The erasure dialog, by keyboard: what goes and what stays, in numbers.
    await page.getByRole('button', { name: 'Gegevens wissen…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Gegevens van Zainab Haqparast wissen' });
    await dialog.getByText('Naam, telefoon, e-mail en taal').waitFor();
    await dialog.getByText('1 inschrijving', { exact: true }).waitFor();
    await dialog.getByText('Geen trajecten', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Bad input in the browser: nothing filled in, then the wrong name; nothing changes.
    const before = await tableSnapshot(web.api.dataSource, ERASED_TABLES);
    await dialog.getByRole('button', { name: 'Definitief wissen' }).click();
    await dialog.getByText('Vul dit in.').first().waitFor();
    expect(await dialog.getByLabel('Reden').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Naam van de persoon').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Reden').fill('Vraag per e-mail van 8 september, ticket 4711');
    await dialog.getByLabel('Naam van de persoon').fill('Zainab Haqpara');
    await dialog.getByRole('button', { name: 'Definitief wissen' }).click();
    await dialog.getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await dialog.getByLabel('Naam van de persoon').getAttribute('aria-invalid')).toBe('true');
    expect(await tableSnapshot(web.api.dataSource, ERASED_TABLES)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    // The browser lets a reason with the person's phone through; the API refuses it at the reason, in Dutch, and what was typed stays.
    await dialog.getByLabel('Naam van de persoon').fill('zainab haqparast');
    await dialog.getByLabel('Reden').fill('Gebeld vanaf 0470 55 66 71, ticket 4711');
    await dialog.getByRole('button', { name: 'Definitief wissen' }).click();
    await dialog.getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await dialog.getByLabel('Reden').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Naam van de persoon').inputValue()).toBe('zainab haqparast');
    expect(await tableSnapshot(web.api.dataSource, ERASED_TABLES)).toEqual(before);

    // Corrected, and erased with the keyboard.
    await dialog.getByLabel('Reden').fill('Vraag per e-mail van 8 september, ticket 4711');
    await dialog.getByLabel('Reden').focus();
    await tabTo(page, 'Definitief wissen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Gegevens gewist', level: 1 }).waitFor();
    await page.getByText('De gegevens van deze persoon zijn gewist.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Nothing personal is left in any text column of any table: not the first name, the last name, the phone or the e-mail.
    for (const needle of [ZAINAB.firstName, ZAINAB.lastName, PHONE_DIGITS, ZAINAB.email])
      expect([needle, await columnsHolding(web, needle)]).toEqual([needle, []]);
    // The audit log keeps the person's id, no name.
    const [{ n }] = await web.api.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_log_entry WHERE subject_id = $1`, [participantId]);
    expect(n).toBeGreaterThan(0);

    // The search finds them no more.
    await page.goto('/staff/privacy');
    await page.getByRole('searchbox', { name: 'Zoek een deelnemer op naam of telefoon' }).fill('Haqparast');
    await page.getByRole('search', { name: 'Deelnemers' }).getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText(/Gevonden deelnemers/).waitFor();
    expect(await page.getByRole('link', { name: /Zainab/ }).count()).toBe(0);
    expect(web.pageErrors).toEqual([]);
  });

  it('the audit log, filtered by subject, shows the export and the erasure; a bad filter is refused in place', async () => {
    const page = await signedInStaffPage(web);
    await page.goto(`/staff/privacy/audit?subject=${participantId}`);
    await page.getByRole('heading', { name: 'Auditlog', level: 1 }).waitFor();
    const log = page.getByRole('table', { name: /Auditlog/ });
    await log.getByRole('cell', { name: 'Geëxporteerd', exact: true }).waitFor();
    await log.getByRole('cell', { name: 'Gewist', exact: true }).waitFor();
    await log.getByRole('cell', { name: 'Vraag per e-mail van 8 september, ticket 4711' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);

    const form = page.getByRole('form', { name: 'Filters voor het auditlog' });
    await form.getByLabel('Over wie (nummer)').fill('niet-een-nummer');
    await form.getByRole('button', { name: 'Toon' }).click();
    await form.getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await form.getByLabel('Over wie (nummer)').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // The whole log, a page of 25 at a time (the API's `after` cursor), and back.
    // Enough entries for two pages: reads by the host of a participant of theirs, written as the API writes them.
    await web.api.dataSource.query(
      `INSERT INTO audit_log_entry (actor_user_id, action, subject_kind, subject_id, operation)
       SELECT $1, 'READ', 'PARTICIPANT', gen_random_uuid(), 'participants' FROM generate_series(1, 30)`,
      [world.userIds.host],
    );
    await page.goto('/staff/privacy/audit');
    const total = (await web.api.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_log_entry`))[0].n;
    expect(total).toBeGreaterThan(25);
    await page.getByText(`${total} regels gevonden.`).waitFor();
    const firstPage = await log.getByRole('row').allInnerTexts();
    await page.getByRole('button', { name: 'Volgende pagina' }).click();
    await page.getByRole('button', { name: 'Vorige pagina' }).and(page.locator(':not([disabled])')).waitFor();
    const secondPage = await log.getByRole('row').allInnerTexts();
    expect(secondPage.slice(1)).not.toContainEqual(firstPage[1]);
    await page.getByRole('button', { name: 'Vorige pagina' }).click();
    await page.getByRole('button', { name: 'Vorige pagina' }).and(page.locator('[disabled]')).waitFor();
    expect(await log.getByRole('row').allInnerTexts()).toEqual(firstPage);

    // The retention schedule.
    await page.goto('/staff/privacy/retention');
    await page.getByRole('heading', { name: 'Bewaartermijnen', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'Deelnemers: naam, telefoon, e-mail, taal, notities' }).waitFor();
    await page.getByRole('cell', { name: /24 maanden na de laatste activiteit/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(web.pageErrors).toEqual([]);
  });

  it("a user's page: no consent, an erasure preview of the account in numbers; your own account cannot be erased", async () => {
    const page = await signedInStaffPage(web);
    await page.goto('/staff/privacy');
    await page.getByRole('searchbox', { name: 'Zoek een gebruiker op naam of e-mail' }).fill('volunteer');
    await page.getByRole('search', { name: 'Gebruikers (vrijwilligers en medewerkers)' }).getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('link', { name: 'volunteer', exact: true }).click();
    await page.getByRole('heading', { name: 'Privacy van volunteer', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Toestemming om contact op te nemen' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Gegevens wissen…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gegevens van volunteer wissen' });
    await dialog.getByText(/Het account: naam, e-mail en wachtwoord/).waitFor();
    await dialog.getByText('Geen shiften', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.goto(`/staff/privacy/users/${world.userIds.admin}`);
    await page.getByText('Je kunt je eigen account niet wissen.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Gegevens wissen…' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });

  it('a coordinator has no audit log link, the page says it is not allowed, and the API refuses', async () => {
    const page = await signedInStaffPage(web, { email: 'coordinator@test.oefenkansen.be', password: FIXTURE_PASSWORD });
    await page.goto('/staff/privacy');
    await page.getByRole('link', { name: 'Bewaartermijnen' }).waitFor();
    expect(await page.getByRole('link', { name: 'Auditlog' }).count()).toBe(0);
    await page.goto('/staff/privacy/audit');
    await page.getByText('Alleen beheerders zien het auditlog.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errorOf(await web.api.gql(AUDIT_LOG, {}, world.tokens.coordinator)).extensions?.code).toBe('FORBIDDEN');
    expect(web.pageErrors).toEqual([]);
  });
});
