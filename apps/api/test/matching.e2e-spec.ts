import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';
import { createVolunteers, registerNewcomer, SAVE_PROFILE } from './volunteer-fixtures';

const CREATE = `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { id status } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateTrajectoryInput!) { updateTrajectory(id: $id, input: $i) { id } }`;
const CHANGE = `mutation($id: ID!, $s: TrajectoryStatus!) { changeTrajectoryStatus(id: $id, status: $s) { id status } }`;
const SCREEN = `mutation($id: ID!, $i: OrganisationScreeningInput!) { recordOrganisationScreening(id: $id, input: $i) { id screening { status screenedOn validUntil valid expired } } }`;
const ADD_TRAINING = `mutation($o: ID!, $i: OrganisationTrainingInput!) { addOrganisationTraining(organisationId: $o, input: $i) { id name followedOn } }`;
const REMOVE_TRAINING = `mutation($id: ID!) { removeOrganisationTraining(id: $id) { id screening { trainings { id } } } }`;
const ORGANISATIONS = `{ organisations { id screening { status trainings { name } } } }`;
const SUGGEST = `query($t: ID, $k: TrajectoryKind, $n: String) { suggestHostOrganisations(trajectoryId: $t, kind: $k, neighbourhood: $n) {
  organisation { id name } screened screeningExpired screeningStatus kindFits sameNeighbourhood placesInNeighbourhood activeTrajectories paysVolunteerAllowance } }`;
const SUGGEST_BUDDIES = `query($p: ID!) { suggestBuddies(participantId: $p) { buddy { id } screeningStatus } }`;
const TABLES = ['trajectory', 'trajectory_status_change', 'organisation', 'organisation_training'];

