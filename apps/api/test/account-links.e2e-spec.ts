import { CapturedMail } from '@app/testing';
import { MessageRig, startMessageRig } from '../../worker/test/message-rig';
import { createWorld, FIXTURE_PASSWORD, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot } from './test-api';

const NOW = '2026-09-01T08:00:00Z';
const INVITE = `mutation($i: InviteUserInput!) { inviteUser(input: $i) { id email active invitationPending } }`;
const ACCEPT = `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { token user { id email } } }`;
const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }`;
const LOGGED_IN_ONLY = `{ myShifts { id } }`;

/** The token of the one-time link in a captured mail, and the page it opens. */
function linkIn(mail: CapturedMail): { page: string; token: string } {
  const match = /https?:\/\/[^\s"<>]+\/(invitation|reset-password)\/([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match) throw new Error(`no one-time link in the mail "${mail.subject}"`);
  return { page: match[1], token: match[2] };
}

describe('invitations, password reset and deactivation (API + worker + SMTP)', () => {
  let rig: MessageRig;
  let world: World;
  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string | null) => rig.api.gql(query, variables, token);
  const mailsTo = (address: string) => rig.smtp.mails.filter((mail) => mail.to.includes(address));

  beforeAll(async () => {
    rig = await startMessageRig(NOW, { PUBLIC_BASE_URL: 'https://oefenkansen.example.be/' });
    world = await createWorld(rig.api);
  });
  afterAll(() => rig?.close());

  it('a coordinator invites a school contact; the mail links to /invitation/<token>, which sets the password once and logs in', async () => {
    const email = 'juf.sarah@vlieger.example.be';
    const invited = dataOf(
      await gql(
        INVITE,
        { i: { email, displayName: 'Juf Sarah', roles: ['SCHOOL_CONTACT'], organisationId: world.schoolId, preferredLanguage: 'fr' } },
        world.tokens.coordinator,
      ),
    ).inviteUser;
    expect(invited).toMatchObject({ email, active: true, invitationPending: true });
    // No password yet: nobody logs in with anything.
    expect(errorOf(await gql(`mutation { login(email: "${email}", password: "${FIXTURE_PASSWORD}") { token } }`)).code).toBe('UNAUTHENTICATED');
    const [link] = await rig.query<{ token_hash: string; expires_at: Date }>(`SELECT token_hash, expires_at FROM account_link WHERE user_id = $1`, [
      invited.id,
    ]);
    expect(new Date(link.expires_at).getTime() - new Date(NOW).getTime()).toBe(72 * 3_600_000);

    await rig.deliverDue();
    const [mail] = mailsTo(email);
    expect(mail.subject).toBe('Votre compte chez Oefenkansen');
    const { page, token } = linkIn(mail);
    expect(page).toBe('invitation');
    expect(mail.text).toContain(`https://oefenkansen.example.be/invitation/${token}`);
    expect(mail.html).toContain(`href="https://oefenkansen.example.be/invitation/${token}"`);
    // Only the hash is stored, and the outbox row forgets the token once sent.
    expect(link.token_hash).not.toContain(token);
    const payloads = await rig.query<{ payload: Record<string, unknown> }>(`SELECT payload FROM notification WHERE user_id = $1`, [invited.id]);
    expect(payloads.map((row) => row.payload.token)).toEqual([undefined]);

    // A refused password leaves the link usable.
    const short = errorOf(await gql(ACCEPT, { t: token, p: 'kort' }));
    expect([short.code, short.extensions.field]).toEqual(['BAD_USER_INPUT', 'password']);
    const accepted = dataOf(await gql(ACCEPT, { t: token, p: 'een-goed-wachtwoord' })).acceptInvitation;
    expect(accepted.user.email).toBe(email);
    expect(dataOf(await gql('{ me { email } }', {}, accepted.token)).me).toEqual({ email });
    expect(dataOf(await gql(`{ users(search: "juf.sarah") { invitationPending } }`, {}, world.tokens.coordinator)).users).toEqual([
      { invitationPending: false },
    ]);
    const again = errorOf(await gql(ACCEPT, { t: token, p: 'nog-een-wachtwoord' }));
    expect([again.code, again.extensions.field]).toEqual(['BAD_USER_INPUT', 'token']);
    await expect(rig.api.login(email, 'een-goed-wachtwoord')).resolves.toEqual(expect.any(String));
  });

  it('refuses an invitation link after 72 hours, and a resent invitation kills the older link', async () => {
    const email = 'laat@example.be';
    const invited = dataOf(await gql(INVITE, { i: { email, displayName: 'Laat', roles: ['HOST'] } }, world.tokens.coordinator)).inviteUser;
    await rig.deliverDue();
    const first = linkIn(mailsTo(email)[0]).token;
    dataOf(await gql(`mutation($id: ID!) { resendInvitation(id: $id) { id } }`, { id: invited.id }, world.tokens.coordinator));
    await rig.deliverDue();
    const second = linkIn(mailsTo(email)[1]).token;
    expect(errorOf(await gql(ACCEPT, { t: first, p: 'een-goed-wachtwoord' })).extensions.field).toBe('token');
    rig.setNow('2026-09-04T08:00:01Z');
    try {
      expect(errorOf(await gql(ACCEPT, { t: second, p: 'een-goed-wachtwoord' })).extensions.field).toBe('token');
      expect(errorOf(await gql(ACCEPT, { t: 'x'.repeat(43), p: 'een-goed-wachtwoord' })).extensions.field).toBe('token');
    } finally {
      rig.setNow(NOW);
    }
  });

  it('refuses a duplicate address at the e-mail field and an ADMIN invited by a coordinator, changing nothing', async () => {
    const before = await tableSnapshot(rig.api.dataSource, ['app_user', 'account_link', 'notification']);
    const duplicate = errorOf(
      await gql(INVITE, { i: { email: 'HOST@test.oefenkansen.be', displayName: 'Dubbel', roles: ['HOST'] } }, world.tokens.coordinator),
    );
    expect([duplicate.code, duplicate.extensions.field]).toEqual(['CONFLICT', 'email']);
    expect(errorOf(await gql(INVITE, { i: { email: 'baas@example.be', displayName: 'Baas', roles: ['ADMIN'] } }, world.tokens.coordinator)).code).toBe(
      'FORBIDDEN',
    );
    const unscoped = errorOf(
      await gql(INVITE, { i: { email: 'zonder@example.be', displayName: 'Zonder school', roles: ['SCHOOL_CONTACT'] } }, world.tokens.coordinator),
    );
    expect([unscoped.code, unscoped.extensions.field]).toEqual(['BAD_USER_INPUT', 'organisationId']);
    expect(await tableSnapshot(rig.api.dataSource, ['app_user', 'account_link', 'notification'])).toEqual(before);
  });

  it('resets a forgotten password by mail: same answer for unknown addresses, the link works once, every older token and link dies', async () => {
    const email = 'volunteer@test.oefenkansen.be';
    const before = await tableSnapshot(rig.api.dataSource, ['account_link', 'notification']);
    expect(dataOf(await gql(REQUEST_RESET, { e: 'niemand@example.be' })).requestPasswordReset).toBe(true);
    expect(await tableSnapshot(rig.api.dataSource, ['account_link', 'notification'])).toEqual(before);

    expect(dataOf(await gql(REQUEST_RESET, { e: ' Volunteer@Test.Oefenkansen.be ' })).requestPasswordReset).toBe(true);
    expect(dataOf(await gql(REQUEST_RESET, { e: email })).requestPasswordReset).toBe(true);
    await rig.deliverDue();
    const mails = mailsTo(email);
    // The first link died when the second was made: its mail was never sent.
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Kies een nieuw wachtwoord');
    const { page, token } = linkIn(mails[0]);
    expect(page).toBe('reset-password');

    expect(dataOf(await gql(RESET, { t: token, p: 'mijn-nieuw-wachtwoord' })).resetPassword).toBe(true);
    expect(errorOf(await gql(LOGGED_IN_ONLY, {}, world.tokens.volunteer)).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await gql(`mutation { login(email: "${email}", password: "${FIXTURE_PASSWORD}") { token } }`)).code).toBe('UNAUTHENTICATED');
    world.tokens.volunteer = await rig.api.login(email, 'mijn-nieuw-wachtwoord');
    const again = errorOf(await gql(RESET, { t: token, p: 'nog-een-ander-wachtwoord' }));
    expect([again.code, again.extensions.field]).toEqual(['BAD_USER_INPUT', 'token']);
  });

  it('deactivating a user refuses their token at once and their login; reactivating lets them log in again', async () => {
    const hostToken = world.tokens.host;
    expect(dataOf(await gql(LOGGED_IN_ONLY, {}, hostToken)).myShifts).toEqual([]);
    const off = dataOf(await gql(`mutation($id: ID!) { deactivateUser(id: $id) { active } }`, { id: world.userIds.host }, world.tokens.coordinator));
    expect(off.deactivateUser.active).toBe(false);
    expect(errorOf(await gql(LOGGED_IN_ONLY, {}, hostToken)).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await gql(`mutation { login(email: "host@test.oefenkansen.be", password: "${FIXTURE_PASSWORD}") { token } }`)).code).toBe('UNAUTHENTICATED');
    // Nor can they ask for a reset link while deactivated.
    const before = await tableSnapshot(rig.api.dataSource, ['account_link']);
    dataOf(await gql(REQUEST_RESET, { e: 'host@test.oefenkansen.be' }));
    expect(await tableSnapshot(rig.api.dataSource, ['account_link'])).toEqual(before);

    const listed = dataOf(await gql(`{ users(search: "host", includeInactive: true) { email active } }`, {}, world.tokens.coordinator)).users;
    expect(listed).toEqual(expect.arrayContaining([{ email: 'host@test.oefenkansen.be', active: false }]));
    expect(dataOf(await gql(`{ users(search: "host") { email } }`, {}, world.tokens.coordinator)).users.map((u: { email: string }) => u.email)).not.toContain(
      'host@test.oefenkansen.be',
    );
    dataOf(await gql(`mutation($id: ID!) { reactivateUser(id: $id) { active } }`, { id: world.userIds.host }, world.tokens.coordinator));
    world.tokens.host = await rig.api.login('host@test.oefenkansen.be', FIXTURE_PASSWORD);
    expect(errorOf(await gql(LOGGED_IN_ONLY, {}, hostToken)).code).toBe('UNAUTHENTICATED');
  });

  it('lists users by role, changes role and scope, and keeps ADMIN accounts to admins', async () => {
    const schoolContacts = dataOf(await gql(`{ users(role: SCHOOL_CONTACT) { email organisation { id } } }`, {}, world.tokens.coordinator)).users;
    expect(schoolContacts.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining(['schoolcontact@test.oefenkansen.be']));
    const UPDATE = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { roles organisation { id } preferredLanguage } }`;
    const moved = dataOf(
      await gql(
        UPDATE,
        {
          id: world.userIds.otherSchoolContact,
          i: { displayName: 'Meester Jan', roles: ['SCHOOL_CONTACT', 'HOST'], organisationId: world.schoolId, preferredLanguage: 'tr' },
        },
        world.tokens.coordinator,
      ),
    ).updateUser;
    expect(moved).toEqual({ roles: ['SCHOOL_CONTACT', 'HOST'], organisation: { id: world.schoolId }, preferredLanguage: 'tr' });
    const wrongKind = errorOf(
      await gql(
        UPDATE,
        {
          id: world.userIds.otherSchoolContact,
          i: { displayName: 'Meester Jan', roles: ['SCHOOL_CONTACT'], organisationId: world.centreId, preferredLanguage: 'nl' },
        },
        world.tokens.coordinator,
      ),
    );
    expect([wrongKind.code, wrongKind.extensions.field]).toEqual(['BAD_USER_INPUT', 'organisationId']);
    const promote = errorOf(
      await gql(UPDATE, { id: world.userIds.host, i: { displayName: 'host', roles: ['ADMIN'], preferredLanguage: 'nl' } }, world.tokens.coordinator),
    );
    expect(promote.code).toBe('FORBIDDEN');
    expect(errorOf(await gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: world.userIds.admin }, world.tokens.coordinator)).code).toBe(
      'FORBIDDEN',
    );
    const self = errorOf(await gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: world.userIds.admin }, world.tokens.admin));
    expect([self.code, self.extensions.field]).toEqual(['BAD_USER_INPUT', 'id']);
    expect(errorOf(await gql(`{ users { id } }`, {}, world.tokens.host)).code).toBe('FORBIDDEN');
  });
});

describe('requestPasswordReset is rate limited like login', () => {
  it('counts against the per-address login limit, then refuses with TOO_MANY_REQUESTS and writes nothing', async () => {
    const api = await startTestApi({ env: { RATE_LIMIT_LOGIN_PER_ACCOUNT: '3' } });
    try {
      const email = `te-vaak-${Date.now()}@example.be`;
      for (let attempt = 0; attempt < 3; attempt += 1) expect(dataOf(await api.gql(REQUEST_RESET, { e: email })).requestPasswordReset).toBe(true);
      const before = await tableSnapshot(api.dataSource, ['account_link', 'notification']);
      const refused = errorOf(await api.gql(REQUEST_RESET, { e: email }));
      expect(refused.code).toBe('TOO_MANY_REQUESTS');
      expect(refused.extensions.retryAfter).toEqual(expect.any(Number));
      expect(await tableSnapshot(api.dataSource, ['account_link', 'notification'])).toEqual(before);
    } finally {
      await api.close();
    }
  });
});
