import { createWorld, type World } from '../../../api/test/fixtures';
import { tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { apiRegister, apiSession, type SessionSetup } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

/** Tuesday 15 September 2026, 19:30 in Brussels: the Praattafel of 19:00–20:30 is under way. */
const NOW = new Date('2026-09-15T17:30:00Z');
const TABLES = ['registration', 'participant', 'registration_event', 'notification'];

/** A coordinator adds walk-ins on the staff session page, as a host does on the phone page. */
describe('staff sessions: walk-ins', () => {
  let web: WebTest;
  let world: World;
  let setup: SessionSetup;

  beforeAll(async () => {
    web = await startStaffWebTest(NOW);
    world = await createWorld(web.api);
    setup = { api: web.api, world };
  });
  afterAll(() => web?.close());
  afterEach(() => expect(web.pageErrors).toEqual([]));

  it('adds an anonymous walk-in and a named one with children; a bad phone is refused at the field and changes nothing', async () => {
    web.api.clock.set(new Date('2026-09-01T10:00:00Z'));
    const sessionId = await apiSession(setup, { title: 'Praattafel dinsdag', capacity: 1 });
    const later = await apiSession(setup, { title: 'Praattafel later', startsAt: '2026-09-22T19:00:00+02:00', endsAt: '2026-09-22T20:30:00+02:00' });
    await apiRegister(setup, sessionId, { firstName: 'Fatima' });
    web.api.clock.set(NOW);

    const page = await signedInStaffPage(web);
    await page.goto(`/staff/sessions/${sessionId}`);
    await page.getByRole('heading', { name: 'Praattafel dinsdag', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Walk-in toevoegen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Voornaam').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // No first name: an anonymous walk-in, counted beyond the one seat (the room decides).
    await dialog.getByRole('button', { name: 'Toevoegen als aanwezig' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('Een anonieme walk-in is toegevoegd als aanwezig.').waitFor();
    const seated = page.getByRole('table', { name: /Ingeschreven/ });
    await seated.getByRole('cell', { name: 'Walk-in (anoniem)', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Walk-in toevoegen' }).click();
    await dialog.getByLabel('Voornaam').fill('Samir');
    await dialog.getByLabel('Telefoon', { exact: true }).fill('12');
    const before = await tableSnapshot(web.api.dataSource, TABLES);
    await dialog.getByRole('button', { name: 'Toevoegen als aanwezig' }).click();
    await dialog.getByText('Vul een geldig telefoonnummer in').waitFor();
    expect(await dialog.getByLabel('Telefoon', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await tableSnapshot(web.api.dataSource, TABLES)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByLabel('Telefoon', { exact: true }).fill('');
    await dialog.getByRole('button', { name: 'Kinderen die meekwamen +1' }).click();
    await dialog.getByRole('button', { name: 'Kinderen die meekwamen +1' }).click();
    await dialog.getByRole('button', { name: 'Toevoegen als aanwezig' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('Samir is toegevoegd als aanwezig.').waitFor();
    await seated.getByRole('cell', { name: 'Samir (walk-in)', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const rows = await web.api.dataSource.query<{ first_name: string; status: string; walk_in: boolean; beyond_capacity: boolean; children: number }[]>(
      `SELECT p.first_name, r.status, r.walk_in, r.beyond_capacity, r.children FROM registration r JOIN participant p ON p.id = r.participant_id
        WHERE r.session_id = $1 ORDER BY r.arrival`,
      [sessionId],
    );
    expect(rows).toEqual([
      { first_name: 'Fatima', status: 'CONFIRMED', walk_in: false, beyond_capacity: false, children: 0 },
      { first_name: '', status: 'ATTENDED', walk_in: true, beyond_capacity: true, children: 0 },
      { first_name: 'Samir', status: 'ATTENDED', walk_in: true, beyond_capacity: true, children: 2 },
    ]);

    // A session next week: no walk-ins yet.
    await page.goto(`/staff/sessions/${later}`);
    await page.getByRole('heading', { name: 'Praattafel later', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Iemand inschrijven' }).waitFor();
    expect(await page.getByRole('button', { name: 'Walk-in toevoegen' }).count()).toBe(0);
  });
});
