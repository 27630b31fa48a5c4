import { createHmac } from 'node:crypto';
import { NotificationDelivery } from '@app/messaging';
import { RetentionService } from '@app/privacy';
import { PersonalLinks } from '@app/registrations';
import { startSmsGateway } from '@app/testing';
import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput, World } from './fixtures';
import { dataOf, startTestApi, tableSnapshot, TestApi } from './test-api';
import { deliveryOf } from './worker-delivery';

const SECRET = 'sms-webhook-secret-of-the-test-gateway-0123456789';
const TABLES = ['sms_inbound', 'registration', 'notification', 'audit_log_entry', 'consent_record', 'sms_opt_out'] as const;

/** Each sender's number, E.164, as the gateway forwards it. */
const AMINA = '+32470111101';
const BILAL = '+32470111102';
const CLAIRE = '+32470111103';
const DINA = '+32470111104';
const ELIF = '+32470111105';
const STRANGER = '+32470999999';

interface Reply {
  status: number;
  body: { outcome?: string | null; duplicate?: boolean; errors?: { message: string; extensions: { code: string; field?: string } }[] };
}

/**
 * POST /webhooks/sms end to end: a signed reply from a number we texted acts on the registration
 * the last SMS was about, each reply once, with its row in sms_inbound and its audit entry; the
 * answers go out through the worker's delivery to a local SMS gateway.
 */
