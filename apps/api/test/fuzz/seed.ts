import { randomBytes } from 'node:crypto';
import { BOOK_STAND, bookingInput, createFestival } from '../festival-fixtures';
import { CREATE_SERIES, CREATE_SESSION, createWorld, sessionInput, World } from '../fixtures';
import { dataOf, TestApi } from '../test-api';
import { ADD_ABSENCE, createShift, registerNewcomer, SAVE_PROFILE } from '../volunteer-fixtures';

/**
 * A world with a row in (nearly) every table, so that fuzzed inputs can carry real ids and get
 * past the id checks to the field that is broken: sessions and a series, the 2027 festival with a
 * requested stand, a volunteer's profile, absence and shift place, a registered newcomer with a
 * Picnik trajectory, and a school's free day.
 */
export interface FuzzWorld extends World {
  /** A token for the mutations on the caller's own account (logout, changePassword), so no other token is ever revoked. */
  ownAccountToken: string;
}

export async function seedFuzzWorld(api: TestApi): Promise<FuzzWorld> {
  const world = await createWorld(api);
  const coordinator = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, world.tokens.coordinator).then(dataOf);

  const sessionId = (await coordinator(CREATE_SESSION, { i: sessionInput(world, { hostIds: [world.userIds.host] }) })).createSession.id as string;
  await coordinator(CREATE_SERIES, {
    i: {
      programmeId: world.schoolbabbelId,
      venueId: world.schoolVenueId,
      title: 'Schoolbabbel',
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      firstStartsAt: '2026-09-08T08:45:00+02:00',
      durationMinutes: 60,
      hostIds: [world.userIds.host],
    },
  });
  const festival = await createFestival(api, world);
  dataOf(await api.gql(BOOK_STAND, { i: bookingInput(festival, world, 'A1', '11:00', '15:00') }, world.tokens.organiser));

  await coordinator(SAVE_PROFILE, { v: world.userIds.volunteer, i: { phone: '0470 11 22 33', languages: ['nl', 'ar'], screeningStatus: 'RECEIVED' } });
  await coordinator(ADD_ABSENCE, { v: world.userIds.volunteer, i: { startsOn: '2026-12-24', endsOn: '2026-12-26' } });
  const shift = await createShift(api, world, { sessionId, needed: 2 });
  await coordinator(`mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }`, { s: shift.id, v: world.userIds.volunteer });

  const participantId = await registerNewcomer(api, world, sessionId, { firstName: 'Amina', preferredLanguage: 'ar', contactChannel: 'VIA_ORGANISATION' });
  const trajectoryId = (
    await coordinator(`mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { id } }`, {
      i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', buddyId: world.userIds.volunteer, startsOn: '2026-09-01' },
    })
  ).createTrajectory.id as string;
  await coordinator(`mutation($id: ID!, $i: FollowUpInput!) { addTrajectoryFollowUp(id: $id, input: $i) { id } }`, {
    id: trajectoryId,
    i: { outcomes: ['STAYED_MEMBER'], recordedOn: '2026-09-15' },
  });
  // A planned follow-up, still open: completeTrajectoryFollowUp gets a real id to refuse the rest of.
  await coordinator(`mutation($id: ID!, $i: PlanFollowUpInput!) { planTrajectoryFollowUp(id: $id, input: $i) { id } }`, {
    id: trajectoryId,
    i: { dueOn: '2026-10-15', note: 'Bellen' },
  });
  await coordinator(`mutation($i: AddClosureDayInput!) { addClosureDay(input: $i) { id } }`, {
    i: { organisationId: world.schoolId, date: '2026-10-05', label: 'Pedagogische studiedag' },
  });

  // A password nobody else knows: the generator can never send the right current password.
  const email = 'own-account@fuzz.test.oefenkansen.be';
  const password = randomBytes(18).toString('base64url');
  await api
    .gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { email, password, displayName: 'Eigen account', roles: ['VOLUNTEER'] } },
      world.tokens.admin,
    )
    .then(dataOf);
  return { ...world, ownAccountToken: await api.login(email, password) };
}
