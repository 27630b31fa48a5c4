import { CREATE_SESSION, createWorld, FixtureRole, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id participant { id } } }`;
const RECORD_CONSENT = `mutation($p: ID!, $c: Boolean!) { recordConsent(participantId: $p, consent: $c) { id } }`;
const HISTORY = `query($p: ID!) { consentHistory(participantId: $p) { participantId consent recordedAt recordedBy { id } } }`;
const PREVIEW = `query($s: PersonalDataSubjectInput!) { personalDataErasurePreview(subject: $s) { subjectKind subjectId alreadyErased removed { key count } kept { key count } } }`;
const ERASE = `mutation($s: PersonalDataSubjectInput!, $r: String!) { erasePersonalData(subject: $s, reason: $r) { alreadyErased } }`;
const SCHEDULE = `query { retentionSchedule { key table action keptMonths keptDays nextRunAt dueCount firstDueAt } }`;
const EXPORT = `query($s: PersonalDataSubjectInput!) { exportPersonalData(subject: $s) { document } }`;

const byKey = (items: { key: string; count: number }[]) => Object.fromEntries(items.map((item) => [item.key, item.count]));

/** The privacy desk's queries: the erasure preview in numbers, the consent history, the retention schedule. */
describe('privacy desk queries', () => {
  let api: TestApi;
  let world: World;
  let participantId: string;
  const as =
    (role: FixtureRole) =>
    (query: string, variables: Record<string, unknown> = {}) =>
      api.gql(query, variables, world.tokens[role]);

  beforeAll(async () => {
    api = await startTestApi();
    api.clock.set(new Date('2026-09-01T10:00:00Z'));
    world = await createWorld(api);
    const session = dataOf(
      await as('coordinator')(CREATE_SESSION, {
        i: sessionInput(world, {
          programmeId: world.schoolbabbelId,
          venueId: world.schoolVenueId,
          startsAt: '2026-09-08T08:45:00+02:00',
          endsAt: '2026-09-08T10:15:00+02:00',
          hostIds: [world.userIds.host],
        }),
      }),
    ).createSession;
    const registered = dataOf(
      await as('schoolContact')(REGISTER, {
        i: {
          sessionId: session.id,
          participant: {
            firstName: 'Yasmina',
            lastName: 'El Amrani',
            phone: '0470 12 34 99',
            preferredLanguage: 'ar',
            contactChannel: 'SMS',
            consentToContact: true,
          },
        },
      }),
    ).registerParticipant;
    participantId = registered.participant.id;
  });
  afterAll(() => api?.close());

  it('keeps every consent answer: the one at registration, then each recordConsent, newest first, with who recorded it', async () => {
    api.clock.set(new Date('2026-09-02T10:00:00Z'));
    dataOf(await as('coordinator')(RECORD_CONSENT, { p: participantId, c: false }));
    api.clock.set(new Date('2026-09-03T10:00:00Z'));
    dataOf(await as('schoolContact')(RECORD_CONSENT, { p: participantId, c: true }));
    const history = dataOf(await as('coordinator')(HISTORY, { p: participantId })).consentHistory;
    expect(
      history.map((r: { consent: boolean; recordedAt: string; recordedBy: { id: string } | null }) => [
        r.consent,
        new Date(r.recordedAt).toISOString(),
        r.recordedBy?.id,
      ]),
    ).toEqual([
      [true, '2026-09-03T10:00:00.000Z', world.userIds.schoolContact],
      [false, '2026-09-02T10:00:00.000Z', world.userIds.coordinator],
      [true, '2026-09-01T10:00:00.000Z', world.userIds.schoolContact],
    ]);
    expect(errorOf(await as('otherSchoolContact')(HISTORY, { p: participantId })).extensions?.code).toBe('NOT_FOUND');
    const document = dataOf(await as('coordinator')(EXPORT, { s: { participantId } })).exportPersonalData.document;
    expect(document.consent_records).toHaveLength(3);
  });

  it('previews an erasure in numbers and changes nothing; a host may not ask', async () => {
    const before = await tableSnapshot(api.dataSource, ['participant', 'notification', 'registration']);
    const preview = dataOf(await as('coordinator')(PREVIEW, { s: { participantId } })).personalDataErasurePreview;
    expect(preview).toMatchObject({ subjectKind: 'PARTICIPANT', subjectId: participantId, alreadyErased: false });
    expect(byKey(preview.removed)).toMatchObject({ personalDetails: 1, notes: 0, codeRequests: 0 });
    expect(byKey(preview.kept)).toMatchObject({ registrations: 1, attendance: 0, trajectories: 0 });
    expect(typeof byKey(preview.removed).pendingMessages).toBe('number');
    expect(await tableSnapshot(api.dataSource, ['participant', 'notification', 'registration'])).toEqual(before);
    expect(errorOf(await as('host')(PREVIEW, { s: { participantId } })).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await as('coordinator')(PREVIEW, { s: {} })).extensions?.code).toBe('BAD_USER_INPUT');

    const user = dataOf(await as('coordinator')(PREVIEW, { s: { userId: world.userIds.volunteer } })).personalDataErasurePreview;
    expect(Object.keys(byKey(user.removed))).toEqual(['account', 'volunteerProfile', 'absences', 'pendingMessages']);
    expect(Object.keys(byKey(user.kept))).toEqual(['shiftAssignments', 'hostedSessions', 'buddyTrajectories', 'messages']);

    // The reason stays in the audit log: it may not name or reach the person.
    for (const reason of ['verzoek van Yasmina per e-mail', 'gebeld vanaf 0470/12.34.99', 'El Amrani vroeg het']) {
      const refused = errorOf(await as('coordinator')(ERASE, { s: { participantId }, r: reason }));
      expect([refused.extensions?.code, refused.extensions?.field]).toEqual(['BAD_USER_INPUT', 'reason']);
    }
    expect(await tableSnapshot(api.dataSource, ['participant', 'notification', 'registration'])).toEqual(before);
    dataOf(await as('coordinator')(ERASE, { s: { participantId }, r: 'verzoek van de ouder per e-mail, ticket 77' }));
    const after = dataOf(await as('coordinator')(PREVIEW, { s: { participantId } })).personalDataErasurePreview;
    expect(after.alreadyErased).toBe(true);
    expect(after.removed.every((item: { count: number }) => item.count === 0)).toBe(true);
    expect(byKey(after.kept).registrations).toBe(1);
  });

  it('shows the retention schedule with the next nightly run and what it removes', async () => {
    api.clock.set(new Date('2026-09-03T10:00:00Z'));
    const rules = dataOf(await as('coordinator')(SCHEDULE)).retentionSchedule;
    expect(rules.map((rule: { key: string }) => rule.key)).toEqual([
      'inactiveParticipants',
      'codeRequests',
      'smsReplies',
      'accounts',
      'anonymousFigures',
      'auditLog',
    ]);
    const [participants] = rules;
    // 04:00 in Brussels in September is 02:00 UTC, the next morning.
    expect(participants).toMatchObject({ table: 'participant', action: 'ANONYMISE', keptMonths: 24, dueCount: 0 });
    expect(new Date(participants.nextRunAt).toISOString()).toBe('2026-09-04T02:00:00.000Z');
    expect(rules[1]).toMatchObject({ table: 'registration_code_request', action: 'DELETE', keptDays: 1, dueCount: 0 });
    expect(rules[4]).toMatchObject({ action: 'KEEP', nextRunAt: null, dueCount: 0 });
    expect(errorOf(await as('host')(SCHEDULE)).extensions?.code).toBe('FORBIDDEN');
  });
});
