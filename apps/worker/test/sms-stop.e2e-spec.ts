import { createHmac } from 'node:crypto';
import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { type MessageRig, startMessageRig } from './message-rig';

const SECRET = 'sms-webhook-secret-of-the-worker-test-0123456789';
const PHONE = '+32470555123';

/**
 * STOP with the real worker and a local SMS gateway: after the reply, the stop's confirmation is the
 * one SMS that still reaches the number; the reminders due later never leave.
 */
describe('an SMS reply STOP, end to end through the worker', () => {
  let rig: MessageRig;
  const smsToPhone = () => rig.sms.messages.filter((sms) => sms.to === PHONE);

  beforeAll(async () => {
    rig = await startMessageRig('2026-09-01T12:00:00Z', { SMS_WEBHOOK_SECRET: SECRET });
  });
  afterAll(() => rig?.close());

  it('sends one confirmation of the stop and no reminder after it', async () => {
    const world = await createWorld(rig.api);
    const coordinator = (query: string, variables: Record<string, unknown>) => rig.api.gql(query, variables, world.tokens.coordinator).then(dataOf);
    const sessionId = (
      await coordinator(CREATE_SESSION, {
        i: sessionInput(world, { venueId: world.schoolVenueId, startsAt: '2026-09-10T09:00:00+02:00', endsAt: '2026-09-10T10:30:00+02:00' }),
      })
    ).createSession.id as string;
    const participant = { firstName: 'Olena', phone: PHONE, preferredLanguage: 'uk', contactChannel: 'SMS', consentToContact: true };
    const registrationId = (await coordinator(REGISTER_PARTICIPANT, { i: { sessionId, participant } })).registerParticipant.id as string;
    await rig.deliverDue();
    expect(smsToPhone()).toHaveLength(1); // her confirmation
    const reminders = await rig.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE registration_id = $1 AND kind = 'SESSION_REMINDER'`, [
      registrationId,
    ]);
    expect(reminders[0].n).toBeGreaterThan(0);

    const raw = JSON.stringify({ messageId: 'worker-stop-1', from: PHONE, text: 'Стоп', receivedAt: '2026-09-01T12:05:00Z' });
    const response = await fetch(`${rig.api.baseUrl}/webhooks/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-oefenkansen-signature': `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}` },
      body: raw,
    });
    expect(await response.json()).toEqual({ duplicate: false, outcome: 'STOPPED' });
    await rig.deliverDue();
    expect(smsToPhone()).toHaveLength(2);
    expect(smsToPhone()[1].text).toContain('STOP');

    // The day of the session, after every reminder fell due: none went out.
    rig.setNow('2026-09-10T06:50:00Z');
    await rig.deliverDue();
    expect(smsToPhone()).toHaveLength(2);
    expect(await rig.query(`SELECT DISTINCT status FROM notification WHERE registration_id = $1 AND kind = 'SESSION_REMINDER'`, [registrationId])).toEqual([
      { status: 'CANCELLED' },
    ]);
  });
});
