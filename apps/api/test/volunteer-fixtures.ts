import { DateTime } from 'luxon';
import { FIXTURE_PASSWORD, World } from './fixtures';
import { dataOf, TestApi } from './test-api';

export interface Volunteer {
  id: string;
  name: string;
  token: string;
}

/** The ISO instant of a Brussels wall-clock time on a day (summer or winter time, as that day has it). */
export const brussels = (day: string, time: string) => DateTime.fromISO(`${day}T${time}`, { zone: 'Europe/Brussels' }).toISO({ suppressMilliseconds: true })!;

/** The same instant as UTC with milliseconds, for comparing what the API answers. */
export const utc = (iso: string | Date) => new Date(iso).toISOString();

export const SHIFT_FIELDS = `id title role needed startsAt endsAt status languages seriesId filled openPlaces session { id }`;
export const CREATE_SHIFT = `mutation($i: CreateShiftInput!) { createShift(input: $i) { ${SHIFT_FIELDS} } }`;
export const SIGN_UP = `mutation($s: ID!) { signUpForShift(shiftId: $s) { id status startsAt endsAt shift { id } volunteer { id } } }`;
export const DROP = `mutation($a: ID!) { dropShift(assignmentId: $a) { id status } }`;
export const SAVE_PROFILE = `mutation($v: ID!, $i: VolunteerProfileInput!) { saveVolunteerProfile(volunteerId: $v, input: $i) { id languages skills availableWeekdays availableDayparts neighbourhood } }`;
export const ADD_ABSENCE = `mutation($v: ID!, $i: AbsenceInput!) { addVolunteerAbsence(volunteerId: $v, input: $i) { id startsOn endsOn } }`;
export const REGISTER = `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id status participant { id } } }`;

/** VOLUNTEER users made by the admin, each logged in; created a few at a time. */
export async function createVolunteers(api: TestApi, world: World, names: string[]): Promise<Volunteer[]> {
  const volunteers: Volunteer[] = [];
  for (let i = 0; i < names.length; i += 5) {
    volunteers.push(
      ...(await Promise.all(
        names.slice(i, i + 5).map(async (name) => {
          const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@vrijwilligers.test.oefenkansen.be`;
          const created = dataOf(
            await api.gql(
              'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
              { i: { email, password: FIXTURE_PASSWORD, displayName: name, roles: ['VOLUNTEER'] } },
              world.tokens.admin,
            ),
          );
          return { id: created.createUser.id as string, name, token: await api.login(email, FIXTURE_PASSWORD) };
        }),
      )),
    );
  }
  return volunteers;
}

/** A shift outside any session, made by the coordinator. */
export async function createShift(
  api: TestApi,
  world: World,
  input: Record<string, unknown>,
): Promise<{ id: string; startsAt: string; endsAt: string; [key: string]: unknown }> {
  return dataOf(await api.gql(CREATE_SHIFT, { i: { role: 'WELCOME', needed: 1, title: 'Onthaal', ...input } }, world.tokens.coordinator)).createShift;
}

/** A newcomer, registered through the API for a session (they may end up on its waiting list; that does not matter here). */
export async function registerNewcomer(api: TestApi, world: World, sessionId: string, participant: Record<string, unknown>): Promise<string> {
  const result = dataOf(
    await api.gql(
      REGISTER,
      { i: { sessionId, participant: { preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false, ...participant } } },
      world.tokens.coordinator,
    ),
  );
  return result.registerParticipant.participant.id;
}
