import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CREATE_SERIES, CREATE_SESSION, createWorld, type World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { signIn, startWebTest, type WebTest } from './browser';
import { runAxe, unlabelledFields } from './page-checks';
import { BROWSER_NOW } from './public-fixtures';

const REGISTER = 'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status } }';
const MARK = 'mutation($id: ID!, $a: Boolean!) { markAttendance(registrationId: $id, attended: $a) { status } }';
const PROGRAMME_REPORT = 'query($f: Date!, $t: Date!) { programmeReport(from: $f, to: $t) { programmeName month attended sessionsHeld } }';
const PROGRAMME_REPORT_CSV = 'query($f: Date!, $t: Date!) { programmeReportCsv(from: $f, to: $t) }';
/** The reports page opens on the last six months up to the browser's "now" (September 2026). */
const DEFAULT_PERIOD = { f: '2026-04-01', t: '2026-09-30' };
const FAILURE = 'SMS gateway: 503 Service Unavailable';

/** A coordinator in the browser: capacity at a glance, a failed message, the report chart and its CSV, a series with its holidays. */
describe('coordinator pages', () => {
  let web: WebTest;
  let world: World;
  let fullSessionId: string;
  let seriesId: string;

  beforeAll(async () => {
    web = await startWebTest({ now: BROWSER_NOW });
    world = await createWorld(web.api);
    const coordinator = world.tokens.coordinator;
    const session = async (programmeId: string, venueId: string, title: string, startsAt: string, endsAt: string, capacity: number) =>
      dataOf(
        await web.api.gql<{ createSession: { id: string } }>(CREATE_SESSION, { i: { programmeId, venueId, title, startsAt, endsAt, capacity } }, coordinator),
      ).createSession.id;
    const register = async (sessionId: string, firstName: string) =>
      dataOf(
        await web.api.gql<{ registerParticipant: { id: string; status: string } }>(
          REGISTER,
          { i: { sessionId, participant: { firstName, preferredLanguage: 'ar', contactChannel: 'SMS', phone: '+32470000001', consentToContact: true } } },
          coordinator,
        ),
      ).registerParticipant;

    // Last week (seen from the browser's Wednesday 9 September): attendance for the report.
    const praattafel = await session(
      world.praattafelId,
      world.centreVenueId,
      'Praattafel Overleie',
      '2026-09-02T19:00:00+02:00',
      '2026-09-02T20:30:00+02:00',
      5,
    );
    const schoolbabbel = await session(
      world.schoolbabbelId,
      world.schoolVenueId,
      'Schoolbabbel De Vlieger',
      '2026-09-03T08:45:00+02:00',
      '2026-09-03T10:15:00+02:00',
      5,
    );
    const [amina, oksana, aziz] = [await register(praattafel, 'Amina'), await register(praattafel, 'Oksana'), await register(praattafel, 'Aziz')];
    const fatima = await register(schoolbabbel, 'Fatima');
    // Tomorrow: one seat, taken, and two people waiting.
    fullSessionId = await session(
      world.schoolbabbelId,
      world.schoolVenueId,
      'Schoolbabbel De Vlieger',
      '2026-09-10T08:45:00+02:00',
      '2026-09-10T10:15:00+02:00',
      1,
    );
    for (const firstName of ['Mohamed', 'Yusuf', 'Leila']) await register(fullSessionId, firstName);
    // A weekly table that skips the school holidays (the autumn holiday of 2026 is 2-8 November).
    seriesId = dataOf(
      await web.api.gql<{ createSessionSeries: { id: string } }>(
        CREATE_SERIES,
        {
          i: {
            programmeId: world.schoolbabbelId,
            venueId: world.schoolVenueId,
            title: 'Schoolbabbel op dinsdag',
            durationMinutes: 90,
            skipSchoolHolidays: true,
            rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=12',
            firstStartsAt: '2026-09-15T08:45:00+02:00',
          },
        },
        coordinator,
      ),
    ).createSessionSeries.id;

    // The sessions are over by the browser's "now": mark who came.
    web.api.clock.set(BROWSER_NOW);
    for (const [registration, attended] of [
      [amina, true],
      [oksana, true],
      [aziz, false],
      [fatima, true],
    ] as const)
      dataOf(await web.api.gql(MARK, { id: registration.id, a: attended }, coordinator));

    // A message the SMS gateway refused, as the worker leaves it after its last attempt.
    await web.api.dataSource.query(
      `INSERT INTO notification (kind, channel, participant_id, language, session_id, due_at, dedupe_key, status, attempts, last_error)
       SELECT 'SESSION_REMINDER', 'SMS', r.participant_id, 'ar', r.session_id, '2026-09-08T19:00:00+02:00', 'e2e-failed-reminder', 'FAILED', 5, $2
       FROM registration r WHERE r.id = $1`,
      [aziz.id, FAILURE],
    );
  });

  afterAll(async () => {
    await web?.close();
  });

  afterEach(() => {
    expect(web.pageErrors).toEqual([]);
  });

  it('a coordinator sees a full session with its waiting list, a failed message, the report chart, downloads the CSV and sees a series with its holidays', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/coordinator');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await signIn(page, 'coordinator@test.oefenkansen.be');
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();

    // Capacity at a glance: the full session is flagged, with its waiting list, as the API has it.
    const full = page.locator(`#capacity tr[data-session-id="${fullSessionId}"]`);
    await full.waitFor();
    await expect(full.getAttribute('class')).resolves.toBe('is-full');
    await expect(full.locator('.seats-cell').innerText()).resolves.toBe('1 van 1Volzet');
    await expect(full.locator('.waitlist-cell').innerText()).resolves.toBe('2');
    const apiSession = dataOf(
      await web.api.gql<{ session: { availableSeats: number; waitlistCount: number } }>(
        'query($id: ID!) { session(id: $id) { availableSeats waitlistCount } }',
        { id: fullSessionId },
        world.tokens.coordinator,
      ),
    ).session;
    expect(apiSession).toEqual({ availableSeats: 0, waitlistCount: 2 });
    // Only the full one is flagged: the series' Tuesdays 15 and 22 September have room.
    expect(await page.locator('#capacity tbody tr.is-full').count()).toBe(1);
    expect(await page.locator('#capacity tbody tr').count()).toBe(3);

    // The failed message, with why it failed.
    const failed = page.locator('#failed-messages li');
    expect(await failed.count()).toBe(1);
    await expect(failed.locator('.failed-error').innerText()).resolves.toBe(FAILURE);
    await expect(failed.innerText()).resolves.toContain('Aziz');
    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'coordinator-overview');

    // Resending puts it back in the outbox; the list empties.
    await page.getByRole('button', { name: 'SESSION_REMINDER voor Aziz opnieuw versturen' }).click();
    await page.getByText('Alle berichten zijn verstuurd.').waitFor();
    const [row] = await web.api.dataSource.query<{ status: string; attempts: number }[]>(
      `SELECT status, attempts FROM notification WHERE dedupe_key = 'e2e-failed-reminder'`,
    );
    expect(row).toEqual({ status: 'PENDING', attempts: 0 });

    // The report chart: one bar per programme and month, with the API's attendance.
    await page.getByRole('link', { name: 'Rapporten en cijfers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rapporten' }).waitFor();
    const bars = page.locator('#attendance-chart .bar-chart__bar');
    await bars.first().waitFor();
    const shown = await bars.evaluateAll((elements) =>
      elements.map((element) => [element.getAttribute('data-label'), Number(element.getAttribute('data-value'))]),
    );
    const report = dataOf(
      await web.api.gql<{ programmeReport: { programmeName: string; month: string; attended: number }[] }>(
        PROGRAMME_REPORT,
        DEFAULT_PERIOD,
        world.tokens.coordinator,
      ),
    ).programmeReport;
    expect(report.filter((month) => month.attended > 0)).toEqual([
      expect.objectContaining({ programmeName: 'Praattafel', month: '2026-09', attended: 2 }),
      expect.objectContaining({ programmeName: 'Schoolbabbel', month: '2026-09', attended: 1 }),
    ]);
    expect(shown).toEqual(report.map((row) => [`september 2026 · ${row.programmeName}`, row.attended]));
    // Screen readers get the same numbers in the chart's description.
    const description = await page.locator('#attendance-chart').evaluate((svg) =>
      svg
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => document.getElementById(id)!.textContent)
        .join(' '),
    );
    expect(description).toContain('september 2026, Praattafel: 2; september 2026, Schoolbabbel: 1');
    expect(await page.locator('#attendance-table tbody tr').count()).toBe(report.length);
    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'coordinator-reports');

    // The CSV download is the API's CSV byte for byte (BOM and `;` included), under a name that says what and when.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Cijfers per programma' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('oefenkansen-programmes-2026-04-2026-09.csv');
    const file = readFileSync((await download.path())!, 'utf8');
    const csv = dataOf(await web.api.gql<{ programmeReportCsv: string }>(PROGRAMME_REPORT_CSV, DEFAULT_PERIOD, world.tokens.coordinator)).programmeReportCsv;
    expect(file).toBe(csv);
    expect(file.startsWith('\uFEFFprogramme;month;')).toBe(true);
    const rows = parse(file, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.programme, row.month, Number(row.attended)])).toEqual(report.map((row) => [row.programmeName, row.month, row.attended]));

    // A series' page: its dates with the autumn holiday between them.
    await page.goto('/coordinator');
    await page.getByRole('link', { name: 'Reeks van Schoolbabbel op dinsdag' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Schoolbabbel op dinsdag' }).waitFor();
    await page.locator('#series-calendar .calendar__closure').first().waitFor();
    const calendar = await page.locator('#series-calendar li').allInnerTexts();
    // Between the Tuesdays of 27 October and 10 November: only days off, the autumn holiday among them.
    const before = calendar.findIndex((entry) => entry.startsWith('dinsdag 27 oktober'));
    const after = calendar.findIndex((entry) => entry.startsWith('dinsdag 10 november'));
    const between = calendar.slice(before + 1, after);
    expect(between.every((entry) => entry.includes('Vrij: '))).toBe(true);
    expect(between.find((entry) => entry.startsWith('maandag 2 november – zondag 8 november'))).toMatch(/\(Schoolvakantie\)$/);
    // Every session of the series, as the API lists them (COUNT=12 counts the skipped holiday Tuesday too).
    const series = dataOf(
      await web.api.gql<{ sessionSeries: { sessions: { id: string }[] } }>(
        'query($id: ID!) { sessionSeries(id: $id) { sessions { id } } }',
        { id: seriesId },
        world.tokens.coordinator,
      ),
    ).sessionSeries;
    expect(series.sessions).toHaveLength(11);
    expect(await page.locator('#series-calendar .calendar__session').count()).toBe(series.sessions.length);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'coordinator-series');
  });

  it('other roles are told the page is for coordinators', async () => {
    const page = await web.newPage();
    await page.goto('/login?next=%2Fcoordinator%2Freports');
    await signIn(page, 'host@test.oefenkansen.be');
    await page.getByText('Deze pagina is voor de coördinatoren van de stad.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/coordinator/reports');
  });
});
