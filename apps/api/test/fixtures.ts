import { dataOf, TEST_ADMIN, TestApi } from './test-api';

export const FIXTURE_PASSWORD = 'fixture-password-2026';

export type FixtureRole = 'admin' | 'coordinator' | 'host' | 'otherHost' | 'schoolContact' | 'otherSchoolContact' | 'organiser' | 'volunteer';

/** A small Kortrijk: two schools, a centre, an association, a venue each, two programmes, a user per role. */
export interface World {
  tokens: Record<FixtureRole, string>;
  userIds: Record<FixtureRole, string>;
  schoolId: string;
  otherSchoolId: string;
  centreId: string;
  associationId: string;
  schoolVenueId: string;
  otherSchoolVenueId: string;
  centreVenueId: string;
  schoolbabbelId: string;
  praattafelId: string;
}

export async function createWorld(api: TestApi): Promise<World> {
  const adminToken = await api.login(TEST_ADMIN.email, TEST_ADMIN.password);
  const admin = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, adminToken).then(dataOf);
  const organisation = async (name: string, kind: string) =>
    (await admin('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }', { i: { name, kind } })).createOrganisation.id as string;
  const venue = async (organisationId: string, name: string) =>
    (
      await admin('mutation($i: CreateVenueInput!) { createVenue(input: $i) { id } }', {
        i: { organisationId, name, address: `${name}straat 1, 8500 Kortrijk`, capacityLimit: 40 },
      })
    ).createVenue.id as string;
  const programme = async (name: string, defaultCapacity: number) =>
    (await admin('mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }', { i: { name, kind: 'TABLE', defaultCapacity } })).createProgramme
      .id as string;

  const schoolId = await organisation('Basisschool De Vlieger', 'SCHOOL');
  const otherSchoolId = await organisation('Basisschool Sint-Jan', 'SCHOOL');
  const centreId = await organisation('Wijkcentrum Overleie', 'NEIGHBOURHOOD_CENTRE');
  const associationId = await organisation('Afghaanse Vereniging', 'ASSOCIATION');
  const world: Omit<World, 'tokens' | 'userIds'> = {
    schoolId,
    otherSchoolId,
    centreId,
    associationId,
    schoolVenueId: await venue(schoolId, 'Refter De Vlieger'),
    otherSchoolVenueId: await venue(otherSchoolId, 'Refter Sint-Jan'),
    centreVenueId: await venue(centreId, 'Zaal Overleie'),
    schoolbabbelId: await programme('Schoolbabbel', 12),
    praattafelId: await programme('Praattafel', 10),
  };

  const users: Record<Exclude<FixtureRole, 'admin'>, { roles: string[]; organisationId?: string }> = {
    coordinator: { roles: ['COORDINATOR'] },
    host: { roles: ['HOST'] },
    otherHost: { roles: ['HOST'] },
    schoolContact: { roles: ['SCHOOL_CONTACT'], organisationId: schoolId },
    otherSchoolContact: { roles: ['SCHOOL_CONTACT'], organisationId: otherSchoolId },
    organiser: { roles: ['FESTIVAL_ORGANISER'], organisationId: associationId },
    volunteer: { roles: ['VOLUNTEER'] },
  };
  const tokens = { admin: adminToken } as Record<FixtureRole, string>;
  const userIds = {} as Record<FixtureRole, string>;
  userIds.admin = (await api.gql('{ me { id } }', {}, adminToken).then(dataOf)).me.id;
  for (const [key, user] of Object.entries(users) as [Exclude<FixtureRole, 'admin'>, (typeof users)['host']][]) {
    const email = `${key.toLowerCase()}@test.oefenkansen.be`;
    const created = await admin('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { email, password: FIXTURE_PASSWORD, displayName: key, roles: user.roles, organisationId: user.organisationId ?? null },
    });
    userIds[key] = created.createUser.id;
    tokens[key] = await api.login(email, FIXTURE_PASSWORD);
  }
  return { ...world, tokens, userIds };
}

export const CREATE_SESSION = `mutation($i: CreateSessionInput!) { createSession(input: $i) { id title startsAt endsAt capacity status hosts { id } } }`;
export const CREATE_SERIES = `mutation($i: CreateSessionSeriesInput!) { createSessionSeries(input: $i) { id rrule sessions { id startsAt endsAt } } }`;
export const REGISTER_PARTICIPANT = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status } }`;
export const MOVE_SESSION = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { moveSession(id: $id, startsAt: $s, endsAt: $e) { startsAt } }`;

/** Input for a 90-minute session at the given venue, a week after the test clock's "now". */
export function sessionInput(world: World, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    programmeId: world.praattafelId,
    venueId: world.centreVenueId,
    title: 'Praattafel Overleie',
    startsAt: '2026-09-08T19:00:00+02:00',
    endsAt: '2026-09-08T20:30:00+02:00',
    ...overrides,
  };
}