describe('two-way SMS: POST /webhooks/sms', () => {
  let api: TestApi;
  let world: World;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let delivery: NotificationDelivery;
  let sessionId: string;
  let messages = 0;
  const registrationOf: Record<string, { id: string; status: string }> = {};

  const post = async (raw: string, signature: string | null = sign(raw)): Promise<Reply> => {
    const response = await fetch(`${api.baseUrl}/webhooks/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-oefenkansen-signature': signature }) },
      body: raw,
    });
    return { status: response.status, body: (await response.json()) as Reply['body'] };
  };
  const reply = (from: string, text: string, messageId = `gw-${(messages += 1)}`) =>
    post(JSON.stringify({ messageId, from, text, receivedAt: api.clock.now().toISOString() }));
  const counts = () => tableSnapshot(api.dataSource, TABLES);
  const count = async (sql: string, params: unknown[] = []) =>
    (await api.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;
  /** Sends every SMS due now, as the worker would (the staff's alert mails are not this test's). */
  const deliverDue = async () => {
    const due = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM notification WHERE channel = 'SMS' AND status = 'PENDING' AND due_at <= $1 ORDER BY due_at, id`,
      [api.clock.now()],
    );
    for (const { id } of due) await delivery.deliver(id);
  };
  const statusOf = async (registrationId: string) =>
    (await api.dataSource.query<{ status: string }[]>(`SELECT status FROM registration WHERE id = $1`, [registrationId]))[0].status;
  const smsTo = (phone: string) => gateway.messages.filter((sms) => sms.to === phone);

  beforeAll(async () => {
    // 14:00 in Brussels: SMS leave at once (no quiet hours).
    api = await startTestApi({ now: new Date('2026-09-01T12:00:00Z'), env: { SMS_WEBHOOK_SECRET: SECRET } });
    world = await createWorld(api);
    gateway = await startSmsGateway();
    delivery = deliveryOf(api, { ...api.config, smsGatewayUrl: gateway.url });
    sessionId = dataOf(
      await api.gql<{ createSession: { id: string } }>(
        CREATE_SESSION,
        { i: sessionInput(world, { venueId: world.schoolVenueId, capacity: 3, startsAt: '2026-09-10T09:00:00+02:00', endsAt: '2026-09-10T10:30:00+02:00' }) },
        world.tokens.coordinator,
      ),
    ).createSession.id;
    const people: [string, string, string][] = [
      ['Amina', AMINA, 'ar'],
      ['Bilal', BILAL, 'nl'],
      ['Claire', CLAIRE, 'fr'],
      ['Dina', DINA, 'prs'], // waits: the session has three seats
      ['Elif', ELIF, 'tr'], // waits
    ];
    for (const [firstName, phone, preferredLanguage] of people) {
      const participant = { firstName, phone, preferredLanguage, contactChannel: 'SMS', consentToContact: true };
      registrationOf[phone] = dataOf(
        await api.gql<{ registerParticipant: { id: string; status: string } }>(
          REGISTER_PARTICIPANT,
          { i: { sessionId, participant } },
          world.tokens.coordinator,
        ),
      ).registerParticipant;
    }
    expect(Object.values(registrationOf).map((r) => r.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED']);
    await deliverDue();
    // Each got their confirmation or waiting-list SMS; the reminders wait for their time.
    expect(gateway.messages.map((sms) => sms.to).sort()).toEqual([AMINA, BILAL, CLAIRE, DINA, ELIF].sort());
  });
  afterAll(async () => {
    await gateway?.stop();
    await api?.close();
  });

  it('refuses a forged, missing or malformed signature with 401, changing nothing', async () => {
    const before = await counts();
    const raw = JSON.stringify({ messageId: 'forged-1', from: AMINA, text: 'STOP', receivedAt: api.clock.now().toISOString() });
    for (const signature of [
      null,
      '',
      'sha256=',
      sign(raw).replace(/.$/, (last) => (last === '0' ? '1' : '0')),
      `sha256=${createHmac('sha256', 'another-secret-of-at-least-32-characters').update(raw).digest('hex')}`,
      sign(raw).slice('sha256='.length),
      `sha1=${createHmac('sha1', SECRET).update(raw).digest('hex')}`,
    ]) {
      const answer = await post(raw, signature);
      expect({ signature, status: answer.status, code: answer.body.errors?.[0].extensions.code }).toEqual({ signature, status: 401, code: 'UNAUTHENTICATED' });
    }
    // Signed for another body: the signature is over the exact bytes.
    expect((await post(raw.replace('STOP', 'NEE'), sign(raw))).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('answers a signed but malformed body with 400 naming the problem, changing nothing', async () => {
    const before = await counts();
    const cases: [string, string | undefined][] = [
      ['{"messageId": ', undefined],
      ['[]', undefined],
      [JSON.stringify({ messageId: 'bad-1', from: 'Oefenkansen', text: 'Ja', receivedAt: '2026-09-01T12:00:00Z' }), 'from'],
      [JSON.stringify({ messageId: 'bad-2', from: AMINA, text: 'Ja', receivedAt: 'yesterday' }), 'receivedAt'],
      [JSON.stringify({ from: AMINA, text: 'Ja', receivedAt: '2026-09-01T12:00:00Z' }), 'messageId'],
    ];
    for (const [raw, field] of cases) {
      const answer = await post(raw);
      expect({ raw, status: answer.status, field: answer.body.errors?.[0].extensions.field }).toEqual({ raw, status: 400, field });
      expect(answer.body.errors?.[0].message.length).toBeGreaterThan(5);
    }
    expect(await counts()).toEqual(before);
  });

  it('keeps a reply from an unknown number, audits nothing about anyone and answers nothing', async () => {
    const before = await counts();
    const answer = await reply(STRANGER, 'NEE');
    expect(answer).toEqual({ status: 200, body: { duplicate: false, outcome: 'UNKNOWN_SENDER' } });
    const after = await counts();
    expect(after.sms_inbound.n).toBe(before.sms_inbound.n + 1);
    for (const table of ['registration', 'notification', 'audit_log_entry', 'consent_record', 'sms_opt_out'] as const)
      expect([table, after[table]]).toEqual([table, before[table]]);
    expect(await api.dataSource.query(`SELECT from_phone, text, keyword, outcome, registration_id FROM sms_inbound WHERE from_phone = $1`, [STRANGER])).toEqual(
      [{ from_phone: STRANGER, text: 'NEE', keyword: 'NO', outcome: 'UNKNOWN_SENDER', registration_id: null }],
    );
  });

  it('STOP: consent withdrawn, pending SMS cancelled, exactly one confirmation, and no later SMS of any kind to that number', async () => {
    const amina = registrationOf[AMINA].id;
    const pendingBefore = await count(`notification WHERE registration_id = $1 AND status = 'PENDING'`, [amina]);
    expect(pendingBefore).toBeGreaterThan(0); // her reminders
    const before = await counts();

    expect(await reply(AMINA, 'توقف!')).toEqual({ status: 200, body: { duplicate: false, outcome: 'STOPPED' } });
    const after = await counts();
    expect(after.sms_inbound.n).toBe(before.sms_inbound.n + 1);
    expect(after.sms_opt_out.n).toBe(before.sms_opt_out.n + 1);
    expect(after.registration).toEqual(before.registration);
    expect(after.consent_record.n).toBeGreaterThan(before.consent_record.n);
    expect(after.audit_log_entry.n).toBeGreaterThan(before.audit_log_entry.n);
    expect(after.notification.n).toBe(before.notification.n + 1); // the confirmation of the stop
    expect(await count(`notification WHERE registration_id = $1 AND status = 'PENDING' AND kind <> 'SMS_STOPPED'`, [amina])).toBe(0);
    expect(await count(`notification WHERE registration_id = $1 AND status = 'CANCELLED'`, [amina])).toBe(pendingBefore);
    const [participant] = await api.dataSource.query<{ id: string; consent_to_contact: boolean }[]>(
      `SELECT id, consent_to_contact FROM participant WHERE phone = $1`,
      [AMINA],
    );
    expect(participant.consent_to_contact).toBe(false);
    // The privacy desk's consent history shows the STOP, recorded by nobody (the person themself, by SMS).
    expect(
      await api.dataSource.query(`SELECT consent, recorded_by_id FROM consent_record WHERE participant_id = $1 ORDER BY created_at DESC LIMIT 1`, [
        participant.id,
      ]),
    ).toEqual([{ consent: false, recorded_by_id: null }]);
    expect(
      await api.dataSource.query(`SELECT action, actor_user_id, operation, reason FROM audit_log_entry WHERE subject_id = $1 AND reason LIKE 'SMS reply%'`, [
        participant.id,
      ]),
    ).toEqual([{ action: 'CHANGE', actor_user_id: null, operation: 'smsWebhook', reason: 'SMS reply STOP: STOPPED' }]);

    // A second STOP: no second confirmation.
    expect((await reply(AMINA, 'STOP')).body.outcome).toBe('ALREADY_STOPPED');
    await deliverDue();
    const stopped = smsTo(AMINA);
    expect(stopped).toHaveLength(2); // the confirmation of her registration, then the stop's
    expect(stopped[1].text).toContain('STOP');
    expect(await count(`notification WHERE kind = 'SMS_STOPPED'`)).toBe(1);

    // Any SMS written later for that number is skipped by delivery, whichever kind: here a reminder.
    await api.dataSource.query(
      `INSERT INTO notification (kind, channel, language, participant_id, registration_id, session_id, offset_minutes, payload, due_at, dedupe_key)
       SELECT 'SESSION_REMINDER', 'SMS', 'ar', r.participant_id, r.id, r.session_id, 60, jsonb_build_object('startsAt', s.starts_at), $2, 'test-late-reminder'
         FROM registration r JOIN session s ON s.id = r.session_id WHERE r.id = $1`,
      [amina, api.clock.now()],
    );
    const [late] = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM notification WHERE dedupe_key = 'test-late-reminder'`);
    expect(await delivery.deliver(late.id)).toBe('CANCELLED');
    expect(await api.dataSource.query(`SELECT status, last_error FROM notification WHERE id = $1`, [late.id])).toEqual([
      { status: 'CANCELLED', last_error: 'the number answered STOP: no SMS goes to it any more' },
    ]);
    expect(smsTo(AMINA)).toHaveLength(2);
  });

  it('NEE / NON: cancels the registration the last SMS was about; the first waiting person is promoted; both hear it by SMS', async () => {
    const claire = registrationOf[CLAIRE].id;
    const dina = registrationOf[DINA].id;
    const before = await counts();
    expect(await reply(CLAIRE, 'Nee, ik kan niet komen. Sorry!')).toEqual({ status: 200, body: { duplicate: false, outcome: 'CANCELLED' } });
    const after = await counts();
    expect(after.sms_inbound.n).toBe(before.sms_inbound.n + 1);
    expect(after.registration.n).toBe(before.registration.n);
    expect(after.registration.md5).not.toBe(before.registration.md5);
    expect(after.consent_record).toEqual(before.consent_record);
    expect(after.sms_opt_out).toEqual(before.sms_opt_out);
    expect(after.audit_log_entry.n).toBeGreaterThan(before.audit_log_entry.n);
    expect(await statusOf(claire)).toBe('CANCELLED');
    expect(await statusOf(dina)).toBe('CONFIRMED'); // first in line
    expect(await statusOf(registrationOf[ELIF].id)).toBe('WAITLISTED');
    expect(await api.dataSource.query(`SELECT via FROM registration_event WHERE registration_id = $1 AND kind = 'CANCELLED'`, [claire])).toEqual([
      { via: 'SMS' },
    ]);
    await deliverDue();
    expect(smsTo(CLAIRE)).toHaveLength(2); // her confirmation, then the cancellation
    expect(smsTo(DINA)).toHaveLength(2); // her waiting place, then her seat
    expect(await count(`notification WHERE registration_id = $1 AND kind = 'PROMOTED' AND status = 'SENT'`, [dina])).toBe(1);
    // A second NEE about the same, now cancelled, registration changes nothing more.
    expect((await reply(CLAIRE, 'NON')).body.outcome).toBe('NOT_APPLICABLE');
    expect(await statusOf(dina)).toBe('CONFIRMED');
  });

  it('JA: "I am coming" on a confirmed seat, recorded once; YES from the waiting list does not confirm', async () => {
    const bilal = registrationOf[BILAL].id;
    const before = await counts();
    expect(await reply(BILAL, 'Ja!! 👍')).toEqual({ status: 200, body: { duplicate: false, outcome: 'CONFIRMED' } });
    const after = await counts();
    expect(after.sms_inbound.n).toBe(before.sms_inbound.n + 1);
    expect(after.registration.n).toBe(before.registration.n);
    const [row] = await api.dataSource.query<{ status: string; holder_confirmed_at: Date | null }[]>(
      `SELECT status, holder_confirmed_at FROM registration WHERE id = $1`,
      [bilal],
    );
    expect(row.status).toBe('CONFIRMED');
    expect(row.holder_confirmed_at).not.toBeNull();
    expect(await api.dataSource.query(`SELECT via FROM registration_event WHERE registration_id = $1 AND kind = 'HOLDER_CONFIRMED'`, [bilal])).toEqual([
      { via: 'SMS' },
    ]);
    // Elif waits: her "evet" confirms nothing; she gets the answer with her link instead.
    expect((await reply(ELIF, 'Evet')).body.outcome).toBe('NOT_APPLICABLE');
    expect(await statusOf(registrationOf[ELIF].id)).toBe('WAITLISTED');
  });

  it('JA on an offered seat accepts it: the seat freed 5 h before the start was held for the first in line, now CONFIRMED', async () => {
    const FARID = '+32470111106';
    const GUL = '+32470111107';
    // 14:00 now; the session at 19:00 the same day, one seat: a seat freed now is OFFERED, not given.
    const soonId = dataOf(
      await api.gql<{ createSession: { id: string } }>(
        CREATE_SESSION,
        { i: sessionInput(world, { venueId: world.schoolVenueId, capacity: 1, startsAt: '2026-09-01T19:00:00+02:00', endsAt: '2026-09-01T20:30:00+02:00' }) },
        world.tokens.coordinator,
      ),
    ).createSession.id;
    const register = async (firstName: string, phone: string) =>
      dataOf(
        await api.gql<{ registerParticipant: { id: string; status: string } }>(
          REGISTER_PARTICIPANT,
          { i: { sessionId: soonId, participant: { firstName, phone, preferredLanguage: 'prs', contactChannel: 'SMS', consentToContact: true } } },
          world.tokens.coordinator,
        ),
      ).registerParticipant;
    const farid = await register('Farid', FARID);
    const gul = await register('Gul', GUL);
    expect([farid.status, gul.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    dataOf(await api.gql(`mutation ($id: ID!) { cancelRegistration(id: $id) { id } }`, { id: farid.id }, world.tokens.coordinator));
    expect(await statusOf(gul.id)).toBe('OFFERED');
    await deliverDue();
    expect(await count(`notification WHERE registration_id = $1 AND kind = 'SEAT_OFFERED' AND status = 'SENT'`, [gul.id])).toBe(1);
    expect(await reply(GUL, 'بله')).toEqual({ status: 200, body: { duplicate: false, outcome: 'CONFIRMED' } });
    expect(await statusOf(gul.id)).toBe('CONFIRMED');
    expect(await api.dataSource.query(`SELECT kind, via FROM registration_event WHERE registration_id = $1 AND kind = 'OFFER_ACCEPTED'`, [gul.id])).toEqual([
      { kind: 'OFFER_ACCEPTED', via: 'SMS' },
    ]);
    const [{ seated }] = await api.dataSource.query<{ seated: number }[]>(
      `SELECT count(*)::int AS seated FROM registration WHERE session_id = $1 AND status IN ('CONFIRMED', 'OFFERED', 'ATTENDED', 'NO_SHOW')`,
      [soonId],
    );
    expect(seated).toBe(1);
  });

  it('anything else: one short answer with the personal link, at most one per registration per hour', async () => {
    const elif = registrationOf[ELIF].id;
    await deliverDue();
    const link = api.app.get(PersonalLinks).urlFor(elif);
    const answers = () => smsTo(ELIF).filter((sms) => sms.reference.startsWith('SMS_REPLY_HELP|'));
    // Her "evet" above (no seat to confirm) got the answer already, this hour.
    expect(answers()).toHaveLength(1);
    expect(answers()[0].text).toMatch(/geliyor musunuz/);
    expect(answers()[0].text).toContain(link);

    const before = await counts();
    expect((await reply(ELIF, 'Ne zaman?')).body.outcome).toBe('HELP_SKIPPED');
    const after = await counts();
    expect(after.sms_inbound.n).toBe(before.sms_inbound.n + 1);
    expect(after.notification).toEqual(before.notification);

    api.clock.set(new Date(api.clock.now().getTime() + 3600_000));
    expect((await reply(ELIF, 'Ne zaman?')).body.outcome).toBe('HELP_SENT');
    await deliverDue();
    expect(answers()).toHaveLength(2);
    // The link opens her registration.
    const token = link.slice(link.lastIndexOf('/') + 1);
    const opened = await api.gql(`query($t: String!) { myRegistration(token: $t) { id status } }`, { t: token });
    expect(dataOf(opened).myRegistration).toEqual({ id: elif, status: 'WAITLISTED' });
  });

  it('handles the same gateway message id once: a replay answers 200 and changes nothing', async () => {
    const messageId = 'gw-replayed';
    const first = await reply(BILAL, 'Waar is het?', messageId);
    expect(first.status).toBe(200);
    const before = await counts();
    const again = await reply(BILAL, 'Waar is het?', messageId);
    expect(again).toEqual({ status: 200, body: { duplicate: true, outcome: null } });
    expect(await counts()).toEqual(before);
    expect(await count(`sms_inbound WHERE message_id = $1`, [messageId])).toBe(1);
  });

  it('the nightly retention job deletes replies 90 days after they came in', async () => {
    const kept = await count('sms_inbound');
    expect(kept).toBeGreaterThan(0);
    const retention = api.app.get(RetentionService);
    api.clock.set(new Date(api.clock.now().getTime() + 89 * 24 * 3600_000));
    await retention.anonymiseInactiveParticipants();
    expect(await count('sms_inbound')).toBe(kept);
    api.clock.set(new Date(api.clock.now().getTime() + 2 * 24 * 3600_000));
    await retention.anonymiseInactiveParticipants();
    expect(await count('sms_inbound')).toBe(0);
  });
});

function sign(raw: string): string {
  return `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
}
