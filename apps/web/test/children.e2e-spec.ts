import type { Page } from 'playwright-core';
import { CREATE_SESSION, createWorld, type World } from '../../api/test/fixtures';
import { dataOf, tableSnapshot } from '../../api/test/test-api';
import { signIn, startWebTest, type WebTest } from './browser';
import { runAxe, unlabelledFields } from './page-checks';
import { BROWSER_NOW } from './public-fixtures';
import { axeViolations, signedInStaffPage } from './staff/staff-helpers';

const CREATE_PROGRAMME = 'mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }';
const TABLES = ['registration', 'registration_child', 'participant'];

interface RegistrationInDb {
  first_name: string;
  children: number;
  childcare_status: string | null;
}

/** Children who come along: the school contact's form (a number, or each child for the zomerschool) and the programme editor's childcare places. */
describe('children in the browser', () => {
  let web: WebTest;
  let world: World;
  let childcareSessionId: string;
  let zomerschoolSessionId: string;

  beforeAll(async () => {
    web = await startWebTest({ now: BROWSER_NOW, env: { NODE_ENV: 'production' } });
    world = await createWorld(web.api);
    const admin = world.tokens.admin;
    const programme = async (input: Record<string, unknown>) =>
      dataOf(await web.api.gql<{ createProgramme: { id: string } }>(CREATE_PROGRAMME, { i: { kind: 'TABLE', defaultCapacity: 12, ...input } }, admin))
        .createProgramme.id;
    const session = async (programmeId: string, title: string, day: string) =>
      dataOf(
        await web.api.gql<{ createSession: { id: string } }>(
          CREATE_SESSION,
          { i: { programmeId, venueId: world.schoolVenueId, title, startsAt: `${day}T08:45:00+02:00`, endsAt: `${day}T10:15:00+02:00` } },
          admin,
        ),
      ).createSession.id;
    childcareSessionId = await session(await programme({ name: 'Schoolbabbel met opvang', childcareCapacity: 4 }), 'Schoolbabbel met opvang', '2026-09-10');
    zomerschoolSessionId = await session(
      await programme({ name: 'Zomerschool De Vlieger', kind: 'SERIES_COURSE', listsChildren: true }),
      'Zomerschool De Vlieger',
      '2026-09-11',
    );
  });
  afterAll(() => web?.close());
  afterEach(() => expect(web.pageErrors).toEqual([]));

  const registrationsOf = (sessionId: string) =>
    web.api.dataSource.query<RegistrationInDb[]>(
      `SELECT p.first_name, r.children, r.childcare_status FROM registration r JOIN participant p ON p.id = r.participant_id WHERE r.session_id = $1 ORDER BY r.arrival`,
      [sessionId],
    );

  async function schoolPage(sessionId: string): Promise<Page> {
    const page = await web.newPage();
    await page.goto(`/login?next=${encodeURIComponent(`/school/sessions/${sessionId}`)}`);
    await signIn(page, 'schoolcontact@test.oefenkansen.be', 'fixture-password-2026');
    await page.getByRole('heading', { level: 2, name: 'Een ouder inschrijven' }).waitFor();
    return page;
  }

  it('the school contact registers a parent with 2 children; 11 children is refused at the field, nothing changed', async () => {
    const page = await schoolPage(childcareSessionId);
    await page.getByLabel('Voornaam', { exact: true }).fill('Samira');
    await page.getByLabel('Taal van de ouder').selectOption('ar');
    const children = page.getByLabel('Kinderen die meekomen');
    await children.fill('11');
    const before = await tableSnapshot(web.api.dataSource, TABLES);
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await page.getByText('Schrijf hoeveel kinderen meekomen: een getal van 0 tot 10.').waitFor();
    expect(await children.getAttribute('aria-invalid')).toBe('true');
    expect(await children.getAttribute('aria-describedby')).toContain('parent-children-error');
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect((await runAxe(page)).violations).toEqual([]);

    await children.fill('2');
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await page.getByRole('status').getByText('Samira', { exact: false }).waitFor();
    await page.locator('#seated li').first().waitFor();
    expect(await registrationsOf(childcareSessionId)).toEqual([{ first_name: 'Samira', children: 2, childcare_status: 'PLACED' }]);
    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'school-children');
  });

  it('for the zomerschool the school contact lists each child (add and remove), an age out of range is said at that child', async () => {
    const page = await schoolPage(zomerschoolSessionId);
    await page.getByRole('group', { name: 'De kinderen' }).waitFor();
    expect(await page.getByLabel('Kinderen die meekomen').count()).toBe(0);
    await page.getByLabel('Voornaam', { exact: true }).fill('Halima');
    await page.getByLabel('Voornaam van kind 1').fill('Yusuf');
    await page.getByLabel('Leeftijd van kind 1').fill('7');
    await page.getByLabel('School van kind 1').fill('De Vlieger');
    await page.getByRole('button', { name: 'Een kind toevoegen' }).click();
    await page.getByLabel('Voornaam van kind 2').fill('Noor');
    await page.getByLabel('Leeftijd van kind 2').fill('2');
    await page.getByRole('button', { name: 'Een kind toevoegen' }).click();
    await page.getByLabel('Voornaam van kind 3').fill('Weg');
    await page.getByRole('button', { name: 'Kind 3 weghalen' }).click();
    expect(await page.getByLabel('Voornaam van kind 3').count()).toBe(0);
    expect((await runAxe(page)).violations).toEqual([]);

    const before = await tableSnapshot(web.api.dataSource, TABLES);
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await page.getByText('Schrijf de leeftijd van het kind: van 3 tot 14 jaar.').waitFor();
    expect(await page.getByLabel('Leeftijd van kind 2').getAttribute('aria-invalid')).toBe('true');
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect((await runAxe(page)).violations).toEqual([]);

    await page.getByLabel('Leeftijd van kind 2').fill('4');
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await page.locator('#seated li').first().waitFor();
    expect(await registrationsOf(zomerschoolSessionId)).toEqual([{ first_name: 'Halima', children: 2, childcare_status: null }]);
    expect(
      await web.api.dataSource.query(
        `SELECT c.first_name, c.age, c.school FROM registration_child c JOIN registration r ON r.id = c.registration_id WHERE r.session_id = $1 ORDER BY c.position`,
        [zomerschoolSessionId],
      ),
    ).toEqual([
      { first_name: 'Yusuf', age: 7, school: 'De Vlieger' },
      { first_name: 'Noor', age: 4, school: null },
    ]);
    // The form is empty again, with one child row.
    expect(await page.getByLabel('Voornaam van kind 1').inputValue()).toBe('');
    expect(await page.getByLabel('Voornaam van kind 2').count()).toBe(0);
  });

  it('the programme editor sets childcare places, refusing 0 at the field, and the staff session page shows the childcare', async () => {
    const page = await signedInStaffPage(web);
    await page.goto('/staff/programmes');
    await page.getByRole('link', { name: 'Praattafel' }).click();
    await page.getByRole('heading', { name: 'Praattafel', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Wijzigen' }).click();
    const dialog = page.getByRole('dialog');
    const places = dialog.getByRole('textbox', { name: 'Plaatsen in de kinderopvang', exact: true });
    expect(await places.inputValue()).toBe('');
    const before = await tableSnapshot(web.api.dataSource, ['programme']);
    await places.fill('0');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul minstens 1 in.').waitFor();
    expect(await places.getAttribute('aria-invalid')).toBe('true');
    expect(await tableSnapshot(web.api.dataSource, ['programme'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    // Corrected, the message goes (on leaving the field) before the save button is pressed.
    await places.fill('6');
    await places.press('Tab');
    await dialog.getByText('Vul minstens 1 in.').waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await web.api.dataSource.query(`SELECT childcare_capacity FROM programme WHERE id = $1`, [world.praattafelId])).toEqual([{ childcare_capacity: 6 }]);

    // The session page of the programme with childcare: places taken and the children per registration.
    await page.goto(`/staff/sessions/${childcareSessionId}`);
    await page.getByRole('heading', { name: 'Kinderopvang', level: 2 }).waitFor();
    await page.getByText('2 van de 4 plaatsen bezet, 0 kinderen wachten.').waitFor();
    await page.getByRole('cell', { name: '2 (in de opvang)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('staff register a parent for the zomerschool with each child; a missing age is said at that child', async () => {
    const page = await signedInStaffPage(web);
    await page.goto(`/staff/sessions/${zomerschoolSessionId}`);
    await page.getByRole('button', { name: 'Iemand inschrijven' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('group', { name: 'De kinderen' }).waitFor();
    await dialog.getByLabel('Voornaam', { exact: true }).fill('Rahima');
    await dialog.getByRole('button', { name: /Taal/ }).click();
    await page.getByRole('option', { name: 'Arabisch' }).click();
    await dialog.getByRole('button', { name: /Berichten via/ }).click();
    await page.getByRole('option', { name: 'geen berichten' }).click();
    await dialog.getByRole('textbox', { name: 'Voornaam van kind 1', exact: true }).fill('Ilyas');
    await dialog.getByRole('button', { name: 'Een kind toevoegen' }).click();
    await dialog.getByRole('textbox', { name: 'Voornaam van kind 2', exact: true }).fill('Sara');
    await dialog.getByRole('textbox', { name: 'Leeftijd van kind 2', exact: true }).fill('9');
    const before = await tableSnapshot(web.api.dataSource, TABLES);
    await dialog.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Leeftijd van kind 1', exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Leeftijd van kind 1', exact: true }).fill('5');
    await dialog.getByRole('textbox', { name: 'Leeftijd van kind 1', exact: true }).press('Tab');
    await dialog.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Rahima', exact: true }).waitFor();
    expect((await registrationsOf(zomerschoolSessionId)).map((r) => [r.first_name, r.children])).toEqual([
      ['Halima', 2],
      ['Rahima', 2],
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
