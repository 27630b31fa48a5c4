import { CapturedSms } from '@app/testing';
import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput, World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { MessageRig, startMessageRig } from './message-rig';

const NOW = '2026-08-15T10:00:00Z';
const MINE = `query($t: String!) { myRegistration(token: $t) { id status participant { firstName preferredLanguage } } }`;
const CANCEL_MINE = `mutation($t: String!) { cancelMyRegistration(token: $t) { id status } }`;

/** The token of the first personal link in a text: `<PUBLIC_BASE_URL>/r/<token>`. */
function tokenIn(text: string, publicBaseUrl: string): string {
  const at = text.indexOf(`${publicBaseUrl}/r/`);
  if (at < 0) throw new Error(`no personal link in:\n${text}`);
  return text.slice(at + publicBaseUrl.length + 3).match(/^[A-Za-z0-9_-]+/)![0];
}

/**
 * The messages a registration brings carry the person's own link, by SMS and by mail, through the
 * real worker, SMTP capture and SMS gateway; the link opens that registration and nobody else's.
 */
describe('personal links in the messages about a registration', () => {
  let rig: MessageRig;
  let world: World;
  beforeAll(async () => {
    rig = await startMessageRig(NOW);
    world = await createWorld(rig.api);
  });
  afterAll(() => rig?.close());

  const smsTo = (to: string) => rig.sms.messages.filter((m: CapturedSms) => m.to === to);

  it('an SMS and a mail each carry a link that opens their own registration; cancelling by it promotes the next, whose message has their own link', async () => {
    const { api } = rig;
    const base = api.config.publicBaseUrl;
    const sessionId = dataOf(
      await api.gql(CREATE_SESSION, { i: sessionInput(world, { capacity: 1, hostIds: [world.userIds.host] }) }, world.tokens.coordinator),
    ).createSession.id;
    const register = async (participant: Record<string, unknown>) =>
      dataOf(await api.gql(REGISTER_PARTICIPANT, { i: { sessionId, participant } }, world.tokens.coordinator)).registerParticipant;
    const zahra = await register({ firstName: 'Zahra', phone: '0472 11 22 33', preferredLanguage: 'prs', contactChannel: 'SMS', consentToContact: true });
    const youssef = await register({
      firstName: 'Youssef',
      email: 'youssef@example.org',
      preferredLanguage: 'ar',
      contactChannel: 'EMAIL',
      consentToContact: true,
    });
    expect([zahra.status, youssef.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    await rig.deliverDue();

    const [confirmation] = smsTo('+32472112233');
    expect(confirmation.reference).toBe(`REGISTRATION_CONFIRMED|${zahra.id}|0`);
    const zahrasToken = tokenIn(confirmation.text, base);
    expect(zahrasToken).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(confirmation.text).toContain(`${base}/r/${zahrasToken}`);
    expect(dataOf(await api.gql(MINE, { t: zahrasToken })).myRegistration).toEqual({
      id: zahra.id,
      status: 'CONFIRMED',
      participant: { firstName: 'Zahra', preferredLanguage: 'prs' },
    });

    const [waitlisted] = rig.mailsKeyed(`WAITLISTED|${youssef.id}|0`);
    const youssefsToken = tokenIn(waitlisted.text, base);
    expect(youssefsToken).not.toBe(zahrasToken);
    expect(waitlisted.html).toContain(`<a href="${base}/r/${youssefsToken}"`);
    // In plain text the link stands alone between whitespace, so mail clients make it clickable.
    expect(waitlisted.text.split(/\s/)).toContain(`${base}/r/${youssefsToken}`);
    expect(dataOf(await api.gql(MINE, { t: youssefsToken })).myRegistration.id).toBe(youssef.id);

    // Zahra cannot come: by her link. Youssef is promoted and his promotion carries his own link.
    expect(dataOf(await api.gql(CANCEL_MINE, { t: zahrasToken })).cancelMyRegistration).toEqual({ id: zahra.id, status: 'CANCELLED' });
    await rig.deliverDue();
    const cancelled = smsTo('+32472112233').find((m) => m.reference === `REGISTRATION_CANCELLED|${zahra.id}|0`)!;
    expect(tokenIn(cancelled.text, base)).toBe(zahrasToken);
    const [promoted] = rig.mailsKeyed(`PROMOTED|${youssef.id}|0`);
    expect(promoted.html).toContain(`<a href="${base}/r/${youssefsToken}"`);
    expect(dataOf(await api.gql(MINE, { t: youssefsToken })).myRegistration.status).toBe('CONFIRMED');

    // Nothing the worker wrote holds a token.
    const stored = await rig.query<{ dump: string }>(`SELECT coalesce(json_agg(n)::text, '') AS dump FROM notification n`);
    for (const token of [zahrasToken, youssefsToken]) expect(stored[0].dump).not.toContain(token);
  });
});