/** Picnik's screening rule and the host organisation proposals, over HTTP against real PostgreSQL; "today" is 9 September 2026. */
describe('matching: screened host organisations and buddies', () => {
  let api: TestApi;
  let world: World;
  let sessionId: string;
  let n = 0;
  const coordinator = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, world.tokens.coordinator);
  const newcomer = () => registerNewcomer(api, world, sessionId, { firstName: `Nieuwkomer ${(n += 1)}`, preferredLanguage: 'ar' });
  const organisation = async (name: string, kind: string): Promise<string> =>
    dataOf(await coordinator(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { name, kind } })).createOrganisation.id;
  const screen = async (id: string, screenedOn: string, extra: Record<string, unknown> = {}) =>
    dataOf(await coordinator(SCREEN, { id, i: { status: 'SCREENED', screenedOn, ...extra } })).recordOrganisationScreening;

  beforeAll(async () => {
    api = await startTestApi({ now: new Date('2026-09-09T08:00:00Z') });
    world = await createWorld(api);
    const intake = sessionInput(world, { title: 'Intake', startsAt: '2026-10-01T19:00:00+02:00', endsAt: '2026-10-01T20:30:00+02:00', capacity: 40 });
    sessionId = dataOf(await coordinator(CREATE_SESSION, { i: intake })).createSession.id;
  });
  afterAll(() => api?.close());

  it('refuses an unscreened host with ORGANISATION_NOT_SCREENED at hostOrganisationId, writing nothing; a screened one is matched', async () => {
    const hostId = await organisation('Vereniging Nooit Gescreend', 'ASSOCIATION');
    const participantId = await newcomer();
    const before = await tableSnapshot(api.dataSource, TABLES);
    const refused = errorOf(
      await coordinator(CREATE, { i: { participantId, kind: 'ASSOCIATION', referralChannel: 'FMDO', startsOn: '2026-09-01', hostOrganisationId: hostId } }),
    );
    expect(refused).toMatchObject({
      code: 'ORGANISATION_NOT_SCREENED',
      message: 'Vereniging Nooit Gescreend is not screened yet: record the screening first',
      extensions: { field: 'hostOrganisationId', organisationId: hostId, organisationName: 'Vereniging Nooit Gescreend', reason: 'NOT_SCREENED' },
    });
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);

    // In progress is not yet screened either.
    dataOf(await coordinator(SCREEN, { id: hostId, i: { status: 'IN_PROGRESS' } }));
    const inProgress = errorOf(
      await coordinator(CREATE, { i: { participantId, kind: 'ASSOCIATION', referralChannel: 'FMDO', startsOn: '2026-09-01', hostOrganisationId: hostId } }),
    );
    expect(inProgress.code).toBe('ORGANISATION_NOT_SCREENED');

    expect(await screen(hostId, '2026-09-01')).toMatchObject({ screening: { status: 'SCREENED', validUntil: '2029-08-31', valid: true, expired: false } });
    const created = dataOf(
      await coordinator(CREATE, { i: { participantId, kind: 'ASSOCIATION', referralChannel: 'FMDO', startsOn: '2026-09-01', hostOrganisationId: hostId } }),
    ).createTrajectory;
    expect(created.status).toBe('MATCHED');
  });

  it('refuses an expired screening naming the day it expired, in updateTrajectory and on the way to ACTIVE', async () => {
    const expiredId = await organisation('Partner Verlopen', 'PARTNER');
    // Three years from 2023-09-01 end on 2026-08-31: expired on the 9th of September 2026.
    expect(await screen(expiredId, '2023-09-01')).toMatchObject({ screening: { validUntil: '2026-08-31', valid: false, expired: true } });
    const participantId = await newcomer();
    const intake = dataOf(
      await coordinator(CREATE, { i: { participantId, kind: 'VOLUNTEERING', referralChannel: 'SELF', startsOn: '2026-09-01' } }),
    ).createTrajectory;
    const before = await tableSnapshot(api.dataSource, TABLES);
    expect(errorOf(await coordinator(UPDATE, { id: intake.id, i: { hostOrganisationId: expiredId } }))).toMatchObject({
      code: 'ORGANISATION_NOT_SCREENED',
      message: "Partner Verlopen's screening expired on 2026-08-31: record a new screening first",
      extensions: { field: 'hostOrganisationId', reason: 'EXPIRED', expiredOn: '2026-08-31' },
    });
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);

    // Matched while it held, then the screening is withdrawn: the trajectory may not start.
    const goodId = await organisation('Stad Kortrijk Test', 'CITY');
    await screen(goodId, '2026-01-15');
    dataOf(await coordinator(UPDATE, { id: intake.id, i: { hostOrganisationId: goodId } }));
    dataOf(await coordinator(CHANGE, { id: intake.id, s: 'MATCHED' }));
    dataOf(await coordinator(SCREEN, { id: goodId, i: { status: 'NOT_SCREENED' } }));
    const beforeActive = await tableSnapshot(api.dataSource, TABLES);
    expect(errorOf(await coordinator(CHANGE, { id: intake.id, s: 'ACTIVE' }))).toMatchObject({
      code: 'ORGANISATION_NOT_SCREENED',
      extensions: { field: 'hostOrganisationId', reason: 'NOT_SCREENED' },
    });
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(beforeActive);
    // Notes stay editable on a trajectory whose host lost its screening: only a new match is checked.
    dataOf(await coordinator(UPDATE, { id: intake.id, i: { notes: 'Gebeld.' } }));
  });

  it('refuses a BUDDY trajectory whose buddy has no certificate (VOLUNTEER_NOT_SCREENED at buddyId); RECEIVED passes; suggestions show it', async () => {
    const [waiting, ready] = await createVolunteers(api, world, ['Wacht Nog', 'Klaar Al']);
    dataOf(await coordinator(SAVE_PROFILE, { v: waiting.id, i: { languages: ['ar'], skills: ['BUDDY'], screeningStatus: 'REQUESTED' } }));
    dataOf(await coordinator(SAVE_PROFILE, { v: ready.id, i: { languages: ['ar'], skills: ['BUDDY'], screeningStatus: 'RECEIVED' } }));
    const participantId = await newcomer();
    const before = await tableSnapshot(api.dataSource, TABLES);
    expect(
      errorOf(await coordinator(CREATE, { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-09-01', buddyId: waiting.id } })),
    ).toMatchObject({
      code: 'VOLUNTEER_NOT_SCREENED',
      extensions: { field: 'buddyId', volunteerId: waiting.id, volunteerName: 'Wacht Nog', screeningStatus: 'REQUESTED' },
    });
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    const intake = dataOf(await coordinator(CREATE, { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-09-01' } })).createTrajectory;
    expect(errorOf(await coordinator(UPDATE, { id: intake.id, i: { buddyId: waiting.id } })).code).toBe('VOLUNTEER_NOT_SCREENED');
    dataOf(await coordinator(UPDATE, { id: intake.id, i: { buddyId: ready.id } }));
    const suggestions = dataOf(await coordinator(SUGGEST_BUDDIES, { p: participantId })).suggestBuddies as { buddy: { id: string }; screeningStatus: string }[];
    expect(suggestions.find((s) => s.buddy.id === waiting.id)?.screeningStatus).toBe('REQUESTED');
    expect(suggestions.find((s) => s.buddy.id === ready.id)?.screeningStatus).toBe('RECEIVED');
  });

  it('checks the screening input: a finished screening needs a date, never in the future; trainings are added and removed', async () => {
    const id = await organisation('Vereniging Invoer', 'ASSOCIATION');
    const before = await tableSnapshot(api.dataSource, TABLES);
    expect(errorOf(await coordinator(SCREEN, { id, i: { status: 'SCREENED' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'screenedOn' },
    });
    expect(errorOf(await coordinator(SCREEN, { id, i: { status: 'SCREENED', screenedOn: '2026-09-10' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'screenedOn' },
    });
    expect(errorOf(await coordinator(ADD_TRAINING, { o: id, i: { name: ' ', followedOn: '2026-09-01' } }))).toMatchObject({ extensions: { field: 'name' } });
    expect(errorOf(await coordinator(ADD_TRAINING, { o: id, i: { name: 'Vorming', followedOn: '2027-01-01' } }))).toMatchObject({
      extensions: { field: 'followedOn' },
    });
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    // Not for other roles: the field is null for them, the mutation forbidden.
    expect(errorOf(await api.gql(SCREEN, { id, i: { status: 'IN_PROGRESS' } }, world.tokens.host)).code).toBe('FORBIDDEN');
    const training = dataOf(
      await coordinator(ADD_TRAINING, { o: id, i: { name: 'Werken met diverse groepen', followedOn: '2026-06-01' } }),
    ).addOrganisationTraining;
    const seen = (await api.gql(ORGANISATIONS, {}, world.tokens.host)).data!.organisations.find((o: { id: string }) => o.id === id);
    expect(seen.screening).toBeNull();
    const mine = dataOf(await coordinator(ORGANISATIONS)).organisations.find((o: { id: string }) => o.id === id);
    expect(mine.screening).toEqual({ status: 'NOT_SCREENED', trainings: [{ name: 'Werken met diverse groepen' }] });
    expect(dataOf(await coordinator(REMOVE_TRAINING, { id: training.id })).removeOrganisationTraining.screening.trainings).toEqual([]);
  });

  it('proposes screened hosts first, then fitting kind, neighbourhood, allowance and fewest current trajectories; never schools', async () => {
    const fitting = await organisation('Vereniging Overleie', 'ASSOCIATION');
    const other = await organisation('Vereniging Elders', 'ASSOCIATION');
    const city = await organisation('Stad Dienst Test', 'CITY');
    const unscreened = await organisation('Vereniging Zonder Screening', 'ASSOCIATION');
    await screen(fitting, '2026-05-01', { paysVolunteerAllowance: true });
    await screen(other, '2026-05-01');
    await screen(city, '2026-05-01');
    dataOf(
      await coordinator(`mutation($i: CreateVenueInput!) { createVenue(input: $i) { id } }`, {
        i: { organisationId: fitting, name: 'Lokaal De Brug', address: 'Overleiestraat 5, 8500 Kortrijk' },
      }),
    );
    const trajectoryId = dataOf(
      await coordinator(CREATE, { i: { participantId: await newcomer(), kind: 'ASSOCIATION', referralChannel: 'FMDO', startsOn: '2026-09-01' } }),
    ).createTrajectory.id;
    const rows = dataOf(await coordinator(SUGGEST, { t: trajectoryId, n: 'overleie' })).suggestHostOrganisations as {
      organisation: { id: string; name: string };
      screened: boolean;
      kindFits: boolean;
      sameNeighbourhood: boolean;
      placesInNeighbourhood: string[];
      paysVolunteerAllowance: boolean | null;
    }[];
    const ids = rows.map((row) => row.organisation.id);
    // Screened first; among them the association in Overleie that pays an allowance, then the other association, then the city.
    expect(ids.indexOf(fitting)).toBeLessThan(ids.indexOf(other));
    expect(ids.indexOf(other)).toBeLessThan(ids.indexOf(city));
    const firstUnscreened = rows.findIndex((row) => !row.screened);
    expect(rows.slice(firstUnscreened).every((row) => !row.screened)).toBe(true);
    expect(ids.indexOf(unscreened)).toBeGreaterThan(ids.indexOf(city));
    expect(rows.find((row) => row.organisation.id === fitting)).toMatchObject({
      kindFits: true,
      sameNeighbourhood: true,
      placesInNeighbourhood: ['Lokaal De Brug, Overleiestraat 5, 8500 Kortrijk'],
      paysVolunteerAllowance: true,
    });
    expect(rows.find((row) => row.organisation.id === city)).toMatchObject({ kindFits: false });
    expect(ids).not.toContain(world.schoolId);
    // For an internship the city fits, the associations do not.
    const internship = dataOf(await coordinator(SUGGEST, { k: 'INTERNSHIP' })).suggestHostOrganisations as {
      organisation: { id: string };
      kindFits: boolean;
    }[];
    expect(internship[0].organisation.id).toBe(city);
    expect(errorOf(await coordinator(SUGGEST, {}))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'kind' } });
  });
});
