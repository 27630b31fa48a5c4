import type { Page } from 'playwright-core';
import { FIXTURE_PASSWORD } from '../../../api/test/fixtures';
import { dataOf, errorOf, tableSnapshot, TEST_ADMIN } from '../../../api/test/test-api';
import type { WebTest } from '../browser';
import { signIn } from '../browser';
import { BROWSER_NOW } from '../public-fixtures';
import { axeViolations, inviteLinkFrom, type MailCapture, signedInStaffPage, startMailCapture, startStaffWebTest } from './staff-helpers';

const COORDINATOR = { email: 'coordinator@test.oefenkansen.be', password: FIXTURE_PASSWORD };
const HOST = { email: 'gastvrouw@test.oefenkansen.be', password: FIXTURE_PASSWORD };
const LOGGED_IN_ONLY = `{ myShifts { id } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

/** People in production mode: invitations and password resets by real mail, deactivation, the user form's refusals. */
describe('staff area: people', () => {
  let web: WebTest;
  let mail: MailCapture;
  let schoolId: string;

  beforeAll(async () => {
    web = await startStaffWebTest(BROWSER_NOW);
    mail = await startMailCapture(web.api);
    const admin = await web.api.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const as = (query: string, variables: Record<string, unknown>) => web.api.gql(query, variables, admin).then(dataOf);
    schoolId = (
      await as('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }', { i: { name: 'Basisschool De Vlieger', kind: 'SCHOOL' } })
    ).createOrganisation.id;
    for (const [user, roles, name] of [
      [COORDINATOR, ['COORDINATOR'], 'Coördinator Kortrijk'],
      [HOST, ['HOST'], 'Gastvrouw Hilde'],
    ] as const) {
      await as('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { email: user.email, password: user.password, displayName: name, roles },
      });
    }
  });
  afterAll(async () => {
    await mail?.close();
    await web?.close();
  });

  const usersPage = async (): Promise<Page> => {
    const page = await signedInStaffPage(web, COORDINATOR);
    await page.goto('/staff/people/users');
    await page.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
    return page;
  };

  it('a coordinator invites a school contact; bad input and a taken address change nothing; the contact sets a password from the mail and is signed in', async () => {
    const page = await usersPage();
    await page.getByRole('cell', { name: 'Gastvrouw Hilde' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Uitnodigen per e-mail' }).click();
    const dialog = page.getByRole('dialog');
    const before = await tableSnapshot(web.api.dataSource, ['app_user', 'account_link', 'notification']);
    await dialog.getByLabel('E-mailadres').fill('geen-adres');
    await dialog.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await dialog.getByText('Vul een geldig e-mailadres in').waitFor();
    expect(await dialog.getByLabel('E-mailadres').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('Vul dit in.').waitFor();
    await dialog.getByText('Maak een keuze.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // A school contact needs a school: the field appears with the role, and is required.
    await dialog.getByText('Schoolcontact', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await dialog.getByRole('button', { name: /School of organisatie/ }).waitFor();
    expect(await dialog.getByText('Maak een keuze.').count()).toBe(1);
    expect(await tableSnapshot(web.api.dataSource, ['app_user', 'account_link', 'notification'])).toEqual(before);

    // The browser lets a taken address through; the API refuses it at the e-mail field, in Dutch, keeping what was typed.
    await dialog.getByLabel('E-mailadres').fill(HOST.email.toUpperCase());
    await dialog.getByLabel('Naam').fill('Juf Sarah');
    await dialog.getByRole('button', { name: /School of organisatie/ }).click();
    await page.getByRole('option', { name: 'Basisschool De Vlieger' }).click();
    await dialog.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await dialog.getByText('Er is al een account met dit e-mailadres.').waitFor();
    expect(await dialog.getByLabel('E-mailadres').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Naam').inputValue()).toBe('Juf Sarah');
    expect(await tableSnapshot(web.api.dataSource, ['app_user', 'account_link', 'notification'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByLabel('E-mailadres').fill('juf.sarah@vlieger.example.be');
    await dialog.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Juf Sarah is uitgenodigd.').waitFor();
    const row = page.locator('tr', { hasText: 'juf.sarah@vlieger.example.be' });
    await row.getByRole('cell', { name: 'Uitgenodigd, nog geen wachtwoord' }).waitFor();
    await row.getByRole('cell', { name: 'Basisschool De Vlieger' }).waitFor();
    const [created] = await web.api.dataSource.query<{ roles: string; organisation_id: string }[]>(
      `SELECT roles::text, organisation_id FROM app_user WHERE email = 'juf.sarah@vlieger.example.be'`,
    );
    expect(created).toEqual({ roles: '{SCHOOL_CONTACT}', organisation_id: schoolId });

    const invitation = await mail.mailTo('juf.sarah@vlieger.example.be', 'Je account bij Oefenkansen');
    const link = inviteLinkFrom(invitation);
    expect(link).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);

    const contact = await web.newPage();
    await contact.goto(link);
    await contact.getByRole('heading', { name: 'Kies je wachtwoord', level: 1 }).waitFor();
    await contact.getByText('Minstens 12 tekens.').waitFor();
    expect(await axeViolations(contact)).toEqual([]);
    await contact.getByLabel('Nieuw wachtwoord').fill('te kort');
    await contact.getByLabel('Herhaal het wachtwoord').fill('te kort');
    await contact.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await contact.getByText('Het wachtwoord is te kort.').waitFor();
    expect(await contact.getByLabel('Nieuw wachtwoord').getAttribute('aria-invalid')).toBe('true');
    await contact.getByLabel('Nieuw wachtwoord').fill('de vlieger vliegt hoog');
    await contact.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await contact.getByText('De twee wachtwoorden zijn niet hetzelfde.').waitFor();
    expect(await axeViolations(contact)).toEqual([]);
    await contact.getByLabel('Herhaal het wachtwoord').fill('de vlieger vliegt hoog');
    await contact.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await contact.waitForURL((url) => url.pathname === '/school');
    await contact.getByText('Aangemeld als Juf Sarah').waitFor();

    // The link worked once; the password works for logging in.
    const again = await web.newPage();
    await again.goto(link);
    await again.getByLabel('Nieuw wachtwoord').fill('nog een ander wachtwoord');
    await again.getByLabel('Herhaal het wachtwoord').fill('nog een ander wachtwoord');
    await again.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await again.getByText('Deze link werkt niet meer.').waitFor();
    await again.getByRole('link', { name: 'Vraag een nieuwe link' }).waitFor();
    expect(await axeViolations(again)).toEqual([]);
    const login = await web.newPage();
    await login.goto('/login');
    await signIn(login, 'juf.sarah@vlieger.example.be', 'de vlieger vliegt hoog');
    await login.waitForURL((url) => url.pathname === '/school');
    expect(web.pageErrors).toEqual([]);
  });

  it('resets a forgotten password end to end: login page, mail, new password; the old one and a second use of the link are refused', async () => {
    const page = await web.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { name: 'Wachtwoord vergeten', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-mailadres').fill(HOST.email);
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    await page.getByText('Als er een account is met dit e-mailadres').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const reset = await mail.mailTo(HOST.email, 'Kies een nieuw wachtwoord');
    const link = inviteLinkFrom(reset);
    expect(link).toMatch(/^\/reset-password\//);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Kies een nieuw wachtwoord', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Nieuw wachtwoord').fill('hilde haar nieuwe wachtwoord');
    await page.getByLabel('Herhaal het wachtwoord').fill('hilde haar nieuwe wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Je wachtwoord is veranderd.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Naar aanmelden' }).click();
    await signIn(page, HOST.email, 'hilde haar nieuwe wachtwoord');
    await page.waitForURL((url) => url.pathname === '/host');

    expect(errorOf(await web.api.gql(LOGIN, { e: HOST.email, p: HOST.password })).code).toBe('UNAUTHENTICATED');
    const second = await web.newPage();
    await second.goto(link);
    await second.getByLabel('Nieuw wachtwoord').fill('nog een derde wachtwoord');
    await second.getByLabel('Herhaal het wachtwoord').fill('nog een derde wachtwoord');
    await second.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await second.getByText('Deze link werkt niet meer.').waitFor();
    HOST.password = 'hilde haar nieuwe wachtwoord';
    expect(web.pageErrors).toEqual([]);
  });

  it('a coordinator deactivates a user after confirming: their token is refused at once, and their login; reactivating lets them back in', async () => {
    const hostToken = dataOf(await web.api.gql<{ login: { token: string } }>(LOGIN, { e: HOST.email, p: HOST.password })).login.token;
    expect(dataOf(await web.api.gql(LOGGED_IN_ONLY, {}, hostToken)).myShifts).toEqual([]);
    const page = await usersPage();
    const row = page.locator('tr', { hasText: HOST.email });
    await row.getByRole('button', { name: 'Uitschakelen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gastvrouw Hilde uitschakelen' });
    await dialog.getByText('Die persoon wordt meteen afgemeld').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Uitschakelen' }).click();
    await page.getByText('Gastvrouw Hilde is uitgeschakeld.').waitFor();
    // Nobody is offered to deactivate themself.
    await page.locator('tr', { hasText: COORDINATOR.email }).getByRole('button', { name: 'Wijzigen' }).waitFor();
    expect(await page.locator('tr', { hasText: COORDINATOR.email }).getByRole('button', { name: 'Uitschakelen' }).count()).toBe(0);

    expect(errorOf(await web.api.gql(LOGGED_IN_ONLY, {}, hostToken)).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await web.api.gql(LOGIN, { e: HOST.email, p: HOST.password })).code).toBe('UNAUTHENTICATED');
    // Gone from the list, back with the deactivated ones shown.
    await page.locator('tr', { hasText: HOST.email }).waitFor({ state: 'detached' });
    await page.getByText('Toon ook uitgeschakelde gebruikers').click();
    await row.getByRole('cell', { name: 'Uitgeschakeld' }).waitFor();
    await row.getByRole('button', { name: 'Weer inschakelen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Weer inschakelen' }).click();
    await page.getByText('Gastvrouw Hilde is weer ingeschakeld.').waitFor();
    expect(dataOf(await web.api.gql(LOGIN, { e: HOST.email, p: HOST.password })).login.token).toEqual(expect.any(String));
    expect(errorOf(await web.api.gql(LOGGED_IN_ONLY, {}, hostToken)).code).toBe('UNAUTHENTICATED');
    expect(web.pageErrors).toEqual([]);
  });

  it('edits roles and scope, filters by role, and refuses an empty name next to the field, changing nothing', async () => {
    const page = await usersPage();
    await page.getByLabel('Rol', { exact: true }).selectOption('SCHOOL_CONTACT');
    await page.locator('tr', { hasText: HOST.email }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Juf Sarah' }).waitFor();
    await page.getByLabel('Rol', { exact: true }).selectOption('');
    const row = page.locator('tr', { hasText: HOST.email });
    await row.getByRole('button', { name: 'Wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gastvrouw Hilde wijzigen' });
    const before = await tableSnapshot(web.api.dataSource, ['app_user']);
    await dialog.getByLabel('Naam').fill('');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul dit in.').waitFor();
    expect(await dialog.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(await tableSnapshot(web.api.dataSource, ['app_user'])).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Naam').fill('Hilde Vandenberghe');
    await dialog.getByText('Vrijwilliger', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await row.getByRole('cell', { name: 'Begeleider, Vrijwilliger' }).waitFor();
    const [changed] = await web.api.dataSource.query<{ display_name: string; roles: string }[]>(
      `SELECT display_name, roles::text FROM app_user WHERE email = $1`,
      [HOST.email],
    );
    expect(changed).toEqual({ display_name: 'Hilde Vandenberghe', roles: '{HOST,VOLUNTEER}' });
    expect(web.pageErrors).toEqual([]);
  });

  it('a signed-in user changes their own password on /account: a wrong current one is refused at its field, changing nothing; this tab stays signed in, older tokens die', async () => {
    const otherDevice = dataOf(await web.api.gql<{ login: { token: string } }>(LOGIN, { e: HOST.email, p: HOST.password })).login.token;
    const page = await web.newPage();
    await page.goto('/login');
    await signIn(page, HOST.email, HOST.password);
    await page.waitForURL((url) => url.pathname === '/host');
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await page.getByRole('heading', { name: 'Wachtwoord veranderen', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const before = await tableSnapshot(web.api.dataSource, ['app_user']);
    await page.getByLabel('Huidig wachtwoord').fill('niet mijn wachtwoord');
    await page.getByLabel('Nieuw wachtwoord').fill('een gloednieuw wachtwoord');
    await page.getByLabel('Herhaal het wachtwoord').fill('een gloednieuw wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    const current = page.getByLabel('Huidig wachtwoord');
    await page.locator('#current-password-error', { hasText: 'Je huidige wachtwoord is niet juist.' }).waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await current.fill(HOST.password);
    await page.getByLabel('Nieuw wachtwoord').fill(HOST.password);
    await page.getByLabel('Herhaal het wachtwoord').fill(HOST.password);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.locator('#new-password-error', { hasText: 'Kies een ander wachtwoord dan je huidige.' }).waitFor();
    // The wrong try counted towards the lockout, nothing else changed.
    const after = await tableSnapshot(web.api.dataSource, ['app_user']);
    expect(after).toEqual(before);

    await page.getByLabel('Nieuw wachtwoord').fill('een gloednieuw wachtwoord');
    await page.getByLabel('Herhaal het wachtwoord').fill('een gloednieuw wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Je wachtwoord is veranderd. Je blijft aangemeld.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // This tab carries the fresh token: its pages still load; the other device's token is refused.
    await page
      .getByRole('navigation', { name: /^Aangemeld als/ })
      .getByRole('link', { name: 'Mijn sessies' })
      .click();
    await page.waitForURL((url) => url.pathname === '/host');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(errorOf(await web.api.gql(LOGGED_IN_ONLY, {}, otherDevice)).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await web.api.gql(LOGIN, { e: HOST.email, p: HOST.password })).code).toBe('UNAUTHENTICATED');
    expect(dataOf(await web.api.gql<{ login: { token: string } }>(LOGIN, { e: HOST.email, p: 'een gloednieuw wachtwoord' })).login.token).toEqual(
      expect.any(String),
    );
    expect(web.pageErrors).toEqual([]);
  });
});
