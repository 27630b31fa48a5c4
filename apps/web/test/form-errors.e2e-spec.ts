import { CREATE_SESSION, createWorld, FIXTURE_PASSWORD, type World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { signIn, startWebTest, type WebTest } from './browser';
import { runAxe } from './page-checks';
import { BROWSER_NOW } from './public-fixtures';

/** Five minutes: long enough to be said in minutes, and the same "5" a moment later. */
const LOCKOUT_SECONDS = 300;
const WELL_FORMED_UNKNOWN = '5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a40';

/** What the API refuses, as the people using the forms read it: in their language, at the field. */
describe('errors in the forms, in the reader’s language', () => {
  let web: WebTest;
  let world: World;
  let sessionId: string;

  beforeAll(async () => {
    // Every login of this file comes from one address: allow them all, and lock an account for minutes.
    web = await startWebTest({
      now: BROWSER_NOW,
      env: { LOGIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS), RATE_LIMIT_LOGIN_PER_IP: '200', RATE_LIMIT_LOGIN_PER_ACCOUNT: '50' },
    });
    world = await createWorld(web.api);
    sessionId = dataOf(
      await web.api.gql<{ createSession: { id: string } }>(
        CREATE_SESSION,
        {
          i: {
            programmeId: world.schoolbabbelId,
            venueId: world.schoolVenueId,
            title: 'Schoolbabbel De Vlieger',
            startsAt: '2026-09-10T08:45:00+02:00',
            endsAt: '2026-09-10T10:15:00+02:00',
            capacity: 12,
          },
        },
        world.tokens.admin,
      ),
    ).createSession.id;
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(() => {
    expect(web.pageErrors).toEqual([]);
  });

  const registrations = async () =>
    (await web.api.dataSource.query(`SELECT r.status, p.first_name FROM registration r JOIN participant p ON p.id = r.participant_id WHERE r.session_id = $1`, [
      sessionId,
    ])) as { status: string; first_name: string }[];

  it('a wrong phone on the school form is said next to the phone field, in Dutch and in Arabic; nothing is registered', async () => {
    const page = await web.newPage();
    await page.goto(`/school/sessions/${sessionId}`);
    await signIn(page, 'schoolcontact@test.oefenkansen.be');
    await page.getByRole('heading', { level: 1, name: 'Schoolbabbel De Vlieger' }).waitFor();
    await page.getByLabel('Voornaam').fill('Amina');
    await page.locator('#parent-phone').fill('0470 12');
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();

    const phone = page.locator('#parent-phone');
    const dutch = 'Dit telefoonnummer klopt niet. Schrijf een Belgisch nummer, zoals 0470 12 34 56, of een buitenlands nummer met + en de landcode.';
    await page.locator('#parent-phone-error').waitFor();
    await expect(page.locator('#parent-phone-error').innerText()).resolves.toBe(dutch);
    await expect(phone.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(phone.getAttribute('aria-describedby')).resolves.toBe('parent-phone-error');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('parent-phone');
    await expect(page.locator('body').innerText()).resolves.not.toContain('participant.phone');
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'school-phone-error');

    // The sentence follows the language of the page.
    await page.locator('#language').selectOption('ar');
    await page.locator('html[lang="ar"]').waitFor();
    await expect(page.locator('#parent-phone-error').innerText()).resolves.toBe(
      'رقم الهاتف هذا غير صحيح. اكتب رقمًا بلجيكيًا مثل 0470 12 34 56، أو رقمًا أجنبيًا مع + ورمز البلد.',
    );
    expect(await registrations()).toEqual([]);

    // Put right, the parent is registered and the field is no longer marked.
    await page.locator('#language').selectOption('nl');
    await page.locator('html[lang="nl"]').waitFor();
    await phone.fill('0470 12 34 56');
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await page.getByText('Amina is ingeschreven.').waitFor();
    await expect(phone.getAttribute('aria-invalid')).resolves.toBeNull();
    expect(await registrations()).toEqual([{ status: 'CONFIRMED', first_name: 'Amina' }]);

    // The same parent entered again as new (same name and phone) is the one already registered.
    await page.getByLabel('Voornaam').fill('amina');
    await phone.fill('+32 470 12 34 56');
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await page.getByText('amina is al ingeschreven voor deze datum.').waitFor();
    expect(await registrations()).toEqual([{ status: 'CONFIRMED', first_name: 'Amina' }]);
  });

  it('after five wrong passwords the login page says how long to wait', async () => {
    const email = 'locked@test.oefenkansen.be';
    dataOf(
      await web.api.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: { email, password: FIXTURE_PASSWORD, displayName: 'Lotte', roles: ['HOST'] } },
        world.tokens.admin,
      ),
    );
    const page = await web.newPage();
    await page.goto('/login');
    const alert = page.getByRole('alert');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await signIn(page, email, `wrong-${attempt}`);
      await page.getByRole('button', { name: 'Aanmelden' }).and(page.locator(':enabled')).waitFor();
      await expect(alert.innerText()).resolves.toBe('Het e-mailadres of het wachtwoord is niet juist.');
    }
    await signIn(page, email, 'wrong-5');
    await alert.filter({ hasText: 'minuten' }).waitFor();
    await expect(alert.innerText()).resolves.toBe('Het e-mailadres of het wachtwoord is niet juist. Probeer het opnieuw over 5 minuten.');

    // Even the right password waits: the lock is what the page says.
    await signIn(page, email);
    await alert.filter({ hasText: 'Te veel' }).waitFor();
    await expect(alert.innerText()).resolves.toBe('Te veel foute pogingen. Aanmelden kan even niet. Probeer het opnieuw over 5 minuten.');
    await page.locator('#language').selectOption('ar');
    await page.locator('html[lang="ar"]').waitFor();
    await expect(alert.innerText()).resolves.toBe('محاولات خاطئة كثيرة جدًا. لا يمكنك تسجيل الدخول لوقت قصير. حاول مرة أخرى بعد 5 دقائق.');
  });

  it.each([
    ['school', 'schoolcontact', '/school/sessions/'],
    ['host', 'host', '/host/sessions/'],
    ['coordinator', 'coordinator', '/coordinator/series/'],
  ])('%s: an unknown id shows "not found", not an error to retry', async (_role, user, path) => {
    const page = await web.newPage();
    await page.goto(`${path}${WELL_FORMED_UNKNOWN}`);
    await signIn(page, `${user}@test.oefenkansen.be`);
    await page.waitForURL((url) => url.pathname !== '/login');
    for (const id of [WELL_FORMED_UNKNOWN, 'not-an-id']) {
      await page.goto(`${path}${id}`);
      await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
      await expect(page.getByRole('button', { name: 'Opnieuw proberen' }).count()).resolves.toBe(0);
      await expect(page.locator('main').innerText()).resolves.toMatch(/bestaat niet/);
    }
  });
});
