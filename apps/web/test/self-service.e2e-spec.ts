import { readFileSync } from 'node:fs';
import ical, { type VEvent } from 'node-ical';
import type { Page } from 'playwright-core';
import { CREATE_SESSION, REGISTER_PARTICIPANT } from '../../api/test/fixtures';
import { dataOf, type TestApi } from '../../api/test/test-api';
import { runAxe, unlabelledFields } from './page-checks';
import { withPublicScheduleWeb } from './public-fixtures';
import { brusselsWallClock, personalLinkToken, selfServiceWords, sidewaysOverflow, tabTo } from './self-service-fixtures';

const DARI = selfServiceWords('prs');
const ARABIC = selfServiceWords('ar');
const DUTCH = selfServiceWords('nl');
const ENGLISH = selfServiceWords('en');
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

const status = (api: TestApi, id: string) =>
  api.dataSource.query<{ status: string }[]>(`SELECT status FROM registration WHERE id = $1`, [id]).then(([row]) => row?.status);

async function checkPage(page: Page): Promise<void> {
  expect(await unlabelledFields(page)).toEqual([]);
  expect((await runAxe(page)).violations).toEqual([]);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
}

/** The page a personal link opens: the holder's own session, in their language, with the buttons that apply. */
describe('the personal link page /r/:token', () => {
  const context = withPublicScheduleWeb();

  /** A participant reached by SMS, registered by the admin for a session of the seeded schedule. */
  const register = async (sessionId: string, firstName: string, preferredLanguage: string, phone: string) =>
    dataOf(
      await context.web.api.gql<{ registerParticipant: { id: string; status: string } }>(
        REGISTER_PARTICIPANT,
        { i: { sessionId, participant: { firstName, phone, preferredLanguage, contactChannel: 'SMS', consentToContact: true } } },
        context.seeded.world.tokens.admin,
      ),
    ).registerParticipant;

  it('in Dari: right to left, the session at its Brussels time, a map link, the .ics, and "I am coming" then "I cannot come" by keyboard', async () => {
    const { web, seeded } = context;
    const shabnam = await register(seeded.nextWeekId, 'Shabnam', 'prs', '0470 11 22 33');
    expect(shabnam.status).toBe('CONFIRMED');
    const page = await web.newPage();
    await page.goto(`/r/${personalLinkToken(web.api, shabnam.id)}`);
    await page.getByRole('heading', { level: 1, name: fill(DARI.hello, { name: 'Shabnam' }) }).waitFor();
    await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['prs', 'rtl']);
    await page.getByText(DARI.statusConfirmed).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Schoolbabbel Sint-Jan' }).waitFor();
    // Only the holder's first name: not their phone number, not the other people of the session.
    const shown = await page.locator('main').innerText();
    expect(shown).not.toMatch(/0470|\+32|11 22 33/);
    // The participant's language is shown, not kept as this device's choice.
    await expect(page.evaluate(() => localStorage.getItem('oefenkansen.language'))).resolves.toBeNull();

    const map = page.getByRole('link', { name: DARI.showOnMap });
    await expect(map.getAttribute('href')).resolves.toBe(
      `https://www.openstreetmap.org/search?query=${encodeURIComponent('Refter Sint-Janstraat 1, 8500 Kortrijk')}`,
    );
    await expect(map.getAttribute('rel')).resolves.toContain('noopener');
    await checkPage(page);
    await web.screenshot(page, 'self-service-dari-confirmed');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: DARI.addToCalendar }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('oefenkansen.ics');
    const [event] = Object.values(ical.sync.parseICS(readFileSync((await download.path())!, 'utf8'))).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(event.uid).toBe(seeded.nextWeekId);
    expect(brusselsWallClock(new Date(event.start))).toBe('2026-09-15 08:45');
    expect(brusselsWallClock(new Date(event.end!))).toBe('2026-09-15 10:15');
    expect(event.summary).toBe('Schoolbabbel Sint-Jan');

    // "I am coming", by keyboard: the thanks, in Dari, takes the focus.
    await tabTo(page, DARI.coming);
    await page.keyboard.press('Enter');
    // "Thank you, Shabnam! See you on …": the day and time as the page writes them.
    await page.getByText(fill(DARI.thanksComing.split('{when}')[0], { name: 'Shabnam' }).trim()).waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('status');
    expect(await status(web.api, shabnam.id)).toBe('CONFIRMED');
    // Said once, it is kept: the page says so, and the button that would say it again is gone.
    await page.getByText(DARI.statusComingSaid).waitFor();
    await expect(page.getByRole('button', { name: DARI.coming }).count()).resolves.toBe(0);

    // "I cannot come" asks once more; "No, go back" changes nothing.
    await tabTo(page, DARI.cannotCome);
    await page.keyboard.press('Enter');
    await page.getByText(DARI.cancelQuestion).waitFor();
    await checkPage(page);
    await tabTo(page, DARI.goBack);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(DARI.cannotCome);
    expect(await status(web.api, shabnam.id)).toBe('CONFIRMED');

    await page.keyboard.press('Enter');
    await tabTo(page, DARI.yesCancel);
    await page.keyboard.press('Enter');
    await page.getByText(DARI.cancelledDone).waitFor();
    await page.getByText(DARI.statusCancelled).waitFor();
    expect(await status(web.api, shabnam.id)).toBe('CANCELLED');
    await expect(page.getByRole('button', { name: DARI.coming }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: DARI.toSchedule }).waitFor();
    await checkPage(page);
    await web.screenshot(page, 'self-service-dari-cancelled');
  });

  it('in Arabic, on the waiting list: its number, and "I no longer want a place" after a second step', async () => {
    const { web, seeded } = context;
    // The full Schoolbabbel has Fatima and Mohamed seated, Aziz first in line: Layla is second.
    const layla = await register(seeded.fullSchoolbabbelId, 'Layla', 'ar', '0470 44 55 66');
    expect(layla.status).toBe('WAITLISTED');
    const page = await web.newPage();
    await page.goto(`/r/${personalLinkToken(web.api, layla.id)}`);
    await page.getByRole('heading', { level: 1, name: fill(ARABIC.hello, { name: 'Layla' }) }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await page.getByText(fill(ARABIC.statusWaitlisted, { position: await page.evaluate(() => new Intl.NumberFormat(['ar']).format(2)) })).waitFor();
    await expect(page.getByRole('button', { name: ARABIC.coming }).count()).resolves.toBe(0);
    await checkPage(page);
    await web.screenshot(page, 'self-service-arabic-waiting');

    await tabTo(page, ARABIC.leaveWaitlist);
    await page.keyboard.press('Enter');
    await page.getByText(ARABIC.leaveQuestion).waitFor();
    await page.getByRole('button', { name: ARABIC.yesLeave }).click();
    await page.getByText(ARABIC.leftWaitlist).waitFor();
    expect(await status(web.api, layla.id)).toBe('CANCELLED');
    await checkPage(page);
  });

  it('in Arabic, a seat offered: until when, and "No, give it to someone else" after a second step', async () => {
    const { web, seeded } = context;
    const yusuf = await register(seeded.praattafelId, 'Yusuf', 'ar', '0470 12 12 12');
    // The offers engineer's promotion makes OFFERED seats; here the state is set directly, the page is what is tested.
    await web.api.dataSource.query(`UPDATE registration SET status = 'OFFERED', seat_offer_expires_at = $2 WHERE id = $1`, [yusuf.id, '2026-09-09T15:00:00Z']);
    const page = await web.newPage();
    await page.goto(`/r/${personalLinkToken(web.api, yusuf.id)}`);
    await page.getByRole('heading', { level: 1, name: fill(ARABIC.hello, { name: 'Yusuf' }) }).waitFor();
    const until = await page.evaluate(() =>
      new Intl.DateTimeFormat(['ar'], { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        new Date('2026-09-09T15:00:00Z'),
      ),
    );
    const offer = page.getByText(ARABIC.statusOffered.split('{until}')[0].trim());
    await offer.waitFor();
    await expect(offer.innerText()).resolves.toContain(until);
    await page.getByRole('button', { name: ARABIC.takeSeat }).waitFor();
    await checkPage(page);
    await web.screenshot(page, 'self-service-arabic-offered');

    await tabTo(page, ARABIC.declineSeat);
    await page.keyboard.press('Enter');
    await page.getByText(ARABIC.declineQuestion).waitFor();
    await checkPage(page);
    await page.getByRole('button', { name: ARABIC.yesDecline }).click();
    await page.getByText(ARABIC.declinedDone).waitFor();
    expect(await status(web.api, yusuf.id)).toBe('CANCELLED');
  });

  it("in Dutch left to right; the reader may pick another language; a refusal of the API is said in the reader's words", async () => {
    const { web, seeded } = context;
    const els = await register(seeded.nextWeekId, 'Els', 'nl', '0470 77 88 99');
    const page = await web.newPage({ locale: 'ar' });
    await page.goto(`/r/${personalLinkToken(web.api, els.id)}`);
    // The browser speaks Arabic, the participant chose Dutch: the page is in Dutch.
    await page.getByRole('heading', { level: 1, name: 'Hallo Els!' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('ltr');
    await page.getByText(DUTCH.statusConfirmed).waitFor();
    await checkPage(page);

    await page.getByLabel('Taal van de website').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Hello Els!' }).waitFor();
    await page.getByText(ENGLISH.statusConfirmed).waitFor();

    // The session starts while the page stays open: the API refuses, the page says so in English and changes nothing.
    web.api.clock.set(new Date('2026-09-15T07:00:00Z'));
    try {
      await page.getByRole('button', { name: ENGLISH.coming }).click();
      await page.getByText(ENGLISH.tooLate).waitFor();
      expect(await status(web.api, els.id)).toBe('CONFIRMED');
      await checkPage(page);
    } finally {
      web.api.clock.set(new Date('2026-09-09T08:00:00Z'));
    }
  });

  it('a cancelled session and a session under way: the sentence, no buttons, a way to the schedule', async () => {
    const { web, seeded } = context;
    const admin = seeded.world.tokens.admin;
    const newSession = async (title: string, startsAt: string, endsAt: string) =>
      dataOf(
        await web.api.gql<{ createSession: { id: string } }>(
          CREATE_SESSION,
          { i: { programmeId: seeded.world.praattafelId, venueId: seeded.world.centreVenueId, title, startsAt, endsAt, capacity: 8 } },
          admin,
        ),
      ).createSession.id;
    const cancelledId = await newSession('Praattafel afgelast', '2026-09-17T19:00:00+02:00', '2026-09-17T20:30:00+02:00');
    const nadia = await register(cancelledId, 'Nadia', 'nl', '0470 31 31 31');
    dataOf(
      await web.api.gql('mutation($id: ID!, $r: String) { cancelSession(id: $id, reason: $r) { id } }', { id: cancelledId, r: 'De zaal is dicht' }, admin),
    );
    const page = await web.newPage();
    await page.goto(`/r/${personalLinkToken(web.api, nadia.id)}`);
    await page.getByText(DUTCH.statusSessionCancelled).waitFor();
    await page.getByText('Reden: De zaal is dicht').waitFor();
    await expect(page.locator('main button').count()).resolves.toBe(0);
    await page.getByRole('link', { name: DUTCH.toSchedule }).waitFor();
    await checkPage(page);

    // The session started an hour ago (API and browser agree): the link still opens it until its end, to read only.
    const underWayId = await newSession('Praattafel nu', '2026-09-18T19:00:00+02:00', '2026-09-18T20:30:00+02:00');
    const omar = await register(underWayId, 'Omar', 'nl', '0470 32 32 32');
    web.api.clock.set(new Date('2026-09-18T18:00:00Z'));
    try {
      const later = await web.newPage();
      await later.clock.setFixedTime(new Date('2026-09-18T18:00:00Z'));
      await later.goto(`/r/${personalLinkToken(web.api, omar.id)}`);
      await later.getByText(DUTCH.statusPast).waitFor();
      await expect(later.locator('main button').count()).resolves.toBe(0);
      await later.getByRole('link', { name: DUTCH.toSchedule }).waitFor();
      await checkPage(later);
    } finally {
      web.api.clock.set(new Date('2026-09-09T08:00:00Z'));
    }
  });

  it('an unknown link says so and leads to the schedule', async () => {
    const page = await context.web.newPage();
    await page.goto('/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await page.getByRole('heading', { level: 1, name: DUTCH.deadLinkTitle }).waitFor();
    await page.getByText(DUTCH.deadLinkText).waitFor();
    await checkPage(page);
    await page.getByRole('link', { name: DUTCH.toSchedule }).click();
    await page.getByRole('heading', { level: 1, name: 'Nederlands oefenen in Kortrijk' }).waitFor({ timeout: 10_000 });
  });
});
