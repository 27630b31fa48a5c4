import type { CapturedSms } from '@app/testing';
import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput, type World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { runAxe } from './page-checks';
import { personalLinkPath, selfServiceWords, startJourneyRig, type JourneyRig } from './self-service-fixtures';

const NOW = new Date('2026-09-09T08:00:00Z');
const DARI = selfServiceWords('prs');
const ARABIC = selfServiceWords('ar');

/**
 * Issue 21's acceptance journey, with the worker, a local SMTP server and a local SMS gateway: a
 * full session with a waiting list; the seated person's SMS carries their personal link, which
 * opens their page in Dari; "I cannot come" cancels; the first waiting person is promoted and gets
 * their own message with their own link, which opens their page, in Arabic, showing them coming.
 */
describe('a newcomer cancels from the link in their SMS, and the next in line gets the seat and their own link', () => {
  let rig: JourneyRig;
  let world: World;
  beforeAll(async () => {
    rig = await startJourneyRig(NOW);
    world = await createWorld(rig.web.api);
  });
  afterAll(() => rig?.close());
  afterEach(() => expect(rig.web.pageErrors).toEqual([]));

  const smsTo = (to: string) => rig.sms.messages.filter((m: CapturedSms) => m.to === to);
  const statusOf = (id: string) =>
    rig.web.api.dataSource.query<{ status: string }[]>(`SELECT status FROM registration WHERE id = $1`, [id]).then(([row]) => row.status);

  it('goes from the SMS to the page and back to the next person', async () => {
    const { api } = rig.web;
    const sessionId = dataOf(
      await api.gql(
        CREATE_SESSION,
        { i: sessionInput(world, { title: 'Praattafel Overleie', capacity: 1, startsAt: '2026-09-16T19:00:00+02:00', endsAt: '2026-09-16T20:30:00+02:00' }) },
        world.tokens.coordinator,
      ),
    ).createSession.id as string;
    const register = async (firstName: string, preferredLanguage: string, phone: string) =>
      dataOf(
        await api.gql<{ registerParticipant: { id: string; status: string } }>(
          REGISTER_PARTICIPANT,
          { i: { sessionId, participant: { firstName, phone, preferredLanguage, contactChannel: 'SMS', consentToContact: true } } },
          world.tokens.coordinator,
        ),
      ).registerParticipant;
    const mariam = await register('Mariam', 'prs', '0470 10 20 30');
    const hassan = await register('Hassan', 'ar', '0470 40 50 60');
    expect([mariam.status, hassan.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    await rig.deliverDue();

    // Mariam's confirmation SMS carries her personal link.
    const [toMariam] = smsTo('+32470102030');
    expect(toMariam.reference.split('|')[0]).toBe('REGISTRATION_CONFIRMED');
    const mariamLink = personalLinkPath(toMariam.text);
    expect(toMariam.text).toContain(`${api.config.publicBaseUrl}${mariamLink}`);

    const page = await rig.web.newPage();
    await page.goto(mariamLink);
    await page.getByRole('heading', { level: 1, name: DARI.hello.replace('{name}', 'Mariam') }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await page.getByRole('heading', { level: 2, name: 'Praattafel Overleie' }).waitFor();
    await page.getByText(DARI.statusConfirmed).waitFor();
    expect((await runAxe(page)).violations).toEqual([]);

    await page.getByRole('button', { name: DARI.cannotCome }).click();
    await page.getByRole('button', { name: DARI.yesCancel }).click();
    await page.getByText(DARI.cancelledDone).waitFor();
    expect(await statusOf(mariam.id)).toBe('CANCELLED');
    // The waiting list moved in the same transaction: Hassan has the seat.
    expect(await statusOf(hassan.id)).toBe('CONFIRMED');

    await rig.deliverDue();
    const promoted = smsTo('+32470405060').find((m) => m.reference.startsWith('PROMOTED|'));
    expect(promoted).toBeDefined();
    const hassanLink = personalLinkPath(promoted!.text);
    expect(promoted!.text).toContain(`${api.config.publicBaseUrl}${hassanLink}`);
    expect(hassanLink).not.toBe(mariamLink);

    const hassanPage = await rig.web.newPage();
    await hassanPage.goto(hassanLink);
    await hassanPage.getByRole('heading', { level: 1, name: ARABIC.hello.replace('{name}', 'Hassan') }).waitFor();
    await expect(hassanPage.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await hassanPage.getByText(ARABIC.statusConfirmed).waitFor();
    await hassanPage.getByRole('button', { name: ARABIC.coming }).waitFor();
    expect((await runAxe(hassanPage)).violations).toEqual([]);
    // Mariam's link now shows her cancelled registration (or, revoked with it, a dead link): never Hassan's.
    await page.reload();
    await expect(page.locator('main').innerText()).resolves.not.toContain('Hassan');
    await rig.web.screenshot(hassanPage, 'self-service-journey-promoted');
  });
});
