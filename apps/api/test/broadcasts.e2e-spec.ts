import { MESSAGE_KINDS, SUPPORTED_MESSAGE_LANGUAGES } from '@app/messaging';
import { BOOK_STAND, bookingInput, createFestival } from './festival-fixtures';
import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';

const NOW = new Date('2026-09-01T08:00:00Z');
const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id participant { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelRegistration(id: $id) { id } }`;
const SEND = `mutation($i: BroadcastMessageInput!) { broadcastMessage(input: $i) { id audienceKind audienceTitle smsCount emailCount text translations { language text } author { id } } }`;
const PLAN = `query($i: BroadcastDraftInput!) { broadcastPlan(input: $i) { audienceTitle reached unreachable groups { channel language readers translated smsSegments } } }`;
const LIST = `{ broadcasts { id audienceTitle } }`;
const PREVIEW = `query($k: String!, $l: String!, $c: NotificationChannel!) { messagePreview(kind: $k, language: $l, channel: $c) { language direction subject text sms smsSegments smsEncoding } }`;
const TABLES = ['notification', 'broadcast'];

/** broadcastMessage, broadcastPlan, broadcasts and messagePreview through the API. */
describe('broadcasts', () => {
  let api: TestApi;
  let world: World;
  let editionId: string;
  const sessions: string[] = [];
  const participants: Record<string, string> = {};
  let keys = 0;
  const key = () => `test-key-${(keys += 1)}`;
  const as = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, world.tokens.coordinator);
  const rowsOf = (broadcastId: string) =>
    api.dataSource.query<{ channel: string; language: string; participant_id: string | null; user_id: string | null }[]>(
      `SELECT channel, language, participant_id, user_id FROM notification WHERE kind = 'BROADCAST' AND payload->>'broadcastId' = $1 ORDER BY channel, language`,
      [broadcastId],
    );

  beforeAll(async () => {
    api = await startTestApi({ now: NOW });
    world = await createWorld(api);
    for (const day of ['08', '15']) {
      const input = sessionInput(world, { startsAt: `2026-09-${day}T19:00:00+02:00`, endsAt: `2026-09-${day}T20:30:00+02:00`, title: 'Praattafel Overleie' });
      sessions.push(dataOf(await as(CREATE_SESSION, { i: input })).createSession.id);
    }
    const people = [
      { firstName: 'Sms', phone: '0470 30 00 01', preferredLanguage: 'nl', contactChannel: 'SMS', consentToContact: true },
      { firstName: 'Mail', email: 'mail.broadcast@example.org', preferredLanguage: 'ar', contactChannel: 'EMAIL', consentToContact: true },
      { firstName: 'School', preferredLanguage: 'uk', contactChannel: 'VIA_ORGANISATION', consentToContact: true },
      { firstName: 'Weg', phone: '0470 30 00 02', preferredLanguage: 'tr', contactChannel: 'SMS', consentToContact: true },
    ];
    for (const participant of people) {
      const first = dataOf(await as(REGISTER, { i: { sessionId: sessions[0], participant } })).registerParticipant;
      participants[participant.firstName] = first.participant.id;
      const second = dataOf(await as(REGISTER, { i: { sessionId: sessions[1], participantId: first.participant.id } })).registerParticipant;
      // "Weg" cancelled both places: no longer part of the audience.
      if (participant.firstName === 'Weg') for (const id of [first.id, second.id]) dataOf(await as(CANCEL, { id }));
    }
    const festival = await createFestival(api, world);
    editionId = festival.editionId;
    dataOf(await api.gql(BOOK_STAND, { i: bookingInput(festival, world, 'A1', '11:00', '15:00') }, world.tokens.organiser));
  });
  afterAll(() => api?.close());

  it('reaches each participant of a programme once, in their channel and language, whatever the number of their sessions', async () => {
    const draft = { audience: { programmeId: world.praattafelId }, text: 'Neem een pen mee.', translations: [{ language: 'uk', text: 'Візьміть ручку.' }] };
    const plan = dataOf(await as(PLAN, { i: draft })).broadcastPlan;
    expect(plan).toEqual({
      audienceTitle: 'Praattafel',
      reached: 2,
      unreachable: 1,
      groups: expect.arrayContaining([
        { channel: 'SMS', language: 'nl', readers: 1, translated: true, smsSegments: 1 },
        { channel: 'EMAIL', language: 'ar', readers: 1, translated: false, smsSegments: null },
      ]),
    });
    const sent = dataOf(await as(SEND, { i: { ...draft, idempotencyKey: key() } })).broadcastMessage;
    expect(sent).toMatchObject({
      audienceKind: 'PROGRAMME',
      audienceTitle: 'Praattafel',
      smsCount: 1,
      emailCount: 1,
      author: { id: world.userIds.coordinator },
    });
    expect(await rowsOf(sent.id)).toEqual([
      { channel: 'EMAIL', language: 'ar', participant_id: participants.Mail, user_id: null },
      { channel: 'SMS', language: 'nl', participant_id: participants.Sms, user_id: null },
    ]);
    expect(dataOf(await as(LIST, {})).broadcasts[0]).toEqual({ id: sent.id, audienceTitle: 'Praattafel' });
  });

  it("reaches a festival edition's organisers by e-mail", async () => {
    const sent = dataOf(
      await as(SEND, { i: { audience: { festivalEditionId: editionId }, text: 'De opbouw begint om 9 uur.', idempotencyKey: key() } }),
    ).broadcastMessage;
    expect(sent).toMatchObject({ audienceKind: 'FESTIVAL_EDITION', audienceTitle: 'KortRIJK aan Culturen 2027', smsCount: 0, emailCount: 1 });
    expect(await rowsOf(sent.id)).toEqual([{ channel: 'EMAIL', language: 'nl', participant_id: null, user_id: world.userIds.organiser }]);
  });

  it('writes nothing new for the same idempotency key, and a new broadcast for a new one', async () => {
    const input = { audience: { sessionId: sessions[0] }, text: 'Vandaag in lokaal 2.', idempotencyKey: key() };
    const first = dataOf(await as(SEND, { i: input })).broadcastMessage;
    const before = await tableSnapshot(api.dataSource, TABLES);
    const [again, concurrent] = await Promise.all([as(SEND, { i: input }), as(SEND, { i: { ...input, text: 'Iets anders.' } })]);
    expect([dataOf(again).broadcastMessage.id, dataOf(concurrent).broadcastMessage.id]).toEqual([first.id, first.id]);
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    const other = dataOf(await as(SEND, { i: { ...input, idempotencyKey: key() } })).broadcastMessage;
    expect(other.id).not.toBe(first.id);
  });

  it.each([
    ['no audience', { audience: {}, text: 'Hallo' }, 'BAD_USER_INPUT', 'audience'],
    [
      'two audiences',
      { audience: { sessionId: '00000000-0000-4000-8000-000000000000', programmeId: '00000000-0000-4000-8000-000000000000' }, text: 'Hallo' },
      'BAD_USER_INPUT',
      'audience',
    ],
    ['an empty text', { audience: { programmeId: 'PROGRAMME' }, text: '  ' }, 'BAD_USER_INPUT', 'text'],
    [
      'an unknown language',
      { audience: { programmeId: 'PROGRAMME' }, text: 'Hallo', translations: [{ language: 'xx', text: 'Hi' }] },
      'BAD_USER_INPUT',
      'translations.0.language',
    ],
    ['an audience that does not exist', { audience: { seriesId: '00000000-0000-4000-8000-000000000000' }, text: 'Hallo' }, 'NOT_FOUND', undefined],
    ['a text too long for the SMS readers', { audience: { programmeId: 'PROGRAMME' }, text: 'Dit is een lange tekst. '.repeat(14) }, 'SMS_TOO_LONG', 'text'],
    ['a key that is too short', { audience: { programmeId: 'PROGRAMME' }, text: 'Hallo', idempotencyKey: 'short' }, 'BAD_USER_INPUT', 'idempotencyKey'],
  ])('refuses %s with a stable code at its field and writes nothing', async (_what, input: Record<string, any>, code, field) => {
    const resolved = JSON.parse(JSON.stringify({ idempotencyKey: key(), ...input }).replace(/PROGRAMME/g, world.praattafelId));
    const before = await tableSnapshot(api.dataSource, TABLES);
    const error = errorOf(await as(SEND, { i: resolved }));
    expect([error.code, error.extensions.field]).toEqual([code, field]);
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
  });

  it('previews every message kind in every language and both channels', async () => {
    for (const kind of MESSAGE_KINDS) {
      for (const language of SUPPORTED_MESSAGE_LANGUAGES) {
        const mail = dataOf(await as(PREVIEW, { k: kind, l: language, c: 'EMAIL' })).messagePreview;
        expect({ kind, language, used: mail.language, subject: !!mail.subject, text: !!mail.text, sms: mail.sms }).toEqual({
          kind,
          language,
          used: language,
          subject: true,
          text: true,
          sms: null,
        });
        const sms = dataOf(await as(PREVIEW, { k: kind, l: language, c: 'SMS' })).messagePreview;
        expect({ kind, language, segments: sms.smsSegments <= 2 || kind === 'HOST_DIGEST' || kind === 'SCHOOL_DIGEST', subject: sms.subject }).toEqual({
          kind,
          language,
          segments: true,
          subject: null,
        });
      }
    }
    expect(dataOf(await as(PREVIEW, { k: 'BROADCAST', l: 'ar', c: 'SMS' })).messagePreview).toMatchObject({ direction: 'rtl', smsEncoding: 'UCS-2' });
    expect(errorOf(await as(PREVIEW, { k: 'NOPE', l: 'nl', c: 'SMS' })).extensions.field).toBe('kind');
    expect(errorOf(await as(PREVIEW, { k: 'BROADCAST', l: 'de', c: 'SMS' })).extensions.field).toBe('language');
  });
});
