import { ScopedOperation } from '../scope-matrix';
import {
  operation,
  OperationName,
  FIRST_ABSENCE_DAY,
  OTHER_VOLUNTEER,
  PROFILE,
  SAVE_PROFILE,
  ADD_ABSENCE,
  REMOVE_ABSENCE,
  ISSUE_FEED,
  REVOKE_FEED,
  expectNoLeak,
  byId,
  dayOf,
  phoneOf,
  VolunteersScope,
} from './setup';

/** The operations of the profile rows: profiles, absences and calendar feeds. */
export function profileOperations(scope: VolunteersScope): Partial<Record<OperationName, ScopedOperation<unknown>>> {
  const { asAdmin, count, volunteerId, profileRow, saveProfileAsAdmin, feedStatus, createShift, assign } = scope;

  /** A shift of the case's day with the volunteer on it: their history lists it, with its title, to them and coordinators only. */
  const historyOperation = (whose: () => string) =>
    operation<{ shiftId: string }>({
      arrange: async (c) => {
        const { shiftId } = await createShift(c);
        await assign(shiftId, whose());
        return { shiftId };
      },
      act: (_state, token) =>
        scope.api.gql('query($v: ID!) { volunteerShiftHistory(volunteerId: $v) { status shift { id title } volunteer { id } } }', { v: whose() }, token),
      effect: async ({ shiftId }, data) => {
        const history = data.volunteerShiftHistory as { status: string; shift: { id: string }; volunteer: { id: string } }[];
        expect(history.find((row) => row.shift.id === shiftId)).toMatchObject({ status: 'ASSIGNED', volunteer: { id: whose() } });
        expect(history).toHaveLength(await count(`SELECT count(*) AS n FROM shift_assignment WHERE volunteer_id = $1 AND status <> 'DROPPED'`, [whose()]));
      },
      unchanged: async ({ shiftId }, result) => {
        expect(result.data?.volunteerShiftHistory ?? null).toBeNull();
        expectNoLeak(result, shiftId);
      },
    });
  const profileOperation = (whose: () => string) =>
    operation<{ phone: string; training: string }>({
      arrange: async (c) => {
        const phone = phoneOf(c);
        const training = `Onthaal ${c.tag}`;
        await saveProfileAsAdmin(whose(), { phone, screeningStatus: 'RECEIVED', screeningDate: '2026-08-01', trainings: [training] });
        return { phone, training };
      },
      act: (_state, token) => scope.api.gql(PROFILE, { v: whose() }, token),
      effect: async ({ phone, training }, data) => {
        expect(data.volunteerProfile).toMatchObject({
          phone,
          screeningStatus: 'RECEIVED',
          screeningDate: '2026-08-01',
          trainings: [training],
          volunteer: { id: whose() },
        });
      },
      unchanged: async ({ phone, training }, result) => {
        expectNoLeak(result, phone, training, 'RECEIVED');
      },
    });

  /** Phone, languages, usual availability and neighbourhood: the volunteer's own to change. */
  const saveOwnProfileOperation = (whose: () => string) =>
    operation<{ neighbourhood: string; phone: string }>({
      arrange: async (c) => ({ neighbourhood: `Overleie ${c.tag}`, phone: phoneOf(c, 1) }),
      act: ({ neighbourhood, phone }, token) =>
        scope.api.gql(
          SAVE_PROFILE,
          {
            v: whose(),
            i: { phone: phone.replace('+32', '0'), languages: ['NL', 'ar', 'nl'], availableWeekdays: [4, 2], availableDayparts: ['EVENING'], neighbourhood },
          },
          token,
        ),
      effect: async ({ neighbourhood, phone }, data) => {
        expect(data.saveVolunteerProfile).toMatchObject({
          phone,
          languages: ['nl', 'ar'],
          availableWeekdays: [2, 4],
          availableDayparts: ['EVENING'],
          neighbourhood,
          volunteer: { id: whose() },
        });
        expect(await profileRow(whose())).toMatchObject({ phone, neighbourhood });
      },
      unchanged: async ({ neighbourhood, phone }) => {
        const row = await profileRow(whose());
        expect(row?.phone).not.toBe(phone);
        expect(row?.neighbourhood).not.toBe(neighbourhood);
      },
    });

  const addAbsenceOperation = (whose: () => string) =>
    operation<{ startsOn: string; endsOn: string; reason: string }>({
      arrange: async (c) => {
        const day = dayOf(c, FIRST_ABSENCE_DAY);
        return { startsOn: day.toISODate()!, endsOn: day.plus({ days: 2 }).toISODate()!, reason: `Op reis ${c.tag}` };
      },
      act: ({ startsOn, endsOn, reason }, token) => scope.api.gql(ADD_ABSENCE, { v: whose(), i: { startsOn, endsOn, reason } }, token),
      effect: async ({ startsOn, endsOn, reason }, data) => {
        expect(data.addVolunteerAbsence).toEqual({ id: expect.any(String), startsOn, endsOn, reason });
        expect(await count(`SELECT count(*) AS n FROM volunteer_absence WHERE user_id = $1 AND reason = $2`, [whose(), reason])).toBe(1);
      },
      unchanged: async ({ reason }) => {
        expect(await count(`SELECT count(*) AS n FROM volunteer_absence WHERE reason = $1`, [reason])).toBe(0);
      },
    });

  const removeAbsenceOperation = (whose: () => string) =>
    operation<{ id: string; reason: string }>({
      arrange: async (c) => {
        const day = dayOf(c, FIRST_ABSENCE_DAY);
        const reason = `Ziekenhuis ${c.tag}`;
        const { id } = (await asAdmin(ADD_ABSENCE, { v: whose(), i: { startsOn: day.toISODate(), endsOn: day.toISODate(), reason } })).addVolunteerAbsence;
        return { id, reason };
      },
      act: ({ id }, token) => scope.api.gql(REMOVE_ABSENCE, { id }, token),
      effect: async ({ id }, data) => {
        expect(data.removeVolunteerAbsence).toBe(true);
        expect(await count(`SELECT count(*) AS n FROM volunteer_absence WHERE id = $1`, [id])).toBe(0);
      },
      unchanged: async ({ id, reason }, result) => {
        expect(await count(`SELECT count(*) AS n FROM volunteer_absence WHERE id = $1`, [id])).toBe(1);
        expectNoLeak(result, reason);
      },
    });

  /** The feed issued by a coordinator before the case: it keeps working unless the call went through. */
  const issueFeedOperation = (whose: () => string) =>
    operation<{ path: string; hash: string }>({
      arrange: async () => {
        const path = (await asAdmin(ISSUE_FEED, { v: whose() })).issueCalendarFeed as string;
        return { path, hash: (await profileRow(whose()))!.calendar_token_hash! };
      },
      act: (_state, token) => scope.api.gql(ISSUE_FEED, { v: whose() }, token),
      effect: async ({ path }, data) => {
        expect(data.issueCalendarFeed).toMatch(/^\/calendar\/[A-Za-z0-9_-]{20,64}\.ics$/);
        expect(data.issueCalendarFeed).not.toBe(path);
        expect(await feedStatus(data.issueCalendarFeed)).toBe(200);
        expect(await feedStatus(path)).toBe(404);
      },
      unchanged: async ({ path, hash }, result) => {
        expect((await profileRow(whose()))!.calendar_token_hash).toBe(hash);
        expect(await feedStatus(path)).toBe(200);
        expectNoLeak(result, '/calendar/');
      },
    });

  const revokeFeedOperation = (whose: () => string) =>
    operation<{ path: string }>({
      arrange: async () => ({ path: (await asAdmin(ISSUE_FEED, { v: whose() })).issueCalendarFeed as string }),
      act: (_state, token) => scope.api.gql(REVOKE_FEED, { v: whose() }, token),
      effect: async ({ path }, data) => {
        expect(data.revokeCalendarFeed).toBe(true);
        expect((await profileRow(whose()))!.calendar_token_hash).toBeNull();
        expect(await feedStatus(path)).toBe(404);
      },
      unchanged: async ({ path }) => {
        expect((await profileRow(whose()))!.calendar_token_hash).not.toBeNull();
        expect(await feedStatus(path)).toBe(200);
      },
    });

  return {
    unscreenedVolunteerCount: operation<null>({
      arrange: async () => null,
      act: (_state, token) => scope.api.gql('{ unscreenedVolunteerCount }', {}, token),
      effect: async (_state, data) => {
        // Active volunteers whose certificate of good conduct is not in: counted here straight from the tables.
        const [{ n }] = await scope.api.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM app_user u LEFT JOIN volunteer_profile p ON p.user_id = u.id
            WHERE u.active AND 'VOLUNTEER' = ANY(u.roles) AND p.screening_status IS DISTINCT FROM 'RECEIVED'`,
        );
        expect(n).toBeGreaterThan(0);
        expect(data.unscreenedVolunteerCount).toBe(n);
      },
      unchanged: async (_state, result) => {
        expect(result.data?.unscreenedVolunteerCount ?? null).toBeNull();
      },
    }),
    volunteers: operation<null>({
      arrange: async () => null,
      act: (_state, token) => scope.api.gql('{ volunteers { id email displayName roles } }', {}, token),
      effect: async (_state, data) => {
        expect(byId(data.volunteers)).toEqual(
          byId([
            { id: volunteerId(), email: 'volunteer@test.oefenkansen.be', displayName: 'volunteer', roles: ['VOLUNTEER'] },
            { id: scope.otherVolunteerId, ...OTHER_VOLUNTEER, roles: ['VOLUNTEER'] },
          ]),
        );
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, OTHER_VOLUNTEER.email, OTHER_VOLUNTEER.displayName, scope.otherVolunteerId);
      },
    }),

    'volunteerProfile (your own: no volunteerId)': operation<{ phone: string; otherPhone: string }>({
      arrange: async (c) => {
        const [phone, otherPhone] = [phoneOf(c), phoneOf(c, 1)];
        await Promise.all([saveProfileAsAdmin(volunteerId(), { phone }), saveProfileAsAdmin(scope.otherVolunteerId, { phone: otherPhone })]);
        return { phone, otherPhone };
      },
      act: (_state, token) => scope.api.gql(PROFILE, {}, token),
      effect: async () => undefined,
      // Everyone sees their own profile: the volunteer theirs, anyone else none.
      own: async ({ phone, otherPhone }, data, { who }) => {
        if (who === 'volunteer')
          expect(data.volunteerProfile).toMatchObject({ phone, volunteer: { id: volunteerId(), email: 'volunteer@test.oefenkansen.be' } });
        else expect(data.volunteerProfile).toBeNull();
        expectNoLeak(data, otherPhone, scope.otherVolunteerId);
      },
      unchanged: async ({ phone, otherPhone }, result) => {
        expectNoLeak(result, phone, otherPhone);
      },
    }),

    'volunteerProfile(volunteerId: the volunteer)': profileOperation(volunteerId),
    'volunteerProfile(volunteerId: another volunteer)': profileOperation(() => scope.otherVolunteerId),

    'saveVolunteerProfile (the volunteer: phone, languages, availability)': saveOwnProfileOperation(volunteerId),
    'saveVolunteerProfile (another volunteer)': saveOwnProfileOperation(() => scope.otherVolunteerId),

    'saveVolunteerProfile (the volunteer: screening and trainings)': operation<{ training: string }>({
      arrange: async (c) => ({ training: `EHBO ${c.tag}` }),
      act: ({ training }, token) =>
        scope.api.gql(SAVE_PROFILE, { v: volunteerId(), i: { screeningStatus: 'RECEIVED', screeningDate: '2026-08-10', trainings: [training] } }, token),
      effect: async ({ training }, data) => {
        expect(data.saveVolunteerProfile).toMatchObject({ screeningStatus: 'RECEIVED', screeningDate: '2026-08-10', trainings: [training] });
        expect((await profileRow(volunteerId()))!.trainings).toEqual([training]);
      },
      unchanged: async ({ training }) => {
        expect((await profileRow(volunteerId()))?.trainings ?? []).not.toContain(training);
      },
    }),

    volunteerProfiles: operation<{ phone: string }>({
      arrange: async (c) => {
        const phone = phoneOf(c);
        await saveProfileAsAdmin(volunteerId(), { phone });
        return { phone };
      },
      act: (_state, token) => scope.api.gql('{ volunteerProfiles { phone volunteer { id } } }', {}, token),
      effect: async ({ phone }, data) => {
        expect(data.volunteerProfiles).toContainEqual({ phone, volunteer: { id: volunteerId() } });
      },
      unchanged: async ({ phone }, result) => {
        expectNoLeak(result, phone);
      },
    }),
    'volunteerShiftHistory (the volunteer)': historyOperation(volunteerId),
    'volunteerShiftHistory (another volunteer)': historyOperation(() => scope.otherVolunteerId),

    'addVolunteerAbsence (the volunteer)': addAbsenceOperation(volunteerId),
    'addVolunteerAbsence (another volunteer)': addAbsenceOperation(() => scope.otherVolunteerId),
    "removeVolunteerAbsence (the volunteer's)": removeAbsenceOperation(volunteerId),
    "removeVolunteerAbsence (another volunteer's)": removeAbsenceOperation(() => scope.otherVolunteerId),
    'issueCalendarFeed (the volunteer)': issueFeedOperation(volunteerId),
    'issueCalendarFeed (another volunteer)': issueFeedOperation(() => scope.otherVolunteerId),
    'revokeCalendarFeed (the volunteer)': revokeFeedOperation(volunteerId),
    'revokeCalendarFeed (another volunteer)': revokeFeedOperation(() => scope.otherVolunteerId),
  };
}
