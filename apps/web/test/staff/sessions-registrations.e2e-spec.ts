import { createWorld, type World } from '../../../api/test/fixtures';
import { tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { apiRegister, apiSession, pageScrollsSideways, type SessionSetup, tabTo } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const TABLES = ['session', 'registration', 'participant'];

/** The registrations of a session at a glance: register after searching, move, cancel with the keyboard, attendance. */
describe('staff sessions: registrations', () => {
  let web: WebTest;
  let world: World;
  let setup: SessionSetup;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    world = await createWorld(web.api);
    setup = { api: web.api, world };
  });
  afterAll(() => web?.close());

  it('registers someone found by searching and a new participant; bad input changes nothing; a move the API refuses shows at the field', async () => {
    const earlier = await apiSession(setup, { title: 'Praattafel vorige week', startsAt: '2026-09-10T19:00:00+02:00', endsAt: '2026-09-10T20:30:00+02:00' });
    const known = await apiRegister(setup, earlier, { firstName: 'Fatima', lastName: 'Benali', phone: '0470 12 34 56', contactChannel: 'SMS', consent: true });
    const sessionId = await apiSession(setup, { title: 'Praattafel dinsdag', capacity: 1 });
    const other = await apiSession(setup, { title: 'Praattafel donderdag', startsAt: '2026-09-17T19:00:00+02:00', endsAt: '2026-09-17T20:30:00+02:00' });

    const page = await signedInStaffPage(web);
    await page.goto(`/staff/sessions/${sessionId}`);
    await page.getByRole('heading', { name: 'Praattafel dinsdag', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Iemand inschrijven' }).click();
    const dialog = page.getByRole('dialog');
    const before = await tableSnapshot(web.api.dataSource, TABLES);
    await dialog.getByLabel('Telefoon', { exact: true }).fill('12');
    await dialog.getByRole('button', { name: 'Inschrijven' }).click();
    await dialog.getByText('Vul dit in.').waitFor();
    expect(await dialog.getByLabel('Voornaam').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('Vul een geldig telefoonnummer in').waitFor();
    expect(await dialog.getByText('Maak een keuze.').count()).toBe(2);
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByLabel('Zoek op naam of telefoon').fill('Benali');
    await dialog.getByLabel('Zoek op naam of telefoon').press('Enter');
    await dialog.getByText('1 persoon gevonden.').waitFor();
    await dialog.getByRole('button', { name: 'Kies Fatima Benali (+32470123456)' }).click();
    await dialog.getByText('Gekozen: Fatima Benali').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Inschrijven' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('Ingeschreven.').waitFor();
    const [fatima] = await web.api.dataSource.query<{ status: string }[]>(`SELECT status FROM registration WHERE session_id = $1 AND participant_id = $2`, [
      sessionId,
      known.participant.id,
    ]);
    expect(fatima.status).toBe('CONFIRMED');

    await page.getByRole('button', { name: 'Iemand inschrijven' }).click();
    await dialog.getByLabel('Voornaam').fill('Yusuf');
    await dialog.getByLabel('Telefoon', { exact: true }).fill('0471 98 76 54');
    await dialog.getByRole('button', { name: /Taal/ }).click();
    await page.getByRole('option', { name: 'Turks' }).click();
    await dialog.getByRole('button', { name: /Berichten via/ }).click();
    await page.getByRole('option', { name: 'sms' }).click();
    await dialog.getByText('Wil berichten krijgen (toestemming)').click();
    await dialog.getByRole('button', { name: 'Inschrijven' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('De sessie is volzet. De persoon staat op de wachtlijst.').waitFor();
    const waitingTable = page.getByRole('table', { name: /Wachtlijst/ });
    await waitingTable.getByRole('cell', { name: 'Yusuf', exact: true }).waitFor();
    const [yusuf] = await web.api.dataSource.query<{ phone: string; preferred_language: string; consent_to_contact: boolean }[]>(
      `SELECT phone, preferred_language, consent_to_contact FROM participant WHERE first_name = 'Yusuf'`,
    );
    expect(yusuf).toEqual({ phone: '+32471987654', preferred_language: 'tr', consent_to_contact: true });

    // Fatima is already in the earlier session: the browser cannot know, the API says so at the session field.
    await page.getByRole('button', { name: 'Naar andere sessie: Fatima Benali' }).click();
    await dialog.getByRole('button', { name: /Sessie/ }).click();
    await page.getByRole('option', { name: /Praattafel vorige week/ }).click();
    const beforeMove = await tableSnapshot(web.api.dataSource, TABLES);
    await dialog.getByRole('button', { name: 'Verplaatsen' }).click();
    await dialog.getByText('Deze persoon is al ingeschreven.').waitFor();
    expect(await dialog.getByRole('button', { name: /Sessie/ }).getAttribute('aria-describedby')).toBeTruthy();
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(beforeMove);
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: /Sessie/ }).click();
    await page.getByRole('option', { name: /Praattafel donderdag/ }).click();
    await dialog.getByRole('button', { name: 'Verplaatsen' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Fatima's seat went to Yusuf, the first on the waiting list.
    await page
      .getByRole('table', { name: /Ingeschreven/ })
      .getByRole('cell', { name: 'Yusuf', exact: true })
      .waitFor();
    const moved = await web.api.dataSource.query<{ session_id: string; status: string }[]>(
      `SELECT session_id, status FROM registration WHERE participant_id = $1 AND status <> 'CANCELLED' ORDER BY session_id = $2 DESC`,
      [known.participant.id, other],
    );
    expect(moved).toEqual(expect.arrayContaining([{ session_id: other, status: 'CONFIRMED' }]));
    expect(web.pageErrors).toEqual([]);
  });

  it('cancels with the keyboard alone at 390 px, and the waiting list moves up', async () => {
    const sessionId = await apiSession(setup, { title: 'Praattafel toetsenbord', capacity: 2 });
    await apiRegister(setup, sessionId, { firstName: 'Amina', lastName: 'Haddad' });
    await apiRegister(setup, sessionId, { firstName: 'Olena', lastName: 'Koval' });
    await apiRegister(setup, sessionId, { firstName: 'Sara', lastName: 'Ahmadi' });
    await apiRegister(setup, sessionId, { firstName: 'Jamal', lastName: 'Noori' });

    const page = await signedInStaffPage(web);
    await page.goto(`/staff/sessions/${sessionId}`);
    await page.getByRole('heading', { name: 'Praattafel toetsenbord', level: 1 }).waitFor();
    const waitingTable = page.getByRole('table', { name: /Wachtlijst/ });
    expect(await waitingTable.getByRole('row').allTextContents()).toEqual([
      expect.stringContaining('Plaats'),
      expect.stringMatching(/^1Sara Ahmadi/),
      expect.stringMatching(/^2Jamal Noori/),
    ]);
    expect(await pageScrollsSideways(page)).toBe(false);

    await tabTo(page, 'Uitschrijven: Olena Koval');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Olena Koval uitschrijven?').waitFor();
    await dialog.getByText('De eerste op de wachtlijst krijgt dan deze plaats.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, 'Ja, uitschrijven', 10);
    await page.keyboard.press('Space');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Uitgeschreven. De eerste op de wachtlijst kreeg de plaats.').waitFor();
    await page
      .getByRole('table', { name: /Ingeschreven/ })
      .getByRole('cell', { name: 'Sara Ahmadi', exact: true })
      .waitFor();
    expect(await waitingTable.getByRole('row').allTextContents()).toEqual([expect.stringContaining('Plaats'), expect.stringMatching(/^1Jamal Noori/)]);
    const rows = await web.api.dataSource.query<{ first_name: string; status: string }[]>(
      `SELECT p.first_name, r.status FROM registration r JOIN participant p ON p.id = r.participant_id WHERE r.session_id = $1 ORDER BY r.arrival`,
      [sessionId],
    );
    expect(rows.map((r) => `${r.first_name} ${r.status}`)).toEqual(['Amina CONFIRMED', 'Olena CANCELLED', 'Sara CONFIRMED', 'Jamal WAITLISTED']);
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });

  it('marks attendance once the session has started', async () => {
    // Before the browser's "now" (9 September), after the API's clock at creation time.
    const sessionId = await apiSession(setup, { title: 'Praattafel gisteren', startsAt: '2026-09-08T19:00:00+02:00', endsAt: '2026-09-08T20:30:00+02:00' });
    const amina = await apiRegister(setup, sessionId, { firstName: 'Amina', lastName: 'Haddad' });
    web.api.clock.set(BROWSER_NOW);
    try {
      const page = await signedInStaffPage(web);
      await page.goto(`/staff/sessions/${sessionId}`);
      await page.getByRole('heading', { name: 'Praattafel gisteren', level: 1 }).waitFor();
      expect(await page.getByRole('button', { name: 'Iemand inschrijven' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Amina Haddad was aanwezig' }).click();
      await page.getByRole('cell', { name: 'Aanwezig', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Amina Haddad was aanwezig' }).getAttribute('aria-pressed')).toBe('true');
      const [row] = await web.api.dataSource.query<{ status: string }[]>(`SELECT status FROM registration WHERE id = $1`, [amina.id]);
      expect(row.status).toBe('ATTENDED');
      expect(await axeViolations(page)).toEqual([]);
      expect(web.pageErrors).toEqual([]);
    } finally {
      web.api.clock.set(new Date('2026-08-15T10:00:00Z'));
    }
  });

  it('shows all waiting lists of a programme across its upcoming sessions', async () => {
    const first = await apiSession(setup, { title: 'Schoolbabbel maandag', programmeId: world.schoolbabbelId, capacity: 1 });
    const second = await apiSession(setup, {
      title: 'Schoolbabbel vrijdag',
      programmeId: world.schoolbabbelId,
      capacity: 1,
      startsAt: '2026-09-18T09:00:00+02:00',
      endsAt: '2026-09-18T10:00:00+02:00',
    });
    for (const [sessionId, names] of [
      [first, ['Amina', 'Olena', 'Sara']],
      [second, ['Jamal', 'Yusuf']],
    ] as const)
      for (const firstName of names) await apiRegister(setup, sessionId, { firstName });

    const page = await signedInStaffPage(web);
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Wachtlijsten' }).click();
    await page.getByRole('heading', { name: 'Wachtlijsten', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Programma/ }).click();
    await page.getByRole('option', { name: 'Schoolbabbel' }).click();
    await page.getByText('3 mensen wachten in 2 sessies.').waitFor();
    const cells = await page
      .getByRole('table', { name: /Wie wacht/ })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('td')]
            .map((cell) => cell.textContent!.split(',')[0])
            .slice(0, 3)
            .join(' | '),
        ),
      );
    expect(cells).toEqual(['Schoolbabbel maandag | 1 | Olena', 'Schoolbabbel maandag | 2 | Sara', 'Schoolbabbel vrijdag | 1 | Yusuf']);
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Schoolbabbel vrijdag/ }).click();
    await page.getByRole('heading', { name: 'Schoolbabbel vrijdag', level: 1 }).waitFor();
    expect(web.pageErrors).toEqual([]);
  });
});
