import { NotificationDelivery } from '@app/messaging';
import { startSmsGateway } from '@app/testing';
import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { CONFIRM_CODE, codeSentFor, REQUEST_CODE } from './self-registration-fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';
import { deliveryOf } from './worker-delivery';

type Requested = { requestRegistrationCode: { requestId: string; expiresAt: string } };
type Confirmed = { confirmRegistrationCode: { id: string; status: string; waitlistPosition: number | null; sessionId: string } };

describe('a newcomer registers themself with a first name, a phone and an SMS code', () => {
  let api: TestApi;
  let world: World;
  let sessionId: string;
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  let delivery: NotificationDelivery;
  let phones = 0;
  /** A Belgian mobile number of its own for each request series, typed as people type it. */
  const newPhone = () => `0470 20 ${String((phones += 1)).padStart(2, '0')} 00`;
  const e164 = (typed: string) => `+32${typed.replace(/\s/g, '').slice(1)}`;

  const request = (input: Record<string, unknown>) =>
    api.gql<Requested>(REQUEST_CODE, { i: { sessionId, firstName: 'Amina', preferredLanguage: 'ar', ...input } });
  const requestOk = async (input: Record<string, unknown>) => dataOf(await request(input)).requestRegistrationCode.requestId;
  const confirm = (requestId: string, code: string) => api.gql<Confirmed>(CONFIRM_CODE, { r: requestId, c: code });
  const notificationOf = async (requestId: string) =>
    (
      await api.dataSource.query<{ id: string; status: string; payload: Record<string, unknown> }[]>(
        `SELECT id, status, payload FROM notification WHERE kind = 'REGISTRATION_CODE' AND payload ->> 'requestId' = $1`,
        [requestId],
      )
    )[0];
  const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  const newSession = async (capacity: number) =>
    dataOf(
      await api.gql<{ createSession: { id: string } }>(
        CREATE_SESSION,
        { i: sessionInput(world, { title: 'Praattafel Overleie', capacity }) },
        world.tokens.coordinator,
      ),
    ).createSession.id;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    sessionId = await newSession(10);
    sms = await startSmsGateway();
    // The worker's delivery, through the real SMS channel to a local gateway.
    const config = { ...api.config, smsGatewayUrl: sms.url };
    delivery = deliveryOf(api, config);
  });

  afterAll(async () => {
    await sms.stop();
    await api.close();
  });

  afterEach(() => api.clock.set(new Date('2026-08-15T10:00:00Z')));

  test('the code goes by SMS at once, even late in the evening; the right code registers them as a participant who gave consent themself', async () => {
    // 23:30 in Brussels: reminders wait for the morning, a code that dies in ten minutes cannot.
    api.clock.set(new Date('2026-08-15T21:30:00Z'));
    const phone = newPhone();
    const requested = dataOf(await request({ phone, preferredLanguage: 'ar' })).requestRegistrationCode;
    expect(new Date(requested.expiresAt).getTime() - api.clock.now().getTime()).toBe(10 * 60_000);
    const row = await notificationOf(requested.requestId);
    expect(await delivery.deliver(row.id)).toBe('SENT');
    expect(sms.messages).toHaveLength(1);
    const [message] = sms.messages;
    expect(message.to).toBe(e164(phone));
    const code = /\b(\d{6})\b/.exec(message.text)?.[1];
    expect(code).toBeDefined();
    expect(message.text).toContain('رمزك');

    // Only a hash is kept; once sent, the outbox row no longer holds the code either.
    const [stored] = await api.dataSource.query<Record<string, unknown>[]>(`SELECT * FROM registration_code_request WHERE id = $1`, [requested.requestId]);
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(await notificationOf(requested.requestId))).not.toContain(code);

    api.clock.set(new Date('2026-08-15T21:35:00Z'));
    const registration = dataOf(await confirm(requested.requestId, `${code!.slice(0, 3)} ${code!.slice(3)}`)).confirmRegistrationCode;
    expect(registration).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null, sessionId });
    const [participant] = await api.dataSource.query(
      `SELECT p.first_name, p.phone, p.preferred_language, p.contact_channel, p.consent_to_contact, p.consent_recorded_at, p.consent_recorded_by_id, p.created_by_id, p.referral_channel, r.registered_by_id
         FROM registration r JOIN participant p ON p.id = r.participant_id WHERE r.id = $1`,
      [registration.id],
    );
    expect(participant).toEqual({
      first_name: 'Amina',
      phone: e164(phone),
      preferred_language: 'ar',
      contact_channel: 'SMS',
      consent_to_contact: true,
      consent_recorded_at: new Date('2026-08-15T21:35:00Z'),
      consent_recorded_by_id: null,
      created_by_id: null,
      referral_channel: 'SELF',
      registered_by_id: null,
    });
    // The usual confirmation follows, in their language.
    const confirmations = await api.dataSource.query(
      `SELECT channel, language FROM notification WHERE registration_id = $1 AND kind = 'REGISTRATION_CONFIRMED'`,
      [registration.id],
    );
    expect(confirmations).toEqual([{ channel: 'SMS', language: 'ar' }]);
    // A code works once.
    expect(errorOf(await confirm(requested.requestId, code!))).toMatchObject({ code: 'CONFLICT', extensions: { reason: 'USED' } });
  });

  test('a full session puts them on the waiting list, with their position', async () => {
    const full = await newSession(1);
    const first = await api.gql<{ requestRegistrationCode: { requestId: string } }>(REQUEST_CODE, {
      i: { sessionId: full, firstName: 'Oksana', phone: newPhone(), preferredLanguage: 'uk' },
    });
    const firstId = dataOf(first).requestRegistrationCode.requestId;
    expect(dataOf(await confirm(firstId, await codeSentFor(api, firstId))).confirmRegistrationCode.status).toBe('CONFIRMED');
    const second = dataOf(await api.gql<Requested>(REQUEST_CODE, { i: { sessionId: full, firstName: 'Mohamed', phone: newPhone(), preferredLanguage: 'fr' } }))
      .requestRegistrationCode.requestId;
    expect(dataOf(await confirm(second, await codeSentFor(api, second))).confirmRegistrationCode).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
  });

  test('the fifth wrong code ends the request: even the right code no longer works, and its SMS is withdrawn', async () => {
    const requestId = await requestOk({ phone: newPhone() });
    const code = await codeSentFor(api, requestId);
    for (const attemptsLeft of [4, 3, 2, 1, 0]) {
      expect(errorOf(await confirm(requestId, wrongCodeFor(code)))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'code', attemptsLeft } });
    }
    expect(errorOf(await confirm(requestId, code))).toMatchObject({ code: 'CONFLICT', extensions: { reason: 'DEAD' } });
    const notification = await notificationOf(requestId);
    expect(notification.status).toBe('CANCELLED');
    expect(notification.payload).not.toHaveProperty('code');
    const [{ registrations }] = await api.dataSource.query(
      `SELECT count(*)::int AS registrations FROM registration_code_request WHERE id = $1 AND registration_id IS NOT NULL`,
      [requestId],
    );
    expect(registrations).toBe(0);
  });

  test('something that is not six digits is refused without using up a try', async () => {
    const requestId = await requestOk({ phone: newPhone() });
    expect(errorOf(await confirm(requestId, '12ab56'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'code' } });
    const [{ failed_attempts }] = await api.dataSource.query(`SELECT failed_attempts FROM registration_code_request WHERE id = $1`, [requestId]);
    expect(failed_attempts).toBe(0);
  });

  test('a code is refused after ten minutes', async () => {
    const requestId = await requestOk({ phone: newPhone() });
    const code = await codeSentFor(api, requestId);
    api.clock.set(new Date(api.clock.now().getTime() + 10 * 60_000));
    expect(errorOf(await confirm(requestId, code))).toMatchObject({ code: 'CONFLICT', extensions: { reason: 'EXPIRED' } });
  });

  test('asking again replaces the earlier code for that phone and session', async () => {
    const phone = newPhone();
    const earlier = await requestOk({ phone });
    const earlierCode = await codeSentFor(api, earlier);
    const later = await requestOk({ phone: e164(phone) });
    expect(errorOf(await confirm(earlier, earlierCode))).toMatchObject({ code: 'CONFLICT', extensions: { reason: 'DEAD' } });
    expect((await notificationOf(earlier)).status).toBe('CANCELLED');
    expect(dataOf(await confirm(later, await codeSentFor(api, later))).confirmRegistrationCode.status).toBe('CONFIRMED');
    // Registered once per phone: a new code for the same session finds them registered.
    const again = await requestOk({ phone });
    expect(errorOf(await confirm(again, await codeSentFor(api, again))).code).toBe('ALREADY_REGISTERED');
  });

  test('two confirmations of one code at the same time make one registration', async () => {
    const requestId = await requestOk({ phone: newPhone() });
    const code = await codeSentFor(api, requestId);
    const results = await Promise.all([confirm(requestId, code), confirm(requestId, code)]);
    expect(results.filter((result) => result.data?.confirmRegistrationCode).length).toBe(1);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(1);
    const [{ registrations }] = await api.dataSource.query(
      `SELECT count(*)::int AS registrations FROM registration r JOIN participant p ON p.id = r.participant_id JOIN registration_code_request q ON q.phone = p.phone AND q.session_id = r.session_id WHERE q.id = $1`,
      [requestId],
    );
    expect(registrations).toBe(1);
  });

  test('at most 3 codes per phone number per hour, however the number is typed', async () => {
    const phone = newPhone();
    await requestOk({ phone });
    await requestOk({ phone: e164(phone) });
    await requestOk({ phone: phone.replace(/ /g, '') });
    const refused = errorOf(await request({ phone }));
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(refused.extensions.retryAfter).toEqual(expect.any(Number));
    // Another number is not affected.
    await requestOk({ phone: newPhone() });
  });

  test('bad input is refused before anything is written or sent', async () => {
    const before = await tableSnapshot(api.dataSource, ['registration_code_request', 'notification']);
    expect(errorOf(await request({ phone: '12345' }))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'phone' } });
    expect(errorOf(await request({ phone: newPhone(), firstName: '  ' }))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'firstName' } });
    expect(errorOf(await request({ phone: newPhone(), preferredLanguage: 'xx' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'preferredLanguage' },
    });
    expect(errorOf(await request({ phone: newPhone(), sessionId: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect(errorOf(await confirm('00000000-0000-4000-8000-000000000000', '123456')).code).toBe('NOT_FOUND');
    expect(await tableSnapshot(api.dataSource, ['registration_code_request', 'notification'])).toEqual(before);
  });
});
