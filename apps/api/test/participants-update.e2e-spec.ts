import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, startTestApi, tableSnapshot, TestApi } from './test-api';

const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id participant { id } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateParticipantInput!) { updateParticipant(id: $id, input: $i) { id phone email preferredLanguage contactChannel consentToContact } }`;
const HISTORY = `query($id: ID!) { participant(id: $id) { registrations { status session { id title } } } }`;

describe('updateParticipant and a participant’s registrations', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
  });
  afterAll(() => api?.close());

  async function registered(token: string, sessionId: string, participant: Record<string, unknown>): Promise<string> {
    return dataOf(await api.gql(REGISTER, { i: { sessionId, participant } }, token)).registerParticipant.participant.id;
  }

  async function session(title: string, venueId: string): Promise<string> {
    return dataOf(await api.gql(CREATE_SESSION, { i: sessionInput(world, { title, venueId }) }, world.tokens.coordinator)).createSession.id;
  }

  it('changes phone, language and channel by the new-participant rules, refusing at the field and changing nothing', async () => {
    const sessionId = await session('Tafel', world.centreVenueId);
    const id = await registered(world.tokens.coordinator, sessionId, {
      firstName: 'Amina',
      preferredLanguage: 'ar',
      contactChannel: 'NONE',
      consentToContact: true,
    });

    const updated = dataOf(
      await api.gql(UPDATE, { id, i: { phone: '0470 12 34 56', preferredLanguage: 'prs', contactChannel: 'SMS' } }, world.tokens.coordinator),
    );
    expect(updated.updateParticipant).toMatchObject({ phone: '+32470123456', preferredLanguage: 'prs', contactChannel: 'SMS', consentToContact: true });

    const before = await tableSnapshot(api.dataSource, ['participant']);
    for (const [input, field] of [
      [{ phone: '12' }, 'input.phone'],
      [{ preferredLanguage: 'xx' }, 'input.preferredLanguage'],
      [{ contactChannel: 'EMAIL' }, 'input.contactChannel'],
      [{ phone: null }, 'input.contactChannel'],
    ] as const) {
      const refused = await api.gql(UPDATE, { id, i: input }, world.tokens.coordinator);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await tableSnapshot(api.dataSource, ['participant'])).toEqual(before);
  });

  it('lets a school contact change only the participants their school registered', async () => {
    const sessionId = await session('Schooltafel', world.schoolVenueId);
    const ours = await registered(world.tokens.schoolContact, sessionId, {
      firstName: 'Olena',
      preferredLanguage: 'uk',
      contactChannel: 'NONE',
      consentToContact: false,
    });
    // Registered by the coordinator at the centre's session, so by the centre: not the school's to see.
    const theirs = await registered(world.tokens.coordinator, await session('Centrumtafel', world.centreVenueId), {
      firstName: 'Sara',
      preferredLanguage: 'ar',
      contactChannel: 'NONE',
      consentToContact: false,
    });
    expect(dataOf(await api.gql(UPDATE, { id: ours, i: { preferredLanguage: 'ru' } }, world.tokens.schoolContact)).updateParticipant.preferredLanguage).toBe(
      'ru',
    );
    const refused = await api.gql(UPDATE, { id: theirs, i: { preferredLanguage: 'ru' } }, world.tokens.schoolContact);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await api.gql(UPDATE, { id: ours, i: { preferredLanguage: 'ru' } }, world.tokens.otherSchoolContact)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('lists the registrations, cancelled ones too, only at sessions the reader manages', async () => {
    const atSchool = await session('Bij de school', world.schoolVenueId);
    const atCentre = await session('In het centrum', world.centreVenueId);
    const id = await registered(world.tokens.schoolContact, atSchool, {
      firstName: 'Yusuf',
      preferredLanguage: 'tr',
      contactChannel: 'NONE',
      consentToContact: false,
    });
    const second = dataOf(await api.gql(REGISTER, { i: { sessionId: atCentre, participantId: id } }, world.tokens.coordinator)).registerParticipant.id;
    dataOf(await api.gql(`mutation($id: ID!) { cancelRegistration(id: $id) { id } }`, { id: second }, world.tokens.coordinator));

    const all = dataOf(await api.gql(HISTORY, { id }, world.tokens.coordinator)).participant.registrations;
    expect(all.map((r: { status: string; session: { title: string } }) => `${r.session.title} ${r.status}`).sort()).toEqual([
      'Bij de school CONFIRMED',
      'In het centrum CANCELLED',
    ]);
    const school = dataOf(await api.gql(HISTORY, { id }, world.tokens.schoolContact)).participant.registrations;
    expect(school.map((r: { session: { id: string } }) => r.session.id)).toEqual([atSchool]);
  });
});
