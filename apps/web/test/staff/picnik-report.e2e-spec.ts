import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { UsersService } from '@app/auth';
import { Actor, Role } from '@app/common';
import { OrganisationKind } from '@app/organisations';
import { ContactChannel, RegistrationsService } from '@app/registrations';
import { OrganisationsService, ProgrammeKind, ProgrammesService, SessionsService, VenuesService } from '@app/scheduling';
import { ScreeningStatus, VolunteersService } from '@app/volunteers';
import { CITY, FMDO, seedPicnikHistory } from '../../../../scripts/demo-seed/picnik-history';
import { dataOf, TEST_ADMIN, tableSnapshot } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const REPORT = `query($from: Date!, $to: Date!) { trajectoryReport(from: $from, to: $to) { total byKind { key count } byReferralChannel { key count } byStatus { key count } byOutcome { key count } } }`;
const REPORT_CSV = `query($from: Date!, $to: Date!) { trajectoryReportCsv(from: $from, to: $to) }`;
const MONTHS = `query($from: Date!, $to: Date!, $p: ID!) { programmeReport(from: $from, to: $to, programmeId: $p) { month attended noShows sessionsHeld confirmed } }`;
const PICNIK_PERIOD = { from: '2022-01-01', to: '2023-09-30' };

interface CountRow {
  key: string;
  count: number;
}

/** The figures a report table shows: its rows' keys and counts. */
const tableCounts = (page: Page, id: string) =>
  page
    .locator(`#${id}-table tbody tr`)
    .evaluateAll((rows) => rows.map((row) => ({ key: row.getAttribute('data-key'), count: Number(row.querySelector('td')!.getAttribute('data-count')) })));
