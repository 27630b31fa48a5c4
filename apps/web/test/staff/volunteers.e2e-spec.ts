import type { Locator, Page } from 'playwright-core';
import { CREATE_SERIES, CREATE_SESSION, createWorld, sessionInput, type World } from '../../../api/test/fixtures';
import { dataOf, tableSnapshot } from '../../../api/test/test-api';
import { ADD_ABSENCE, brussels, createShift, createVolunteers, SAVE_PROFILE, type Volunteer } from '../../../api/test/volunteer-fixtures';
import { signIn, type WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { pageScrollsSideways, tabTo, typeDate, typeTime } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const ASSIGN = `mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }`;
const MARK = `mutation($a: ID!, $x: Boolean!) { markShiftAttendance(assignmentId: $a, attended: $x) { id } }`;
/** Saturday 12 September 2026, 10:00–12:00 in Brussels. */
const SESSION_START = brussels('2026-09-12', '10:00');
const SESSION_END = brussels('2026-09-12', '12:00');
/** Half an hour into the session: attendance can be recorded. */
const DURING_SESSION = new Date('2026-09-12T08:30:00Z');

/** The React Aria select: open it by its label, pick an option. */
async function choose(page: Page, scope: Page | Locator, label: RegExp, option: string): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Volunteers in the back office: the list, a profile, absences, planning a session's shifts, no-shows and the calendar feed. */
describe('staff volunteers: profiles, absences and shift planning', () => {
  let web: WebTest;
  let page: Page;
  let world: World;
  let amira: Volunteer;
  let bram: Volunteer;
  let sessionId: string;
  let earlierAssignmentId: string;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    web.api.clock.set(BROWSER_NOW);
    world = await createWorld(web.api);
    [amira, bram] = await createVolunteers(web.api, world, ['Amira Haddad', 'Bram Claes']);
    const admin = (query: string, variables: Record<string, unknown>) => web.api.gql(query, variables, world.tokens.admin).then(dataOf);
    await admin(SAVE_PROFILE, { v: amira.id, i: { languages: ['ar'], skills: ['WELCOME'], availableWeekdays: [4, 6], availableDayparts: ['MORNING'] } });
    await admin(SAVE_PROFILE, { v: bram.id, i: { languages: ['fr'], skills: ['WELCOME'], availableWeekdays: [6], availableDayparts: ['MORNING'] } });
    // Bram is away this week and the next days, Saturday included.
    await admin(ADD_ABSENCE, { v: bram.id, i: { startsOn: '2026-09-08', endsOn: '2026-09-14', reason: 'Familiebezoek' } });
    sessionId = (await admin(CREATE_SESSION, { i: sessionInput(world, { title: 'Praattafel Zaterdag', startsAt: SESSION_START, endsAt: SESSION_END }) }))
      .createSession.id;
    // An earlier shift Amira did not come to (recorded below): one more no-show in a row reaches a threshold of 2.
    const earlier = await createShift(web.api, world, {
      title: 'Onthaal donderdag',
      startsAt: brussels('2026-09-10', '09:00'),
      endsAt: brussels('2026-09-10', '10:00'),
    });
    earlierAssignmentId = (await admin(ASSIGN, { s: earlier.id, v: amira.id })).assignVolunteer.id;
    page = await signedInStaffPage(web);
  });
  afterAll(() => web?.close());
  afterEach(() => expect(web.pageErrors).toEqual([]));

  const profileRow = async (userId: string) =>
    (
      await web.api.dataSource.query<{ phone: string | null; screening_status: string; screening_date: string | null }[]>(
        `SELECT phone, screening_status, to_char(screening_date, 'YYYY-MM-DD') AS screening_date FROM volunteer_profile WHERE user_id = $1`,
        [userId],
      )
    )[0];
  const assignmentStatuses = async (volunteerId: string) =>
    (
      await web.api.dataSource.query<{ title: string; status: string }[]>(
        `SELECT s.title, a.status FROM shift_assignment a JOIN shift s ON s.id = a.shift_id WHERE a.volunteer_id = $1 ORDER BY a.created_at`,
        [volunteerId],
      )
    ).map((row) => `${row.title}: ${row.status}`);

  it('lists the volunteers with their languages, screening, no-shows and absences; filters; sets the no-show threshold', async () => {
    await page.goto('/staff/volunteers');
    await page.getByRole('heading', { name: 'Vrijwilligers', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /Alle vrijwilligers/ });
    await table.getByRole('link', { name: 'Amira Haddad' }).waitFor();
    const bramRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Bram Claes' }) });
    await bramRow.getByText('Afwezig tot 14 sep 2026').waitFor();
    await bramRow.getByText('Frans').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);

    await page.getByLabel('Taal', { exact: true }).selectOption('ar');
    await table.getByRole('link', { name: 'Bram Claes' }).waitFor({ state: 'detached' });
    expect(await table.getByRole('link', { name: 'Amira Haddad' }).isVisible()).toBe(true);
    await page.getByLabel('Taal', { exact: true }).selectOption('');
    await page.getByLabel('Screening', { exact: true }).selectOption('RECEIVED');
    await table.getByRole('link', { name: 'Amira Haddad' }).waitFor({ state: 'detached' });
    await page.getByLabel('Screening', { exact: true }).selectOption('');
    await page.getByRole('searchbox', { name: 'Zoek op naam of e-mail' }).fill('bram');
    await table.getByRole('link', { name: 'Amira Haddad' }).waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Zoek op naam of e-mail' }).fill('');

    // The threshold: 0 is refused in the browser, nothing is stored; 2 is saved.
    const threshold = page.getByRole('textbox', { name: 'Keer na elkaar niet gekomen' });
    const before = await tableSnapshot(web.api.dataSource, ['app_setting']);
    await threshold.fill('0');
    await threshold.press('Tab');
    await page.getByRole('region', { name: 'Wanneer krijgt iemand een vlag?' }).getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Vul minstens 1 in.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['app_setting'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    await threshold.fill('2');
    await threshold.press('Tab');
    await page.getByRole('region', { name: 'Wanneer krijgt iemand een vlag?' }).getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De grens is opgeslagen.').waitFor();
    const settings = dataOf(await web.api.gql('{ registrationSettings { noShowFlagThreshold } }', {}, world.tokens.coordinator));
    expect(settings.registrationSettings.noShowFlagThreshold).toBe(2);
  });

  it('edits a profile: bad input and a refused screening date change nothing and show at the field; adds and removes an absence', async () => {
    await page.goto('/staff/volunteers');
    await page.getByRole('link', { name: 'Amira Haddad' }).click();
    await page.getByRole('heading', { name: 'Amira Haddad', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const tables = ['volunteer_profile', 'volunteer_absence'];
    const profile = page.getByRole('form', { name: 'Profiel' });
    const save = profile.getByRole('button', { name: 'Opslaan' });

    const before = await tableSnapshot(web.api.dataSource, tables);
    await profile.getByLabel('Telefoon').fill('bel me maar');
    await save.click();
    await profile.locator('.field').filter({ hasText: 'Telefoon' }).getByText('Vul een geldig telefoonnummer in, zoals 0470 12 34 56.').waitFor();
    expect(await profile.getByLabel('Telefoon').getAttribute('aria-invalid')).toBe('true');
    expect(await tableSnapshot(web.api.dataSource, tables)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    // The browser lets a date ahead through; the API refuses it at the screening date, and what was typed stays.
    await profile.getByLabel('Telefoon').fill('0470 12 34 56');
    await choose(page, profile, /Screening/, 'Ontvangen');
    await typeDate(profile, page, 'Datum van de screening', '2026-12-01');
    await save.click();
    const dateField = profile.locator('.field').filter({ hasText: 'Datum van de screening' });
    await dateField.getByText('Dit klopt niet. Kijk het na.').waitFor();
    expect(await profile.getByLabel('Telefoon').inputValue()).toBe('0470 12 34 56');
    expect(await tableSnapshot(web.api.dataSource, tables)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await typeDate(profile, page, 'Datum van de screening', '2026-09-01');
    await profile.getByText('Koken', { exact: true }).click();
    await save.click();
    await profile.getByText('Opgeslagen.').waitFor();
    expect(await profileRow(amira.id)).toEqual({ phone: '+32470123456', screening_status: 'RECEIVED', screening_date: '2026-09-01' });

    // An absence: the end before the start is refused in the browser; a good one is listed, then removed.
    const absences = page.getByRole('region', { name: 'Afwezig' });
    const beforeAbsence = await tableSnapshot(web.api.dataSource, tables);
    await typeDate(absences, page, 'Van', '2026-10-03');
    await typeDate(absences, page, 'Tot en met', '2026-10-01');
    await absences.getByRole('button', { name: 'Afwezigheid toevoegen' }).click();
    await absences.getByText('Het einde moet na het begin liggen.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, tables)).toEqual(beforeAbsence);
    expect(await axeViolations(page)).toEqual([]);
    await typeDate(absences, page, 'Van', '2026-10-01');
    await typeDate(absences, page, 'Tot en met', '2026-10-03');
    await absences.getByLabel('Reden').fill('Op reis');
    await absences.getByRole('button', { name: 'Afwezigheid toevoegen' }).click();
    await absences.getByText('Van 1 okt 2026 tot 3 okt 2026').waitFor();
    const stored = await web.api.dataSource.query<{ reason: string }[]>(`SELECT reason FROM volunteer_absence WHERE user_id = $1`, [amira.id]);
    expect(stored).toEqual([{ reason: 'Op reis' }]);
    await absences.getByRole('button', { name: 'Afwezigheid van 1 okt 2026 tot 3 okt 2026 verwijderen' }).click();
    await absences.getByText('De afwezigheid is verwijderd.').waitFor();
    await absences.getByText('Geen periodes van afwezigheid.').waitFor();
    expect(await web.api.dataSource.query(`SELECT id FROM volunteer_absence WHERE user_id = $1`, [amira.id])).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);
  });

  it("plans a session's shifts in the grid: creates shifts, assigns by keyboard, refuses an absent volunteer, unassigns, cancels, records a no-show", async () => {
    await page.goto('/staff/volunteers/planning');
    await page.getByRole('heading', { name: 'Shiften plannen', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Sessie', { exact: true }).selectOption(sessionId);
    await page.getByRole('form', { name: 'Kies een sessie' }).getByRole('button', { name: 'Plannen' }).click();
    await page.getByRole('heading', { name: 'Shiften voor Praattafel Zaterdag', level: 1 }).waitFor();
    await page.getByText('Nog geen shiften. Maak er een.').waitFor();

    // A new shift: without a task the browser refuses, nothing is stored.
    await page.getByRole('button', { name: 'Nieuwe shift' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe shift' });
    const before = await tableSnapshot(web.api.dataSource, ['shift', 'shift_assignment']);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Maak een keuze.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['shift', 'shift_assignment'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    await choose(page, dialog, /Taak/, 'Onthaal');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = page.locator('.plan-card').filter({ has: page.getByRole('heading', { name: 'Praattafel Zaterdag · Onthaal' }) });
    await card.getByText('0 van 1 plaatsen bezet').waitFor();

    // The suggestions say why; Bram (away) is not among them, and assigning him anyway is refused with the reason.
    await card.getByRole('button', { name: 'Amira Haddad inplannen voor Praattafel Zaterdag' }).waitFor();
    await card.getByText(/kan dit, .*is meestal vrij dan/).waitFor();
    expect(await card.getByRole('button', { name: 'Bram Claes inplannen voor Praattafel Zaterdag' }).count()).toBe(0);
    const beforeRefusal = await tableSnapshot(web.api.dataSource, ['shift', 'shift_assignment']);
    await card.getByLabel('Andere vrijwilliger voor Praattafel Zaterdag').selectOption({ label: 'Bram Claes' });
    await card.getByRole('button', { name: 'Inplannen', exact: true }).click();
    await card.getByText('Deze vrijwilliger is niet vrij op dat moment: afwezig of al op een andere shift.').waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['shift', 'shift_assignment'])).toEqual(beforeRefusal);
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard only: Tab to the suggestion's button, Enter assigns.
    await page.getByRole('heading', { name: 'Shiften voor Praattafel Zaterdag', level: 1 }).click();
    await tabTo(page, 'Amira Haddad inplannen voor Praattafel Zaterdag');
    await page.keyboard.press('Enter');
    await card.getByRole('button', { name: 'Amira Haddad uitplannen voor Praattafel Zaterdag' }).waitFor();
    await card.getByText('1 van 1 plaatsen bezet').waitFor();
    expect(await assignmentStatuses(amira.id)).toEqual(['Onthaal donderdag: ASSIGNED', 'Praattafel Zaterdag: ASSIGNED']);
    expect(await axeViolations(page)).toEqual([]);

    // Unassign opens the place again; assign again.
    await card.getByRole('button', { name: 'Amira Haddad uitplannen voor Praattafel Zaterdag' }).click();
    await card.getByText('0 van 1 plaatsen bezet').waitFor();
    expect(await assignmentStatuses(amira.id)).toEqual(['Onthaal donderdag: ASSIGNED', 'Praattafel Zaterdag: DROPPED']);
    await card.getByRole('button', { name: 'Amira Haddad inplannen voor Praattafel Zaterdag' }).click();
    await card.getByText('1 van 1 plaatsen bezet').waitFor();

    // A second shift, then cancelled after the confirmation.
    await page.getByRole('button', { name: 'Nieuwe shift' }).click();
    await choose(page, dialog, /Taak/, 'Opbouw');
    await dialog.getByLabel('Naam van de shift').fill('Stoelen zetten');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Shift Stoelen zetten annuleren?' }).click();
    const confirm = page.getByRole('dialog', { name: 'Shift Stoelen zetten annuleren?' });
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Ja, annuleren' }).click();
    await confirm.waitFor({ state: 'detached' });
    const cancelled = page.locator('.plan-card').filter({ has: page.getByRole('heading', { name: 'Stoelen zetten · Opbouw' }) });
    // A cancelled shift leaves the plan (the shifts query lists open ones).
    await cancelled.waitFor({ state: 'detached' });
    expect(await web.api.dataSource.query(`SELECT status FROM shift WHERE title = 'Stoelen zetten'`)).toEqual([{ status: 'CANCELLED' }]);
    expect(await pageScrollsSideways(page)).toBe(false);

    // After the start: the earlier shift was a no-show (over the API), this one too (in the grid): the flag goes up at 2.
    web.api.clock.set(DURING_SESSION);
    dataOf(await web.api.gql(MARK, { a: earlierAssignmentId, x: false }, world.tokens.coordinator));
    await page.clock.setFixedTime(DURING_SESSION);
    await page.reload();
    await card.getByRole('button', { name: 'Amira Haddad is niet gekomen bij Praattafel Zaterdag' }).click();
    await card.getByText('Amira Haddad — Niet gekomen').waitFor();
    expect(await assignmentStatuses(amira.id)).toEqual(['Onthaal donderdag: NO_SHOW', 'Praattafel Zaterdag: DROPPED', 'Praattafel Zaterdag: NO_SHOW']);
    expect(await axeViolations(page)).toEqual([]);

    // The volunteer's page: the flag and the history.
    await page.goto(`/staff/volunteers/${amira.id}`);
    await page.getByText('2 keer na elkaar niet gekomen. Bel deze vrijwilliger voor de volgende shift.').waitFor();
    const history = page.getByRole('table', { name: /Shiften van deze vrijwilliger/ });
    expect(await history.getByRole('cell', { name: 'Niet gekomen' }).count()).toBe(2);
    await history.getByRole('cell', { name: 'Praattafel Zaterdag' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/staff/volunteers');
    await page.getByText('2 keer niet gekomen: bel eerst').waitFor();
  });

  it('makes the same shift for every coming session of a series at once', async () => {
    const series = dataOf(
      await web.api.gql(
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
        world.tokens.coordinator,
      ),
    ).createSessionSeries as { id: string; sessions: { id: string }[] };
    await page.goto(`/staff/volunteers/planning/session/${series.sessions[0].id}`);
    await page.getByRole('heading', { name: 'Shiften voor Praattafel op donderdag', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nieuwe shift' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe shift' });
    await choose(page, dialog, /Taak/, 'Kinderopvang');
    await dialog.getByText('Voor elke komende sessie van de reeks').click();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Praattafel op donderdag · Kinderopvang' }).waitFor();
    const stored = await web.api.dataSource.query<{ session_id: string; role: string }[]>(`SELECT session_id, role FROM shift WHERE series_id = $1`, [
      series.id,
    ]);
    expect(stored.map((row) => row.session_id).sort()).toEqual(series.sessions.map((session) => session.id).sort());
    expect(new Set(stored.map((row) => row.role))).toEqual(new Set(['CHILDCARE']));
  });

  it('plans a shift on a festival day: times typed, in Brussels time', async () => {
    const edition = dataOf(
      await web.api.gql(
        'mutation($i: CreateFestivalEditionInput!) { createFestivalEdition(input: $i) { id } }',
        { i: { name: 'Sinksenfeesten 2027', startsOn: '2027-05-14', endsOn: '2027-05-17' } },
        world.tokens.coordinator,
      ),
    ).createFestivalEdition.id as string;
    await page.goto('/staff/volunteers/planning');
    const festival = page.getByRole('form', { name: 'Of kies een festivaldag' });
    await festival.getByLabel('Festival').selectOption(edition);
    await festival.getByLabel('Dag').selectOption('2027-05-15');
    await festival.getByRole('button', { name: 'Plannen' }).click();
    await page.getByRole('heading', { name: /^Shiften op .*15 mei 2027 \(Sinksenfeesten 2027\)$/, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nieuwe shift' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe shift' });
    const before = await tableSnapshot(web.api.dataSource, ['shift']);
    await choose(page, dialog, /Taak/, 'Onthaal');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    expect(await dialog.getByText('Vul dit in.').count()).toBeGreaterThan(0);
    await dialog.getByText('Kies een geldig uur.').first().waitFor();
    expect(await tableSnapshot(web.api.dataSource, ['shift'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Naam van de shift').fill('Infostand');
    await typeTime(dialog, page, 'Begin', '14:00');
    await typeTime(dialog, page, 'Einde', '17:00');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Infostand · Onthaal' }).waitFor();
    const [stored] = await web.api.dataSource.query<{ starts_at: Date; ends_at: Date; edition_id: string }[]>(
      `SELECT starts_at, ends_at, edition_id FROM shift WHERE title = 'Infostand'`,
    );
    expect([stored.starts_at.toISOString(), stored.ends_at.toISOString(), stored.edition_id]).toEqual([
      '2027-05-15T12:00:00.000Z',
      '2027-05-15T15:00:00.000Z',
      edition,
    ]);
  });

  it('the volunteer stops their calendar feed on their own page: the old link then answers 404', async () => {
    const path = dataOf(await web.api.gql('mutation($v: ID!) { issueCalendarFeed(volunteerId: $v) }', { v: world.userIds.volunteer }, world.tokens.volunteer))
      .issueCalendarFeed as string;
    expect((await fetch(`${web.api.baseUrl}${path}`)).status).toBe(200);
    const own = await web.newPage();
    await own.goto(`/login?next=${encodeURIComponent('/volunteer')}`);
    await signIn(own, 'volunteer@test.oefenkansen.be');
    await own.getByRole('button', { name: 'Stop mijn agenda-link' }).click();
    await own.getByText('Je agenda-link werkt niet meer. Je agenda krijgt je shifts niet meer.').waitFor();
    await own.getByRole('button', { name: 'Maak mijn agenda-link' }).waitFor();
    expect(await axeViolations(own)).toEqual([]);
    expect((await fetch(`${web.api.baseUrl}${path}`)).status).toBe(404);
  });
});
