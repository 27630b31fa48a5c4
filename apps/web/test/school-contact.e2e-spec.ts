import { CREATE_SESSION, createWorld, FIXTURE_PASSWORD, type World } from '../../api/test/fixtures';
import { CONFIRM_CODE, codeSentFor, REQUEST_CODE } from '../../api/test/self-registration-fixtures';
import { dataOf, errorOf } from '../../api/test/test-api';
import { signIn, startWebTest, type WebTest } from './browser';
import { runAxe, unlabelledFields } from './page-checks';
import { BROWSER_NOW } from './public-fixtures';

const REGISTER = 'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status } }';
const viaSchool = (firstName: string, lastName: string | null = null) => ({
  firstName,
  lastName,
  preferredLanguage: 'ar',
  contactChannel: 'VIA_ORGANISATION',
  consentToContact: false,
});

/** A school contact in the browser: their school's dates, searching and registering parents, the waiting list. */
describe('school contact pages', () => {
  let web: WebTest;
  let world: World;
  let fullSessionId: string;
  let nextWeekId: string;

  beforeAll(async () => {
    web = await startWebTest({ now: BROWSER_NOW });
    world = await createWorld(web.api);
    const admin = world.tokens.admin;
    const session = async (venueId: string, title: string, startsAt: string, endsAt: string, capacity: number) =>
      dataOf(
        await web.api.gql<{ createSession: { id: string } }>(
          CREATE_SESSION,
          { i: { programmeId: world.schoolbabbelId, venueId, title, startsAt, endsAt, capacity } },
          admin,
        ),
      ).createSession.id;
    fullSessionId = await session(world.schoolVenueId, 'Schoolbabbel De Vlieger', '2026-09-10T08:45:00+02:00', '2026-09-10T10:15:00+02:00', 1);
    nextWeekId = await session(world.schoolVenueId, 'Schoolbabbel De Vlieger', '2026-09-17T08:45:00+02:00', '2026-09-17T10:15:00+02:00', 12);
    await session(world.otherSchoolVenueId, 'Schoolbabbel Sint-Jan', '2026-09-15T08:45:00+02:00', '2026-09-15T10:15:00+02:00', 12);
    // Fatima takes the only seat of the 10th; Mohamed is a parent the school registered before.
    const contact = world.tokens.schoolContact;
    dataOf(await web.api.gql(REGISTER, { i: { sessionId: fullSessionId, participant: viaSchool('Fatima', 'Haidari') } }, contact));
    dataOf(await web.api.gql(REGISTER, { i: { sessionId: nextWeekId, participant: viaSchool('Mohamed', 'El Amrani') } }, contact));
    // On the 17th too: a parent of Sint-Jan, registered by a coordinator, and a newcomer who signed up by SMS code.
    const sintJan = await session(world.otherSchoolVenueId, 'Schoolbabbel Sint-Jan', '2026-09-22T08:45:00+02:00', '2026-09-22T10:15:00+02:00', 12);
    const bilal = dataOf(
      await web.api.gql<{ registerParticipant: { id: string } }>(
        'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id participant { id } } }',
        {
          i: {
            sessionId: sintJan,
            participant: {
              firstName: 'Bilal',
              lastName: 'Bakkali',
              phone: '0470 55 10 01',
              preferredLanguage: 'ar',
              contactChannel: 'SMS',
              consentToContact: true,
            },
          },
        },
        world.tokens.otherSchoolContact,
      ),
    ).registerParticipant as unknown as { participant: { id: string } };
    dataOf(await web.api.gql(REGISTER, { i: { sessionId: nextWeekId, participantId: bilal.participant.id } }, admin));
    const requested = dataOf(
      await web.api.gql<{ requestRegistrationCode: { requestId: string } }>(
        REQUEST_CODE,
        { i: { sessionId: nextWeekId, firstName: 'Oksana', phone: '0470 55 10 02', preferredLanguage: 'uk' } },
        null,
      ),
    ).requestRegistrationCode;
    dataOf(await web.api.gql(CONFIRM_CODE, { r: requested.requestId, c: await codeSentFor(web.api, requested.requestId) }, null));
  });

  afterAll(async () => {
    await web?.close();
  });

  afterEach(() => {
    expect(web.pageErrors).toEqual([]);
  });

  it('a school contact registers a parent for a full session and sees the waiting position', async () => {
    const page = await web.newPage();
    /** The message after a registration reads exactly this (waiting for it: an earlier one may linger a moment). */
    const expectOutcome = async (expected: string) => {
      const notice = page.getByRole('status').locator('.notice').filter({ hasText: expected });
      await notice.waitFor({ timeout: 10_000 });
      expect(await notice.innerText()).toBe(expected);
    };
    await page.goto('/school');
    // Not signed in: to the login page, and back to /school afterwards.
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(new URL(page.url()).search).toBe('?next=%2Fschool');
    await signIn(page, 'schoolcontact@test.oefenkansen.be', 'not-the-password');
    await expect(page.getByRole('alert').innerText()).resolves.toBe('Het e-mailadres of het wachtwoord is niet juist.');
    await page.getByLabel('Wachtwoord').fill(FIXTURE_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    await page.getByRole('heading', { level: 1, name: 'Schoolbabbel in Basisschool De Vlieger' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/school');
    await expect(page.getByText('Aangemeld als schoolContact').isVisible()).resolves.toBe(true);
    // Only this school's dates (not Sint-Jan's), in order, with their seats.
    const dates = page.locator('.session-card');
    await dates.first().waitFor();
    expect(await dates.locator('h2').allInnerTexts()).toEqual(['donderdag 10 september, 08:45–10:15', 'donderdag 17 september, 08:45–10:15']);
    await expect(dates.first().locator('.seats').innerText()).resolves.toBe('Volzet');
    await web.screenshot(page, 'school-dates');

    await page.getByRole('link', { name: 'donderdag 10 september, 08:45–10:15' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schoolbabbel De Vlieger' }).waitFor();
    await expect(page.locator('#seated').innerText()).resolves.toBe('Fatima Haidari');
    await expect(page.locator('section[aria-labelledby="waiting-heading"]').innerText()).resolves.toContain('Nog niemand.');

    // Search first: the school's known parent, one click.
    await page.getByLabel('Zoek de ouder: naam of telefoon').fill('moh');
    await page.getByRole('button', { name: 'Mohamed El Amrani inschrijven' }).click();
    await expectOutcome('De datum is volzet. Mohamed El Amrani staat op de wachtlijst, nummer 1.');
    await page.locator('#waiting li').first().waitFor();
    expect(await page.locator('#waiting li').allInnerTexts()).toEqual(['Mohamed El Amrani (nummer 1)']);

    // A new parent, reached through the school: first name and language are enough.
    await page.getByLabel('Zoek de ouder: naam of telefoon').fill('Amina');
    await page.getByText('Niemand gevonden.', { exact: false }).waitFor();
    await page.getByLabel('Voornaam').fill('Amina');
    await page.getByLabel('Taal van de ouder').selectOption('ar');
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await expectOutcome('De datum is volzet. Amina staat op de wachtlijst, nummer 2.');
    await page.locator('#waiting li').nth(1).waitFor();
    expect(await page.locator('#waiting li').allInnerTexts()).toEqual(['Mohamed El Amrani (nummer 1)', 'Amina (nummer 2)']);
    expect(await unlabelledFields(page)).toEqual([]);
    expect((await runAxe(page)).violations).toEqual([]);
    await web.screenshot(page, 'school-session');

    // Still signed in after a reload (the token is kept for this tab), and the list is the same.
    await page.reload();
    await page.locator('#waiting li').nth(1).waitFor();
    expect(await page.locator('#waiting li').allInnerTexts()).toEqual(['Mohamed El Amrani (nummer 1)', 'Amina (nummer 2)']);

    // The attendance list: the button opens the browser's print dialog; printed, only the seated
    // parents and the waiting list remain (no header, no form), each seated name with a box to tick.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Aanwezigheidslijst afdrukken' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByLabel('Zoek de ouder: naam of telefoon').isVisible()).toBe(false);
    expect(await page.locator('#seated li').allInnerTexts()).toEqual(['Fatima Haidari']);
    expect(
      await page
        .locator('#seated li')
        .first()
        .evaluate((li) => getComputedStyle(li, '::before').content),
    ).toBe('"\u2610 "');
    await web.screenshot(page, 'school-attendance-print');
    await page.emulateMedia({ media: 'screen' });

    // The same parent twice is refused with a clear message.
    await page.getByLabel('Zoek de ouder: naam of telefoon').fill('El Amrani');
    await page.getByRole('button', { name: 'Mohamed El Amrani inschrijven' }).click();
    await expectOutcome('Mohamed El Amrani is al ingeschreven voor deze datum.');

    // What the browser showed is what the API holds.
    const session = dataOf(
      await web.api.gql<{
        session: {
          registrations: {
            status: string;
            waitlistPosition: number | null;
            participant: { firstName: string; preferredLanguage: string; contactChannel: string };
          }[];
        };
      }>(
        'query($id: ID!) { session(id: $id) { registrations { status waitlistPosition participant { firstName preferredLanguage contactChannel } } } }',
        { id: fullSessionId },
        world.tokens.admin,
      ),
    ).session;
    expect(session.registrations).toEqual([
      { status: 'CONFIRMED', waitlistPosition: null, participant: { firstName: 'Fatima', preferredLanguage: 'ar', contactChannel: 'VIA_ORGANISATION' } },
      { status: 'WAITLISTED', waitlistPosition: 1, participant: { firstName: 'Mohamed', preferredLanguage: 'ar', contactChannel: 'VIA_ORGANISATION' } },
      { status: 'WAITLISTED', waitlistPosition: 2, participant: { firstName: 'Amina', preferredLanguage: 'ar', contactChannel: 'VIA_ORGANISATION' } },
    ]);

    // Signing out forgets the token on this tab and has the API revoke it.
    const { token } = JSON.parse((await page.evaluate(() => sessionStorage.getItem('oefenkansen.signedIn')))!) as { token: string };
    expect(dataOf(await web.api.gql<{ me: { id: string } }>('{ me { id } }', {}, token)).me.id).toBe(world.userIds.schoolContact);
    const loggedOut = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('mutation Logout'),
    );
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nederlands oefenen in Kortrijk' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('oefenkansen.signedIn'))).toBeNull();
    expect(await (await loggedOut).json()).toEqual({ data: { logout: true } });
    // The revoked token counts as no login at all.
    expect(dataOf(await web.api.gql('{ me { id } }', {}, token)).me).toBeNull();
    expect(errorOf(await web.api.gql('{ mySessions { totalCount } }', {}, token)).code).toBe('UNAUTHENTICATED');
    await page.goto('/school');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  });

  it("lists everyone's first name for the school's date, but the contact details only of its own parents", async () => {
    const page = await web.newPage();
    await page.goto('/login?next=%2Fschool');
    await signIn(page, 'schoolcontact@test.oefenkansen.be');
    await page.getByRole('link', { name: 'donderdag 17 september, 08:45–10:15' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schoolbabbel De Vlieger' }).waitFor();
    await page.locator('#seated li').nth(2).waitFor();
    expect(await page.locator('#seated li').allInnerTexts()).toEqual(['Mohamed El Amrani', 'Bilal', 'Oksana']);
    const shown = await page.locator('main').innerText();
    expect(shown).not.toContain('Bakkali');
    expect(shown).not.toContain('55 10');
  });

  it('other roles are told the page is not theirs', async () => {
    const page = await web.newPage();
    await page.goto('/login?next=%2Fschool');
    await signIn(page, 'host@test.oefenkansen.be');
    await page.getByText('Deze pagina is voor de contactpersoon van een school.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/school');
  });
});
