import { startSmtpCapture } from '@app/testing';
import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { REQUEST_CODE } from './self-registration-fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';
import { deliveryOf } from './worker-delivery';

/** A mobile number of each country, as libphonenumber's examples give them: 12 abroad and none allowed by default. */
const FOREIGN_MOBILES = [
  '+31612345678',
  '+33612345678',
  '+4915123456789',
  '+447400123456',
  '+12015550123',
  '+212650123456',
  '+905012345678',
  '+93701234567',
  '+963944567890',
  '+380501234567',
  '+40712034567',
  '+923012345678',
];
const BUDGET = 3;
const CODE_TABLES = ['registration_code_request', 'notification'] as const;

describe('SMS codes go only to allowed mobiles, within an hourly budget', () => {
  let api: TestApi;
  let world: World;
  let sessionId: string;
  let phones = 0;
  const newBelgianMobile = () => `0470 40 ${String((phones += 1)).padStart(2, '0')} 00`;
  const request = (phone: string) => api.gql(REQUEST_CODE, { i: { sessionId, firstName: 'Amina', phone, preferredLanguage: 'ar' } });
  const budgetAlerts = () =>
    api.dataSource.query<{ id: string; user_id: string; payload: Record<string, unknown> }[]>(
      `SELECT id, user_id, payload FROM notification WHERE kind = 'SMS_CODE_BUDGET_REACHED' ORDER BY created_at`,
    );

  beforeAll(async () => {
    api = await startTestApi({ env: { SMS_CODE_COUNTRIES: 'BE,NL', SMS_CODE_BUDGET_PER_HOUR: String(BUDGET) } });
    world = await createWorld(api);
    sessionId = dataOf(await api.gql<{ createSession: { id: string } }>(CREATE_SESSION, { i: sessionInput(world, { capacity: 10 }) }, world.tokens.coordinator))
      .createSession.id;
  });
  afterAll(() => api?.close());

  it('refuses foreign and fixed-line numbers with PHONE_NOT_ALLOWED naming the field, writing nothing; a configured country passes', async () => {
    const before = await tableSnapshot(api.dataSource, CODE_TABLES);
    for (const phone of [...FOREIGN_MOBILES.filter((number) => !number.startsWith('+31')), '+3256123456', '056 12 34 56']) {
      expect(errorOf(await request(phone))).toMatchObject({ code: 'PHONE_NOT_ALLOWED', extensions: { field: 'phone' } });
    }
    expect(await tableSnapshot(api.dataSource, CODE_TABLES)).toEqual(before);
    // SMS_CODE_COUNTRIES=BE,NL: the Dutch mobile is allowed, as is a Belgian one.
    expect(dataOf(await request('+31612345678')).requestRegistrationCode.requestId).toEqual(expect.any(String));
  });

  it('refuses codes beyond the hourly budget with TOO_MANY_REQUESTS and alerts the coordinators once that hour', async () => {
    api.clock.set(new Date('2026-08-15T10:05:00Z'));
    // The Dutch request of the test above is one of the budget's three.
    for (let sent = 1; sent < BUDGET; sent += 1) expect((await request(newBelgianMobile())).errors).toBeUndefined();
    const before = await tableSnapshot(api.dataSource, ['registration_code_request']);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const refused = errorOf(await request(newBelgianMobile()));
      expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', extensions: { field: 'phone', retryAfter: expect.any(Number) } });
      expect(refused.extensions.retryAfter).toBeGreaterThan(50 * 60);
    }
    expect(await tableSnapshot(api.dataSource, ['registration_code_request'])).toEqual(before);
    const alerts = await budgetAlerts();
    expect(alerts).toEqual([
      { id: expect.any(String), user_id: world.userIds.coordinator, payload: { budget: BUDGET, reachedAt: '2026-08-15T10:05:00.000Z' } },
    ]);

    // The worker's delivery sends it as an e-mail in the coordinator's language.
    const smtp = await startSmtpCapture();
    try {
      const config = { ...api.config, smtpUrl: smtp.url };
      const delivery = deliveryOf(api, config);
      expect(await delivery.deliver(alerts[0].id)).toBe('SENT');
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0].text).toMatch(/3 SMS/);
    } finally {
      await smtp.stop();
    }

    // An hour later there is room again.
    api.clock.set(new Date('2026-08-15T11:06:00Z'));
    expect((await request(newBelgianMobile())).errors).toBeUndefined();
    api.clock.set(new Date('2026-08-15T10:00:00Z'));
  });
});
