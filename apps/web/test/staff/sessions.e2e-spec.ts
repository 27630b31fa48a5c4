import { createWorld, type World } from '../../../api/test/fixtures';
import { tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { apiRegister, apiSession, pageScrollsSideways, type SessionSetup, typeDate, typeTime } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

/** A coordinator creates, moves, shrinks and cancels a session in the browser, against the API in production mode. */
describe('staff sessions: one session', () => {
  let web: WebTest;
  let world: World;
  let setup: SessionSetup;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    world = await createWorld(web.api);
    setup = { api: web.api, world };
  });
  afterAll(() => web?.close());

  it('creates a one-off session; bad input and a date the API refuses change nothing and show at the field', async () => {
    const page = await signedInStaffPage(web);
    await page.goto(`/staff/sessions/new?programme=${world.praattafelId}`);
    await page.getByRole('heading', { name: 'Nieuwe losse sessie', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const before = await tableSnapshot(web.api.dataSource, ['session', 'registration', 'participant']);
    await typeTime(page, page, 'Beginuur', '20:00');
    await typeTime(page, page, 'Einduur', '19:00');
    await page.getByRole('button', { name: 'Sessie maken' }).click();
    await page.getByText('Vul dit in.').waitFor();
    expect(await page.getByLabel('Titel').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Maak een keuze.').waitFor();
    await page.getByText('Het einde moet na het begin liggen.').waitFor();
    await page.getByText('Kies een geldige datum.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['session', 'registration', 'participant'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Titel').fill('Praattafel extra');
    await page.getByRole('button', { name: /Locatie/ }).click();
    await page.getByRole('option', { name: /Zaal Overleie/ }).click();
    await typeTime(page, page, 'Beginuur', '19:00');
    await typeTime(page, page, 'Einduur', '20:30');
    // The browser takes any date; the API refuses one in the past, and says so at the date.
    await typeDate(page, page, 'Datum', '2026-08-01');
    await page.getByRole('button', { name: 'Sessie maken' }).click();
    await page.getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await page.getByRole('group', { name: 'Datum' }).getByRole('spinbutton').first().getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Titel').inputValue()).toBe('Praattafel extra');
    expect(await tableSnapshot(web.api.dataSource, ['session', 'registration', 'participant'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await typeDate(page, page, 'Datum', '2026-09-22');
    await page.getByRole('button', { name: 'Sessie maken' }).click();
    await page.getByRole('heading', { name: 'Praattafel extra', level: 1 }).waitFor();
    const [row] = await web.api.dataSource.query<{ id: string; starts_at: Date; ends_at: Date; capacity: number; programme_id: string }[]>(
      `SELECT id, starts_at, ends_at, capacity, programme_id FROM session WHERE title = 'Praattafel extra'`,
    );
    expect(row.starts_at.toISOString()).toBe('2026-09-22T17:00:00.000Z');
    expect(row.ends_at.toISOString()).toBe('2026-09-22T18:30:00.000Z');
    expect(row.programme_id).toBe(world.praattafelId);
    expect(row.capacity).toBe(10);
    expect(new URL(page.url()).pathname).toBe(`/staff/sessions/${row.id}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(web.pageErrors).toEqual([]);
  });

  it('moves a session after showing who is registered and who will be told, lowers its capacity, cancels it with a reason', async () => {
    const sessionId = await apiSession(setup, { title: 'Praattafel om te verplaatsen', capacity: 3 });
    await apiRegister(setup, sessionId, { firstName: 'Amina', lastName: 'Haddad', phone: '0470 11 22 33', contactChannel: 'SMS', consent: true });
    await apiRegister(setup, sessionId, { firstName: 'Olena', lastName: 'Koval', email: 'olena@example.org', contactChannel: 'EMAIL', consent: true });
    await apiRegister(setup, sessionId, { firstName: 'Jamal', lastName: 'Noori', phone: '0470 44 55 66', contactChannel: 'NONE', consent: false });
    const waiting = await apiRegister(setup, sessionId, {
      firstName: 'Sara',
      lastName: 'Ahmadi',
      phone: '0470 77 88 99',
      contactChannel: 'SMS',
      consent: true,
    });
    expect(waiting.status).toBe('WAITLISTED');

    const page = await signedInStaffPage(web);
    await page.goto(`/staff/sessions/${sessionId}`);
    await page.getByRole('heading', { name: 'Praattafel om te verplaatsen', level: 1 }).waitFor();
    await page.getByText('3 van 3 plaatsen bezet, 1 op de wachtlijst').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Verplaatsen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('3 mensen zijn ingeschreven en 1 persoon wacht.').waitFor();
    await dialog.getByText('3 mensen krijgen een bericht met het nieuwe uur:').waitFor();
    expect(await dialog.getByRole('list', { name: 'Wie een bericht krijgt' }).getByRole('listitem').allTextContents()).toEqual([
      'Amina Haddad — sms',
      'Olena Koval — e-mail',
      'Sara Ahmadi — sms',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await typeDate(dialog, page, 'Datum', '2026-09-17');
    await typeTime(dialog, page, 'Beginuur', '18:00');
    await typeTime(dialog, page, 'Einduur', '19:30');
    await dialog.getByRole('button', { name: /Locatie/ }).click();
    await page.getByRole('option', { name: /Refter De Vlieger/ }).click();
    await dialog.getByRole('button', { name: 'Verplaatsen' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const [moved] = await web.api.dataSource.query<{ starts_at: Date; ends_at: Date; venue_id: string }[]>(
      `SELECT starts_at, ends_at, venue_id FROM session WHERE id = $1`,
      [sessionId],
    );
    expect([moved.starts_at.toISOString(), moved.ends_at.toISOString()]).toEqual(['2026-09-17T16:00:00.000Z', '2026-09-17T17:30:00.000Z']);
    expect(moved.venue_id).toBe(world.schoolVenueId);
    const told = await web.api.dataSource.query<{ first_name: string; channel: string }[]>(
      `SELECT p.first_name, n.channel FROM notification n JOIN participant p ON p.id = n.participant_id
        WHERE n.session_id = $1 AND n.kind = 'SESSION_MOVED' ORDER BY p.first_name`,
      [sessionId],
    );
    expect(told).toEqual([
      { first_name: 'Amina', channel: 'SMS' },
      { first_name: 'Olena', channel: 'EMAIL' },
      { first_name: 'Sara', channel: 'SMS' },
    ]);

    await page.getByRole('button', { name: 'Plaatsen wijzigen' }).click();
    await dialog.getByText('Minder plaatsen: niemand verliest zijn plaats.', { exact: false }).waitFor();
    const seatsBefore = await tableSnapshot(web.api.dataSource, ['session', 'registration']);
    await dialog.getByRole('textbox', { name: 'Aantal plaatsen' }).fill('0');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul minstens 1 in.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['session', 'registration'])).toEqual(seatsBefore);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Aantal plaatsen' }).fill('2');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Lowered below the seated count: nobody loses their seat, nobody moves up.
    await page.getByText('3 van 2 plaatsen bezet, 1 op de wachtlijst').waitFor();
    const statuses = await web.api.dataSource.query<{ status: string }[]>(`SELECT status FROM registration WHERE session_id = $1 ORDER BY arrival`, [
      sessionId,
    ]);
    expect(statuses.map((r) => r.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'WAITLISTED']);

    await page.getByRole('button', { name: 'Sessie annuleren' }).click();
    const before = await tableSnapshot(web.api.dataSource, ['session', 'notification']);
    await dialog.getByRole('button', { name: 'Sessie annuleren' }).click();
    await dialog.getByText('Vul dit in.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['session', 'notification'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Reden').fill('De begeleider is ziek. We zien je volgende week.');
    await dialog.getByRole('button', { name: 'Sessie annuleren' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Geannuleerd', { exact: true }).waitFor();
    const [cancelled] = await web.api.dataSource.query<{ status: string; cancellation_reason: string }[]>(
      `SELECT status, cancellation_reason FROM session WHERE id = $1`,
      [sessionId],
    );
    expect(cancelled).toEqual({ status: 'CANCELLED', cancellation_reason: 'De begeleider is ziek. We zien je volgende week.' });
    const cancelledMessages = await web.api.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification WHERE session_id = $1 AND kind = 'SESSION_CANCELLED'`,
      [sessionId],
    );
    expect(cancelledMessages[0].n).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });

  it('assigns and unassigns a host', async () => {
    const sessionId = await apiSession(setup, { title: 'Praattafel zonder begeleider' });
    const page = await signedInStaffPage(web);
    await page.goto(`/staff/sessions/${sessionId}`);
    await page.getByText('Nog geen begeleider').waitFor();
    await page.getByRole('button', { name: 'Begeleiders' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await dialog.getByText('Maak een keuze.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /Begeleider toevoegen/ }).click();
    expect(await page.getByRole('option').allTextContents()).not.toContain('schoolContact');
    await page.getByRole('option', { name: 'volunteer' }).click();
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await dialog.getByRole('button', { name: 'volunteer verwijderen' }).waitFor();
    expect(await web.api.dataSource.query(`SELECT user_id FROM session_host WHERE session_id = $1`, [sessionId])).toEqual([
      { user_id: world.userIds.volunteer },
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'volunteer verwijderen' }).click();
    await dialog.getByText('Nog geen begeleider').waitFor();
    expect(await web.api.dataSource.query(`SELECT user_id FROM session_host WHERE session_id = $1`, [sessionId])).toEqual([]);
    expect(web.pageErrors).toEqual([]);
  });
});