const chartBars = (page: Page, id: string) =>
  page
    .locator(`#${id}-chart .bar-chart__bar`)
    .evaluateAll((bars) => bars.map((bar) => [bar.getAttribute('data-label'), Number(bar.getAttribute('data-value'))]));
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** The Picnik report (the seed's 82 trajectories of 2022–2023) and the monthly meetings, in the browser in production mode. */
describe('back office: the Picnik report and the monthly meetings', () => {
  let web: WebTest;
  let token: string;
  let programmeId: string;
  const sessions: Record<'august' | 'september' | 'october', string> = { august: '', september: '', october: '' };

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    const { app, clock, dataSource } = web.api;
    const [adminRow] = await dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE email = $1`, [TEST_ADMIN.email]);
    const admin: Actor = { userId: adminRow.id, roles: [Role.ADMIN], organisationId: null };

    // What the seed's history needs from the rest of the demo: its host organisations and four buddies.
    const organisations = app.get(OrganisationsService);
    await organisations.createOrganisation(admin, { name: CITY, kind: OrganisationKind.CITY });
    const fmdo = await organisations.createOrganisation(admin, { name: FMDO, kind: OrganisationKind.PARTNER });
    await organisations.createOrganisation(admin, { name: 'Vereniging Afghaanse Gemeenschap Kortrijk', kind: OrganisationKind.ASSOCIATION });
    const volunteerIds: Record<string, string> = {};
    for (const slug of ['marie', 'ahmad', 'zahra', 'ayaan']) {
      const user = await app.get(UsersService).createUser(admin, {
        email: `volunteer-${slug}@test.oefenkansen.be`,
        password: 'volunteer-password-2026',
        displayName: slug,
        roles: [Role.VOLUNTEER],
      });
      volunteerIds[slug] = user.id;
      // A buddy has their certificate of good conduct (the API refuses others).
      await app.get(VolunteersService).saveProfile(admin, user.id, { screeningStatus: ScreeningStatus.RECEIVED, screeningDate: '2026-01-15' });
    }
    await seedPicnikHistory(app, { coordinator: admin, volunteerIds, nextMeetingId: '', now: BROWSER_NOW });

    // The monthly meeting: August (two came, one did not), September (not marked yet), October ahead.
    const programme = await app
      .get(ProgrammesService)
      .createProgramme(admin, { name: 'Picnik maandelijkse ontmoeting', kind: ProgrammeKind.TRAJECTORY, defaultCapacity: 30 });
    programmeId = programme.id;
    const venue = await app
      .get(VenuesService)
      .createVenue(admin, { organisationId: fmdo.id, name: 'Ontmoetingsruimte FMDO', address: 'Doorniksewijk 24, 8500 Kortrijk' });
    clock.set(new Date('2026-07-31T10:00:00Z'));
    const meeting = (startsAt: string) =>
      app.get(SessionsService).createSession(admin, {
        programmeId,
        venueId: venue.id,
        title: 'Picnik maandelijkse ontmoeting',
        startsAt: new Date(startsAt),
        endsAt: new Date(new Date(startsAt).getTime() + 2 * 3600_000),
      });
    sessions.august = (await meeting('2026-08-06T17:00:00Z')).id;
    sessions.september = (await meeting('2026-09-03T17:00:00Z')).id;
    sessions.october = (await meeting('2026-10-01T17:00:00Z')).id;
    const registrations = app.get(RegistrationsService);
    const register = (sessionId: string, firstName: string, lastName: string, preferredLanguage: string) =>
      registrations.registerParticipant(admin, {
        sessionId,
        participant: { firstName, lastName, preferredLanguage, contactChannel: ContactChannel.NONE, consentToContact: false },
      });
    const samira = await register(sessions.august, 'Samira', 'El Amrani', 'ar');
    const jawad = await register(sessions.august, 'Jawad', 'Rahimi', 'prs');
    const nadia = await register(sessions.august, 'Nadia', 'Shevchenko', 'uk');
    await register(sessions.september, 'Abdirahman', 'Warsame', 'so');
    await register(sessions.october, 'Elif', 'Yılmaz', 'tr');
    clock.set(BROWSER_NOW);
    await registrations.markAttendance(admin, samira.id, true);
    await registrations.markAttendance(admin, jawad.id, true);
    await registrations.markAttendance(admin, nadia.id, false);
    token = await web.api.login(TEST_ADMIN.email, TEST_ADMIN.password);
  }, 120_000);
  afterAll(() => web?.close());

  it("shows the seed's 82 = 51/14/16/1 for Picnik 2022–2023 exactly as the API counts them, as charts and tables, and downloads the API's CSV", async () => {
    const page = await signedInStaffPage(web);
    await page.goto('/staff/picnik/report');
    await page.getByRole('heading', { level: 1, name: 'Picnik-rapport' }).waitFor();
    // By default the current year: nothing started in 2026 here.
    await page.getByText('Geen trajecten in deze periode').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Picnik 2022–2023' }).click();
    await page.getByText('82 trajecten in deze periode').waitFor();
    const report = dataOf(
      await web.api.gql<{
        trajectoryReport: { total: number; byKind: CountRow[]; byReferralChannel: CountRow[]; byStatus: CountRow[]; byOutcome: CountRow[] };
      }>(REPORT, PICNIK_PERIOD, token),
    ).trajectoryReport;
    expect(report.total).toBe(82);
    expect(report.byKind).toEqual([
      { key: 'BUDDY', count: 51 },
      { key: 'VOLUNTEERING', count: 14 },
      { key: 'ASSOCIATION', count: 16 },
      { key: 'INTERNSHIP', count: 1 },
    ]);
    // Where the closed ones went on: the seed's history closes 79, each with an outcome.
    expect(report.byOutcome.reduce((sum, row) => sum + row.count, 0)).toBe(report.byStatus.find((row) => row.key === 'CLOSED')?.count);
    expect(report.byOutcome.find((row) => row.key === 'CONTINUES_AT_REFU_INTERIM')?.count).toBeGreaterThan(0);
    expect(Number(await page.locator('#report-total').getAttribute('data-total'))).toBe(report.total);
    // Every number on the page is the API's: the tables list every category, the charts those that happened.
    const dimensions = [
      ['by-kind', report.byKind, { BUDDY: 'Buddy', VOLUNTEERING: 'Vrijwilligerswerk', ASSOCIATION: 'Vereniging', INTERNSHIP: 'Stage' }],
      ['by-referral', report.byReferralChannel, null],
      ['by-status', report.byStatus, null],
      ['by-outcome', report.byOutcome, null],
    ] as const;
    for (const [id, counts, labels] of dimensions) {
      expect(await tableCounts(page, id)).toEqual(counts);
      const bars = await chartBars(page, id);
      expect(bars.map(([, value]) => value)).toEqual(counts.filter((row) => row.count > 0).map((row) => row.count));
      if (labels) expect(bars).toEqual(counts.map((row) => [labels[row.key as keyof typeof labels], row.count]));
    }
    expect(await page.locator('#by-referral-table tbody tr[data-key="INTEGRATION_AGENCY"] th').innerText()).toBe('Agentschap Integratie en Inburgering (AgII)');
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await web.screenshot(page, 'staff-picnik-report');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download als CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('picnik-trajecten-2022-01-01-2023-09-30.csv');
    const csv = dataOf(await web.api.gql<{ trajectoryReportCsv: string }>(REPORT_CSV, PICNIK_PERIOD, token)).trajectoryReportCsv;
    expect(readFileSync((await download.path())!, 'utf8')).toBe(csv);
    expect(csv).toContain('total;ALL;82');
    await page.getByText('Het bestand picnik-trajecten-2022-01-01-2023-09-30.csv staat in je downloads.').waitFor();
    expect(web.pageErrors).toEqual([]);
  });

  it('refuses a period that ends before it starts next to the end date, keeping the figures and changing nothing', async () => {
    const page = await signedInStaffPage(web);
    await page.goto('/staff/picnik/report');
    await page.getByRole('button', { name: 'Picnik 2022–2023' }).click();
    await page.getByText('82 trajecten in deze periode').waitFor();
    const before = await tableSnapshot(web.api.dataSource, ['trajectory', 'trajectory_status_change']);
    // The year of "Van" becomes 2024, after "Tot en met" (30 September 2023); by keyboard, as React Aria's segments take it.
    const from = page.getByRole('group', { name: 'Van' });
    await from.getByRole('spinbutton', { name: /jaar/i }).focus();
    await page.keyboard.type('2024');
    await page.getByRole('button', { name: 'Toon' }).click();
    // The message sits in the end date's field.
    const toField = page.locator('.field', { has: page.getByRole('group', { name: 'Tot en met' }) });
    await toField.getByText('Het einde moet na het begin liggen.').waitFor();
    expect(
      await page
        .locator('.field', { has: page.getByRole('group', { name: 'Van' }) })
        .getByText('Het einde moet')
        .count(),
    ).toBe(0);
    await page.getByText('82 trajecten in deze periode').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await tableSnapshot(web.api.dataSource, ['trajectory', 'trajectory_status_change'])).toEqual(before);
    expect(web.pageErrors).toEqual([]);
  });

  it("shows the meetings: the next one, who came to the past ones with a link to mark attendance, and the months' attendance as the API reports it", async () => {
    const page = await signedInStaffPage(web);
    await page.goto('/staff/picnik/meetings');
    await page.getByRole('heading', { level: 1, name: 'Maandelijkse ontmoeting' }).waitFor();
    const next = page.getByRole('region', { name: 'Volgende ontmoeting' });
    await next.getByText('1 persoon ingeschreven').waitFor();
    await next.getByText('Elif Yılmaz').waitFor();

    const august = page.locator(`[data-session-id="${sessions.august}"]`);
    await august.getByText('2 aanwezig, 1 niet gekomen, 0 nog niet aangeduid').waitFor();
    expect(await august.getByRole('list', { name: 'Aanwezig' }).getByRole('listitem').allInnerTexts()).toEqual(['Samira El Amrani', 'Jawad Rahimi']);
    expect(await august.getByRole('list', { name: 'Niet gekomen' }).getByRole('listitem').allInnerTexts()).toEqual(['Nadia Shevchenko']);
    const september = page.locator(`[data-session-id="${sessions.september}"]`);
    await september.getByText('0 aanwezig, 0 niet gekomen, 1 nog niet aangeduid').waitFor();
    // Newest first.
    expect(await page.locator('[data-session-id]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-session-id')))).toEqual([
      sessions.october,
      sessions.september,
      sessions.august,
    ]);

    const months = dataOf(
      await web.api.gql<{ programmeReport: { month: string; attended: number }[] }>(MONTHS, { from: '2025-10-01', to: '2026-09-09', p: programmeId }, token),
    ).programmeReport;
    expect(months.map((row) => [row.month, row.attended])).toEqual([
      ['2026-08', 2],
      ['2026-09', 0],
    ]);
    const shownMonths = await page
      .locator('#months-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-month'), Number(row.querySelector('[data-attended]')!.getAttribute('data-attended'))]));
    expect(shownMonths).toEqual(months.map((row) => [row.month, row.attended]));
    expect(await chartBars(page, 'months')).toEqual([
      ['augustus 2026', 2],
      ['september 2026', 0],
    ]);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await web.screenshot(page, 'staff-picnik-meetings');

    // Marking happens on the session's own page.
    await august.getByRole('link', { name: /^Aanwezigheid aanduiden \(/ }).click();
    await page.waitForURL((url) => url.pathname === `/staff/sessions/${sessions.august}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(web.pageErrors).toEqual([]);
  });
});
