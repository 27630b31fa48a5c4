import type { Locator, Page } from 'playwright-core';
import { TEST_ADMIN } from '../../../api/test/test-api';
import { signIn, type WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { typeDate, typeTime } from './sessions-helpers';
import { axeViolations, inviteLinkFrom, type MailCapture, signedInStaffPage, startMailCapture, startStaffWebTest } from './staff-helpers';

const CONTACT = { email: 'juf.sarah@vlieger.example.be', password: 'de vlieger vliegt hoog' };

async function choose(page: Page, scope: Locator, label: RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/**
 * Next school year set up in the browser only, as production runs (no playground): from an empty
 * database with only the admin (who does the coordinator's work here) to a school contact who
 * set their own password and registers a parent. Each screen has its own spec for the details;
 * this one proves they add up.
 */
describe('back office walkthrough: a coordinator sets up 2027-28, a school contact registers a parent', () => {
  let web: WebTest;
  let mail: MailCapture;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    mail = await startMailCapture(web.api);
  });
  afterAll(async () => {
    await mail?.close();
    await web?.close();
  });

  it('school, venue, programme, an invited school contact, a weekly series with its holidays, a move, a smaller capacity, a cancellation, a registered parent', async () => {
    const [{ users }] = await web.api.dataSource.query<{ users: number }[]>(`SELECT count(*)::int AS users FROM app_user`);
    expect(users).toBe(1);
    const page = await signedInStaffPage(web, { email: TEST_ADMIN.email, password: TEST_ADMIN.password });

    // The school.
    await page.goto('/staff/places/organisations');
    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Naam').fill('Basisschool De Vlieger');
    await choose(page, dialog, /Soort/, 'School');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Its refter.
    await page.goto('/staff/places/venues');
    await page.getByRole('button', { name: 'Nieuwe locatie' }).click();
    dialog = page.getByRole('dialog');
    await choose(page, dialog, /Organisatie/, 'Basisschool De Vlieger');
    await dialog.getByLabel('Naam', { exact: true }).fill('Refter De Vlieger');
    await dialog.getByLabel('Adres').fill('Vliegerstraat 1, 8500 Kortrijk');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The programme.
    await page.goto('/staff/programmes');
    await page.getByRole('button', { name: 'Nieuw programma' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Naam', exact: true }).fill('Schoolbabbel');
    await choose(page, dialog, /Soort/, 'Oefentafel');
    await dialog.getByRole('textbox', { name: 'Aantal plaatsen', exact: true }).fill('12');
    await dialog.getByText('Arabisch').click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The school contact, invited by mail; they choose their own password from the link.
    await page.goto('/staff/people/users');
    await page.getByRole('button', { name: 'Uitnodigen per e-mail' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Naam').fill('Juf Sarah');
    await dialog.getByLabel('E-mailadres').fill(CONTACT.email);
    await dialog.getByText('Schoolcontact', { exact: true }).click();
    await choose(page, dialog, /School of organisatie/, 'Basisschool De Vlieger');
    await dialog.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const contact = await web.newPage();
    await contact.goto(inviteLinkFrom(await mail.mailTo(CONTACT.email, 'Je account bij Oefenkansen')));
    await contact.getByLabel('Nieuw wachtwoord').fill(CONTACT.password);
    await contact.getByLabel('Herhaal het wachtwoord').fill(CONTACT.password);
    await contact.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await contact.waitForURL((url) => url.pathname === '/school');

    // Every Tuesday of 2027-28, from the programme's page; the preview names the holidays before saving.
    await page.goto('/staff/programmes');
    await page.getByRole('link', { name: 'Schoolbabbel' }).click();
    await page.getByRole('link', { name: 'Nieuwe reeks' }).click();
    await page.getByRole('heading', { name: 'Nieuwe reeks', level: 1 }).waitFor();
    await choose(page, page.locator('main'), /Locatie/, 'Refter De Vlieger (Basisschool De Vlieger)');
    await page.getByLabel('Titel').fill('Schoolbabbel De Vlieger');
    await typeDate(page, page, 'Eerste datum', '2027-09-07');
    await typeTime(page, page, 'Beginuur', '08:45');
    await page.locator('main').getByText('dinsdag', { exact: true }).click();
    await typeDate(page, page, 'Laatste datum', '2028-06-27');
    const preview = page.locator('.series-preview');
    await preview.getByText('37 data, 6 data vallen weg.').waitFor();
    const skipped = await preview.locator('[data-skipped]').allInnerTexts();
    expect(skipped.filter((text) => text.includes('Herfstvakantie'))).toHaveLength(1);
    expect(skipped.filter((text) => text.includes('Kerstvakantie'))).toHaveLength(2);
    expect(await web.api.dataSource.query(`SELECT id FROM session`)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Reeks opslaan' }).click();
    await page.waitForURL(/\/staff\/series\/[0-9a-f-]{36}$/);
    const sessions = await web.api.dataSource.query<{ id: string }[]>(`SELECT id FROM session ORDER BY starts_at`);
    expect(sessions).toHaveLength(37);
    const [first, second, third] = sessions.map((session) => session.id);

    // The first table moves a day, the second gets fewer places, the third is cancelled with a message.
    await page.goto(`/staff/sessions/${first}`);
    await page.getByRole('button', { name: 'Verplaatsen' }).click();
    dialog = page.getByRole('dialog');
    await typeDate(dialog, page, 'Datum', '2027-09-08');
    await typeTime(dialog, page, 'Beginuur', '08:45');
    await typeTime(dialog, page, 'Einduur', '10:15');
    await dialog.getByRole('button', { name: 'Verplaatsen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.goto(`/staff/sessions/${second}`);
    await page.getByRole('button', { name: 'Plaatsen wijzigen' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Aantal plaatsen' }).fill('8');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.goto(`/staff/sessions/${third}`);
    await page.getByRole('button', { name: 'Sessie annuleren' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reden').fill('De refter is bezet door de schoolfotograaf.');
    await dialog.getByRole('button', { name: 'Sessie annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    const changed = await web.api.dataSource.query<{ id: string; day: string; capacity: number; status: string; reason: string | null }[]>(
      `SELECT id, to_char(starts_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') AS day, capacity, status, cancellation_reason AS reason
         FROM session WHERE id = ANY($1) ORDER BY starts_at`,
      [[first, second, third]],
    );
    expect(changed).toEqual([
      { id: first, day: '2027-09-08 08:45', capacity: 12, status: 'SCHEDULED', reason: null },
      { id: second, day: '2027-09-14 08:45', capacity: 8, status: 'SCHEDULED', reason: null },
      { id: third, day: '2027-09-21 08:45', capacity: 12, status: 'CANCELLED', reason: 'De refter is bezet door de schoolfotograaf.' },
    ]);

    // The school contact signs in with the password they chose and registers a parent at the moved table.
    const school = await web.newPage();
    await school.goto('/login');
    await signIn(school, CONTACT.email, CONTACT.password);
    await school.waitForURL((url) => url.pathname === '/school');
    await school.goto(`/school/sessions/${first}`);
    await school.getByLabel('Zoek de ouder: naam of telefoon').fill('Amina');
    await school.getByText('Niemand gevonden.', { exact: false }).waitFor();
    await school.getByLabel('Voornaam').fill('Amina');
    await school.getByLabel('Taal van de ouder').selectOption('ar');
    await school.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await school.getByText('Amina', { exact: false }).first().waitFor();
    const registered = await web.api.dataSource.query<{ first_name: string; status: string; school: string }[]>(
      `SELECT p.first_name, r.status, o.name AS school FROM registration r JOIN participant p ON p.id = r.participant_id
         JOIN organisation o ON o.id = p.registered_by_organisation_id WHERE r.session_id = $1`,
      [first],
    );
    expect(registered).toEqual([{ first_name: 'Amina', status: 'CONFIRMED', school: 'Basisschool De Vlieger' }]);
    expect(web.pageErrors).toEqual([]);
  });
});
