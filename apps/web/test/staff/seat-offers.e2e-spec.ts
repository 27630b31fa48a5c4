import type { Locator, Page } from 'playwright-core';
import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, type World } from '../../../api/test/fixtures';
import { dataOf, tableSnapshot } from '../../../api/test/test-api';
import { signIn, type WebTest } from '../browser';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

/** 9 hours before the session below: a freed seat is offered, held 3 hours (until 13:00 in Brussels). */
const NOW = new Date('2026-09-09T08:00:00Z');
const field = (dialog: Locator, name: string) => dialog.getByRole('textbox', { name, exact: true });

/** Seat offers on the screens: the programme's two settings (bad input refused in place), an offered seat in the staff list and on the host's phone. */
describe('seat offers in the back office and on the host page', () => {
  let web: WebTest;
  let world: World;
  let page: Page;
  let sessionId: string;

  beforeAll(async () => {
    web = await startStaffWebTest(NOW);
    // The browser's clock stands at NOW; the API's is set there too, so the seat is freed 9 hours before the start.
    web.api.clock.set(NOW);
    world = await createWorld(web.api);
    const coordinator = world.tokens.coordinator;
    const input = {
      programmeId: world.praattafelId,
      venueId: world.centreVenueId,
      title: 'Praattafel met een vrije plaats',
      startsAt: '2026-09-09T19:00:00+02:00',
      endsAt: '2026-09-09T20:30:00+02:00',
      capacity: 1,
      hostIds: [world.userIds.host],
    };
    sessionId = dataOf(await web.api.gql<{ createSession: { id: string } }>(CREATE_SESSION, { i: input }, coordinator)).createSession.id;
    const ids: string[] = [];
    for (const [firstName, lastName] of [
      ['Samira', 'Haddad'],
      ['Aziz', 'Rahimi'],
    ]) {
      const participant = { firstName, lastName, preferredLanguage: 'prs', contactChannel: 'NONE', consentToContact: false };
      ids.push(
        dataOf(await web.api.gql<{ registerParticipant: { id: string } }>(REGISTER_PARTICIPANT, { i: { sessionId, participant } }, coordinator))
          .registerParticipant.id,
      );
    }
    dataOf(await web.api.gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: ids[0] }, coordinator));
    page = await signedInStaffPage(web);
  });
  afterAll(() => web?.close());
  afterEach(() => expect(web.pageErrors).toEqual([]));

  it('the programme editor keeps the offer window and the time to answer in hours, refusing bad values next to the field', async () => {
    await page.goto(`/staff/programmes/${world.praattafelId}`);
    await page.getByRole('heading', { name: 'Praattafel', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Wijzigen' }).click();
    const dialog = page.getByRole('dialog');
    const window = field(dialog, 'Plaats aanbieden (uren vooraf)');
    const hold = field(dialog, 'Bedenktijd (uren)');
    expect(await window.inputValue()).toBe('24');
    expect(await hold.inputValue()).toBe('3');
    expect(await axeViolations(page)).toEqual([]);

    const before = await tableSnapshot(web.api.dataSource, ['programme']);
    await window.fill('400');
    await hold.fill('0');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul hoogstens 336 in.').waitFor();
    await dialog.getByText('Vul minstens 1 in.').waitFor();
    expect(await window.getAttribute('aria-invalid')).toBe('true');
    expect(await hold.getAttribute('aria-invalid')).toBe('true');
    expect(await tableSnapshot(web.api.dataSource, ['programme'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await window.fill('12');
    await hold.fill('2');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const [saved] = await web.api.dataSource.query(`SELECT seat_offer_window_minutes, seat_offer_hold_minutes FROM programme WHERE id = $1`, [
      world.praattafelId,
    ]);
    expect(saved).toEqual({ seat_offer_window_minutes: 720, seat_offer_hold_minutes: 120 });
  });

  it('the staff list shows an offered seat with the time it is kept until', async () => {
    await page.goto(`/staff/sessions/${sessionId}`);
    await page.getByRole('heading', { name: 'Praattafel met een vrije plaats', level: 1 }).waitFor();
    const seated = page.getByRole('table', { name: 'Ingeschreven' });
    await seated
      .getByRole('row', { name: /Aziz Rahimi/ })
      .getByText('Plaats aangeboden, tot 13:00')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the host sees the offered person among who comes, with the time they can answer until', async () => {
    const host = await web.newPage();
    await host.goto(`/login?next=${encodeURIComponent(`/host/sessions/${sessionId}`)}`);
    await signIn(host, 'host@test.oefenkansen.be');
    await host.getByRole('heading', { level: 1, name: 'Praattafel met een vrije plaats' }).waitFor();
    const offered = host.locator('.attendee', { hasText: 'Aziz Rahimi' });
    await offered.getByText('Plaats aangeboden. Antwoordt tot 13:00.').waitFor();
    expect(await axeViolations(host)).toEqual([]);
  });
});
