import type { CapturedMail } from '@app/testing';
import { CREATE_SESSION, createWorld, sessionInput, World } from '../../api/test/fixtures';
import { dataOf, tableSnapshot } from '../../api/test/test-api';
import { MessageRig, startMessageRig } from './message-rig';

const NOW = '2026-09-01T08:00:00Z';
const BROADCAST = `mutation($i: BroadcastMessageInput!) { broadcastMessage(input: $i) { id emailCount } }`;
const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id participant { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelRegistration(id: $id) { status } }`;
const NOTIFICATIONS = `query($p: ID!) { notifications(filter: { participantId: $p }) { kind status lastError } }`;
const ADDRESS = 'fatima.unsubscribe@example.org';

/** The header's value, unfolded (RFC 5322 lets a long header go on over several lines). */
function header(mail: CapturedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1].trim();
}

/**
 * RFC 8058 over a real SMTP capture: a broadcast mail carries List-Unsubscribe with a one-click
 * POST and a visible link, a registration confirmation neither; the POST, without login or cookie,
 * opts the address out, after which broadcasts to it are not sent and transactional mail still is.
 */
describe('one-click unsubscribe from mail a reader can live without', () => {
  let rig: MessageRig;
  let world: World;
  beforeAll(async () => {
    rig = await startMessageRig(NOW);
    world = await createWorld(rig.api);
  });
  afterAll(() => rig?.close());

  const mailsTo = (kind: string) => rig.smtp.mails.filter((mail) => mail.to.includes(ADDRESS) && mail.dedupeKey.startsWith(`${kind}|`));
  const unsubscribe = (path: string, body = 'List-Unsubscribe=One-Click') =>
    fetch(`${rig.api.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

  it('headers and link on a broadcast only; the POST opts out; then broadcasts stop and transactional mail goes', async () => {
    const { api } = rig;
    const coordinator = world.tokens.coordinator;
    const sessionId = dataOf(
      await api.gql(CREATE_SESSION, { i: sessionInput(world, { startsAt: '2026-09-22T19:00:00+02:00', endsAt: '2026-09-22T20:30:00+02:00' }) }, coordinator),
    ).createSession.id;
    const registration = dataOf(
      await api.gql(
        REGISTER,
        {
          i: {
            sessionId,
            participant: { firstName: 'Fatima', email: ADDRESS, preferredLanguage: 'ar', contactChannel: 'EMAIL', consentToContact: true },
          },
        },
        coordinator,
      ),
    ).registerParticipant;
    const participantId = registration.participant.id;
    const broadcast = async (text: string, key: string) =>
      dataOf(await api.gql(BROADCAST, { i: { audience: { sessionId }, text, idempotencyKey: key } }, coordinator)).broadcastMessage;

    expect((await broadcast('Neem een pen mee.', 'unsubscribe-1')).emailCount).toBe(1);
    await rig.deliverDue();

    const [confirmation] = mailsTo('REGISTRATION_CONFIRMED');
    expect(confirmation).toBeDefined();
    expect([header(confirmation, 'List-Unsubscribe'), header(confirmation, 'List-Unsubscribe-Post')]).toEqual([undefined, undefined]);
    expect(confirmation.text).not.toContain('/u/');
    expect(confirmation.html).not.toContain('/u/');

    const [first] = mailsTo('BROADCAST');
    const list = header(first, 'List-Unsubscribe');
    expect(list).toMatch(/^<https?:\/\/[^>]+\/u\/[A-Za-z0-9_-]{40}\?lang=ar>$/);
    expect(header(first, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const url = list!.slice(1, -1);
    // The visible link, in Arabic, in the text (standing alone) and as an anchor in the HTML.
    expect(first.text).toContain(`إلغاء الاشتراك: ${url}`);
    expect(first.html).toContain(`<a href="${url.replace(/&/g, '&amp;')}"`);
    const path = new URL(url).pathname + new URL(url).search;

    // A forged or damaged token: a coded error, nothing written.
    const tables = ['mail_opt_out', 'notification'];
    const before = await tableSnapshot(api.dataSource, tables);
    const token = path.split('/')[2].split('?')[0];
    for (const forged of [`/u/${'A'.repeat(40)}`, `/u/${token.slice(0, 39)}${token[39] === 'A' ? 'B' : 'A'}`, '/u/short']) {
      const answer = await unsubscribe(forged);
      expect([forged, answer.status]).toEqual([forged, 400]);
      expect(((await answer.json()) as { errors: { extensions: { code: string; field: string } }[] }).errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'token',
      });
    }
    // Not the one-click body: refused as well.
    expect((await unsubscribe(path, 'hello=1')).status).toBe(400);
    expect(await tableSnapshot(api.dataSource, tables)).toEqual(before);

    // The mail client's one-click POST: no login, no cookie. Twice is the same as once.
    for (const round of [1, 2]) {
      const answer = await unsubscribe(path);
      expect([round, answer.status, answer.headers.get('set-cookie')]).toEqual([round, 200, null]);
      expect(await answer.json()).toEqual({ unsubscribed: true });
    }
    const optOuts = await rig.query<{ address_hash: string }>(`SELECT address_hash FROM mail_opt_out`);
    expect(optOuts).toHaveLength(1);
    // Only a hash is kept: neither the address nor the token.
    expect(optOuts[0].address_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(optOuts)).not.toContain(token);

    // The next broadcast is not sent to her; a transactional mail (her cancellation) is.
    await broadcast('Vandaag in lokaal 2.', 'unsubscribe-2');
    await rig.deliverDue();
    expect(mailsTo('BROADCAST')).toHaveLength(1);
    dataOf(await api.gql(CANCEL, { id: registration.id }, coordinator));
    await rig.deliverDue();
    expect(mailsTo('REGISTRATION_CANCELLED')).toHaveLength(1);
    expect(header(mailsTo('REGISTRATION_CANCELLED')[0], 'List-Unsubscribe')).toBeUndefined();

    // The messages desk shows why the broadcast stayed home.
    const rows = dataOf(await api.gql(NOTIFICATIONS, { p: participantId }, coordinator)).notifications as {
      kind: string;
      status: string;
      lastError: string | null;
    }[];
    expect(rows.filter((row) => row.kind === 'BROADCAST').map((row) => [row.status, row.lastError])).toEqual(
      expect.arrayContaining([
        ['SENT', null],
        ['CANCELLED', 'not sent: the address unsubscribed from mail of this kind'],
      ]),
    );
  });
});
