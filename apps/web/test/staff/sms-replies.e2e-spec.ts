import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput, type World } from '../../../api/test/fixtures';
import { dataOf } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { pageScrollsSideways } from './sessions-helpers';
import { axeViolations, signedInStaffPage, startStaffWebTest } from './staff-helpers';

const SECRET = 'sms-webhook-secret-of-the-browser-test-0123456789';
const PHONE = '+32470123456';
const STRANGER = '+32470999888';

/**
 * The messages desk's Replies page in Chromium against the API in production mode: what people
 * answered to our SMS, newest first, numbers masked, with a link to the person on the privacy desk.
 */
describe('staff messages: SMS replies', () => {
  let web: WebTest;
  let page: Page;
  let world: World;
  let participantId: string;
  let replies = 0;

  const reply = async (from: string, text: string) => {
    const raw = JSON.stringify({
      messageId: `browser-${(replies += 1)}`,
      from,
      text,
      receivedAt: new Date(web.api.clock.now().getTime() + replies * 60_000).toISOString(),
    });
    const response = await fetch(`${web.api.baseUrl}/webhooks/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-oefenkansen-signature': `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}` },
      body: raw,
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { outcome: string }).outcome;
  };

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW, { SMS_WEBHOOK_SECRET: SECRET });
    world = await createWorld(web.api);
    const coordinator = (query: string, variables: Record<string, unknown>) => web.api.gql(query, variables, world.tokens.coordinator).then(dataOf);
    const sessionId = (
      await coordinator(CREATE_SESSION, {
        i: sessionInput(world, { venueId: world.schoolVenueId, startsAt: '2026-09-17T09:00:00+02:00', endsAt: '2026-09-17T10:30:00+02:00' }),
      })
    ).createSession.id as string;
    const participant = { firstName: 'Fatima', phone: PHONE, preferredLanguage: 'ar', contactChannel: 'SMS', consentToContact: true };
    const registrationId = (await coordinator(REGISTER_PARTICIPANT, { i: { sessionId, participant } })).registerParticipant.id as string;
    [{ participant_id: participantId }] = await web.api.dataSource.query<{ participant_id: string }[]>(
      `SELECT participant_id FROM registration WHERE id = $1`,
      [registrationId],
    );
    // As if the worker had sent her confirmation: the reply is about the registration the last SMS was about.
    await web.api.dataSource.query(`UPDATE notification SET status = 'SENT', sent_at = $2 WHERE registration_id = $1 AND kind = 'REGISTRATION_CONFIRMED'`, [
      registrationId,
      web.api.clock.now(),
    ]);
    expect(await reply(STRANGER, 'Wie is dit?')).toBe('UNKNOWN_SENDER');
    expect(await reply(PHONE, 'أين المدرسة؟')).toBe('HELP_SENT');
    expect(await reply(PHONE, 'نعم')).toBe('CONFIRMED');
    page = await signedInStaffPage(web);
  });
  afterEach(() => expect(web.pageErrors).toEqual([]));
  afterAll(() => web?.close());

  it('lists the replies newest first, numbers masked but for the last 3 digits, with what each did', async () => {
    await page.goto('/staff/messages');
    await page.getByRole('navigation', { name: 'Berichten' }).getByRole('link', { name: 'Sms-antwoorden' }).click();
    await page.waitForURL('**/staff/messages/replies');
    await page.getByRole('heading', { name: 'Antwoorden op sms', level: 1 }).waitFor();
    await page.getByText('3 antwoorden in totaal.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);

    const table = page.getByRole('table', { name: 'Antwoorden op sms, nieuwste eerst' });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(4); // the header and three replies
    const texts = await rows.allInnerTexts();
    expect(texts[1]).toContain('نعم');
    expect(texts[1]).toContain('JA');
    expect(texts[1]).toContain('Komt zeker');
    expect(texts[2]).toContain('أين المدرسة؟');
    expect(texts[2]).toContain('Ander antwoord');
    expect(texts[2]).toContain('Link gestuurd');
    expect(texts[3]).toContain('Wie is dit?');
    expect(texts[3]).toContain('Onbekend nummer: niets gestuurd');
    expect(texts[3]).toContain('888');
    // Only the last three digits of a number are shown.
    const body = await page.locator('main').innerText();
    expect(body).not.toContain('470123');
    expect(body).not.toContain('470999');
    expect(texts[1]).toMatch(/•+456/);
  });

  it('links a reply to the person on the privacy desk, where the consent and audit live', async () => {
    await page.goto('/staff/messages/replies');
    const link = page.getByRole('link', { name: 'Privacy van Fatima openen' }).first();
    await link.click();
    await page.waitForURL(`**/staff/privacy/participants/${participantId}`);
    expect(await axeViolations(page)).toEqual([]);
  });
});
