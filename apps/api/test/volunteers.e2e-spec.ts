import ical, { VEvent } from 'node-ical';
import { CREATE_SERIES, CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, GraphQLResult, startTestApi, TestApi } from './test-api';
import { ADD_ABSENCE, brussels, createShift, createVolunteers, DROP, SAVE_PROFILE, SHIFT_FIELDS, SIGN_UP, utc, Volunteer } from './volunteer-fixtures';

const SHIFTS = `query($f: ShiftFilter) { shifts(filter: $f) { ${SHIFT_FIELDS} } }`;
const SWAP = `mutation($a: ID!, $to: ID!) { swapShift(assignmentId: $a, toVolunteerId: $to) { id status volunteer { id } shift { id } } }`;
const ASSIGN = `mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id status } }`;
const MARK = `mutation($a: ID!, $yes: Boolean!) { markShiftAttendance(assignmentId: $a, attended: $yes) { id status } }`;
const SUGGEST = `query($s: ID!, $l: Int) { suggestVolunteers(shiftId: $s, limit: $l) { volunteer { id } score sharedLanguages hasSkill usuallyAvailable upcomingShifts } }`;
const OPEN_SHIFTS = `{ openShifts { id title } }`;
const ISSUE_FEED = `mutation($v: ID!) { issueCalendarFeed(volunteerId: $v) }`;
const REVOKE_FEED = `mutation($v: ID!) { revokeCalendarFeed(volunteerId: $v) }`;

const RACERS = 20;

/** The events of an iCalendar text, parsed by node-ical. */
const vevents = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

/**
 * Volunteers and their shifts, over HTTP against real PostgreSQL. The last place of a shift
 * goes to one volunteer, and nobody holds two overlapping shifts, also under concurrent requests.
 */
describe('volunteers and shifts', () => {
  let api: TestApi;
  let world: World;
  let racers: Volunteer[];
  let v: Record<string, Volunteer>;

  const coordinator = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, world.tokens.coordinator);
  const count = async (sql: string, params: unknown[] = []) => Number((await api.dataSource.query(sql, params))[0].count);
  const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
  const heldOn = (shiftId: string) =>
    count(`SELECT count(*) FROM shift_assignment WHERE shift_id = $1 AND status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')`, [shiftId]);
  const statusOf = async (assignmentId: string) =>
    (await api.dataSource.query(`SELECT status FROM shift_assignment WHERE id = $1`, [assignmentId]))[0].status as string;
  const reminders = (assignmentId: string) =>
    api.dataSource.query<{ kind: string; offset_minutes: number; status: string; due_at: Date; user_id: string }[]>(
      `SELECT kind, offset_minutes, status, due_at, user_id FROM notification WHERE shift_assignment_id = $1 ORDER BY offset_minutes`,
      [assignmentId],
    );
  const signUp = async (who: Volunteer, shiftId: string) =>
    dataOf(await api.gql(SIGN_UP, { s: shiftId }, who.token)).signUpForShift as { id: string; status: string };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    const names = [
      'Amina',
      'Bilal',
      'Chloé',
      'Dries',
      'Eline',
      'Fatma',
      'Goran',
      'Hanna',
      'Ilias',
      'Jasmien',
      'Karim',
      'Lotte',
      'Mehdi',
      'Nora',
      'Omar',
      'Pieter',
      'Rania',
      'Sven',
      'Tess',
      'Yusuf',
      'Zeynep',
    ];
    const named = await createVolunteers(api, world, names);
    v = Object.fromEntries(named.map((volunteer) => [volunteer.name, volunteer]));
    racers = await createVolunteers(
      api,
      world,
      Array.from({ length: RACERS }, (_, i) => `Racer ${String(i + 1).padStart(2, '0')}`),
    );
  });
  afterAll(() => api?.close());

  describe('creating shifts', () => {
    it("a shift at a session takes the session's times and title; its host may add one, another host may not", async () => {
      const session = dataOf(
        await coordinator(CREATE_SESSION, { i: sessionInput(world, { title: 'Praattafel Overleie', hostIds: [world.userIds.host] }) }),
      ).createSession;
      const shift = dataOf(
        await coordinator(`mutation($i: CreateShiftInput!) { createShift(input: $i) { ${SHIFT_FIELDS} } }`, {
          i: { sessionId: session.id, role: 'HOST', needed: 2 },
        }),
      ).createShift;
      expect(shift).toMatchObject({
        title: 'Praattafel Overleie',
        role: 'HOST',
        needed: 2,
        status: 'OPEN',
        filled: 0,
        openPlaces: 2,
        languages: [],
        seriesId: null,
        session: { id: session.id },
      });
      expect([utc(shift.startsAt), utc(shift.endsAt)]).toEqual([utc(session.startsAt), utc(session.endsAt)]);
      expect(utc(shift.startsAt)).toBe('2026-09-08T17:00:00.000Z');

      const byHost = dataOf(
        await api.gql(
          `mutation($i: CreateShiftInput!) { createShift(input: $i) { title startsAt } }`,
          { i: { sessionId: session.id, role: 'CHILDCARE', needed: 1, title: 'Kinderopvang' } },
          world.tokens.host,
        ),
      ).createShift;
      expect(byHost).toEqual({ title: 'Kinderopvang', startsAt: shift.startsAt });
      const before = await count(`SELECT count(*) FROM shift`);
      expect(
        errorOf(
          await api.gql(
            `mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`,
            { i: { sessionId: session.id, role: 'HOST', needed: 1 } },
            world.tokens.otherHost,
          ),
        ).code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(
          await api.gql(
            `mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`,
            { i: { role: 'HOST', needed: 1, title: 'Los', startsAt: brussels('2026-09-09', '10:00'), endsAt: brussels('2026-09-09', '11:00') } },
            world.tokens.host,
          ),
        ).code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(
          await coordinator(`mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`, {
            i: { role: 'HOST', needed: 1, title: 'Gisteren', startsAt: brussels('2026-08-14', '10:00'), endsAt: brussels('2026-08-14', '11:00') },
          }),
        ).code,
      ).toBe('SESSION_IN_PAST');
      expect(await count(`SELECT count(*) FROM shift`)).toBe(before);
    });

    it('createSeriesShifts makes one shift per upcoming session of the series', async () => {
      const series = dataOf(
        await coordinator(CREATE_SERIES, {
          i: {
            programmeId: world.schoolbabbelId,
            venueId: world.schoolVenueId,
            title: 'Schoolbabbel De Vlieger',
            durationMinutes: 90,
            firstStartsAt: '2026-09-03T14:00:00+02:00',
            rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=4',
            skipSchoolHolidays: false,
            hostIds: [world.userIds.host],
          },
        }),
      ).createSessionSeries;
      expect(series.sessions).toHaveLength(4);
      const input = { seriesId: series.id, role: 'WELCOME', needed: 2, languages: ['ar'] };
      const shifts = dataOf(
        await coordinator(`mutation($i: CreateSeriesShiftsInput!) { createSeriesShifts(input: $i) { ${SHIFT_FIELDS} } }`, { i: input }),
      ).createSeriesShifts;
      expect(shifts.map((s: { session: { id: string } }) => s.session.id)).toEqual(series.sessions.map((s: { id: string }) => s.id));
      expect(shifts.map((s: { startsAt: string }) => utc(s.startsAt))).toEqual(series.sessions.map((s: { startsAt: string }) => utc(s.startsAt)));
      expect(shifts.map((s: { endsAt: string }) => utc(s.endsAt))).toEqual(series.sessions.map((s: { endsAt: string }) => utc(s.endsAt)));
      for (const shift of shifts)
        expect(shift).toMatchObject({ title: 'Schoolbabbel De Vlieger', role: 'WELCOME', needed: 2, languages: ['ar'], seriesId: series.id, status: 'OPEN' });

      // Once two dates have passed, only the two ahead get a shift.
      const later = await startTestApi({ sharing: api, now: new Date('2026-09-12T08:00:00Z') });
      try {
        const ahead = dataOf(
          await later.gql(
            `mutation($i: CreateSeriesShiftsInput!) { createSeriesShifts(input: $i) { startsAt session { id } } }`,
            { i: { ...input, title: 'Onthaal' } },
            world.tokens.coordinator,
          ),
        ).createSeriesShifts;
        expect(ahead.map((s: { session: { id: string } }) => s.session.id)).toEqual(series.sessions.slice(2).map((s: { id: string }) => s.id));
      } finally {
        await later.close();
      }
      expect(
        errorOf(await api.gql(`mutation($i: CreateSeriesShiftsInput!) { createSeriesShifts(input: $i) { id } }`, { i: input }, world.tokens.otherHost)).code,
      ).toBe('FORBIDDEN');
    });
  });

  describe('concurrency', () => {
    it.each([
      ['2026-09-21', 1],
      ['2026-09-22', 3],
      ['2026-09-23', 3],
    ])(`on %s ${RACERS} volunteers race for the last place of a shift (needed %i): exactly one gets it, the others SHIFT_FULL`, async (day, needed) => {
      const shift = await createShift(api, world, {
        title: `Opbouw ${day}`,
        role: 'SETUP',
        needed,
        startsAt: brussels(day, '14:00'),
        endsAt: brussels(day, '17:00'),
      });
      // All places but the last are taken beforehand.
      for (const early of [v.Sven, v.Zeynep].slice(0, needed - 1)) dataOf(await coordinator(ASSIGN, { s: shift.id, v: early.id }));
      const results = await Promise.all(racers.map((racer) => api.gql(SIGN_UP, { s: shift.id }, racer.token)));
      expect(results.every((r) => r.status === 200)).toBe(true);
      const won = results.filter((r) => r.data?.signUpForShift);
      expect(results.filter((r) => !r.data?.signUpForShift).map(codeOf)).toEqual(Array(RACERS - 1).fill('SHIFT_FULL'));
      expect(won).toHaveLength(1);
      expect(await heldOn(shift.id)).toBe(needed);
      const seen = dataOf(
        await coordinator(`query($f: ShiftFilter) { shifts(filter: $f) { id filled openPlaces assignments { volunteer { id } } } }`, {
          f: { from: brussels(day, '00:00'), to: brussels(day, '23:59') },
        }),
      ).shifts;
      expect(seen).toEqual([{ id: shift.id, filled: needed, openPlaces: 0, assignments: expect.any(Array) }]);
      expect(seen[0].assignments.map((a: { volunteer: { id: string } }) => a.volunteer.id)).toContain(won[0].data!.signUpForShift.volunteer.id);
      // Only the winner got reminders.
      expect(await count(`SELECT count(*) FROM notification n JOIN shift_assignment a ON a.id = n.shift_assignment_id WHERE a.shift_id = $1`, [shift.id])).toBe(
        2 * needed,
      );
    });

    // Several rounds: concurrent inserts under the exclusion constraint once deadlocked now and then (an internal error instead of VOLUNTEER_UNAVAILABLE).
    it.each(['2026-09-25', '2026-09-26', '2026-09-27', '2026-09-28', '2026-09-29', '2026-09-30'])(
      'on %s one volunteer signing up at once for 10 mutually overlapping shifts gets exactly one',
      async (day) => {
        // Every shift contains 14:00-14:15; starts and ends differ.
        const shifts = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            createShift(api, world, {
              title: `Overlap ${day} ${i}`,
              needed: 2,
              startsAt: brussels(day, ['10:00', '11:30', '12:00', '13:00', '13:45', '14:00', '09:00', '12:30', '13:15', '10:45'][i]),
              endsAt: brussels(day, ['15:00', '16:00', '17:30', '14:30', '15:15', '18:00', '19:00', '15:30', '16:45', '14:15'][i]),
            }),
          ),
        );
        const results = await Promise.all(shifts.map((shift) => api.gql(SIGN_UP, { s: shift.id }, v.Bilal.token)));
        expect(results.every((r) => r.status === 200)).toBe(true);
        expect(results.filter((r) => r.data?.signUpForShift)).toHaveLength(1);
        const refused = results.filter((r) => !r.data?.signUpForShift);
        expect(refused.map(codeOf)).toEqual(Array(9).fill('VOLUNTEER_UNAVAILABLE'));
        for (const r of refused) expect(r.errors![0].extensions!.reason).toBe('OVERLAP');
        expect(
          await count(
            `SELECT count(*) FROM shift_assignment WHERE volunteer_id = $1 AND shift_id = ANY($2::uuid[]) AND status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')`,
            [v.Bilal.id, shifts.map((s) => s.id)],
          ),
        ).toBe(1);
        // Asked again one at a time, the refusal names the shift the volunteer holds.
        const winner = results.findIndex((r) => r.data?.signUpForShift);
        const other = errorOf(await api.gql(SIGN_UP, { s: shifts[(winner + 1) % 10].id }, v.Bilal.token));
        expect(other.code).toBe('VOLUNTEER_UNAVAILABLE');
        expect(other.message).toContain(`Overlap ${day} ${winner}`);
      },
    );

    it('10 volunteers each racing for the same 10 overlapping one-place shifts: nobody holds two, no shift has two', async () => {
      const day = '2026-10-02';
      const crowd = racers.slice(0, 10);
      const shifts = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          createShift(api, world, { title: `Drukte ${i}`, needed: 1, startsAt: brussels(day, `1${i % 4}:00`), endsAt: brussels(day, '18:00') }),
        ),
      );
      const results = await Promise.all(crowd.flatMap((racer) => shifts.map((shift) => api.gql(SIGN_UP, { s: shift.id }, racer.token))));
      expect(results.every((r) => r.status === 200)).toBe(true);
      const codes = new Set(results.filter((r) => r.errors).map(codeOf));
      expect([...codes].filter((code) => code !== 'SHIFT_FULL' && code !== 'VOLUNTEER_UNAVAILABLE')).toEqual([]);
      const held = await api.dataSource.query<{ shift_id: string; volunteer_id: string }[]>(
        `SELECT shift_id, volunteer_id FROM shift_assignment WHERE shift_id = ANY($1::uuid[]) AND status = 'ASSIGNED'`,
        [shifts.map((s) => s.id)],
      );
      expect(held.length).toBe(results.filter((r) => r.data?.signUpForShift).length);
      expect(new Set(held.map((h) => h.shift_id)).size).toBe(held.length);
      expect(new Set(held.map((h) => h.volunteer_id)).size).toBe(held.length);
      expect(held.length).toBeGreaterThanOrEqual(1);
    });

    it('adjacent shifts (one ends when the next starts) are both taken, also at once', async () => {
      const day = '2026-10-03';
      const [morning, noon, afternoon] = await Promise.all([
        createShift(api, world, { title: 'Ochtend', startsAt: brussels(day, '09:00'), endsAt: brussels(day, '12:00') }),
        createShift(api, world, { title: 'Middag', needed: 2, startsAt: brussels(day, '12:00'), endsAt: brussels(day, '14:00') }),
        createShift(api, world, { title: 'Namiddag', startsAt: brussels(day, '14:00'), endsAt: brussels(day, '17:00') }),
      ]);
      const results = await Promise.all([morning, noon, afternoon].map((shift) => api.gql(SIGN_UP, { s: shift.id }, v.Chloé.token)));
      expect(results.map((r) => r.data?.signUpForShift?.status ?? codeOf(r))).toEqual(['ASSIGNED', 'ASSIGNED', 'ASSIGNED']);
      const mine = dataOf(await api.gql(`{ myShifts { shift { title } } }`, {}, v.Chloé.token)).myShifts;
      expect(mine.map((a: { shift: { title: string } }) => a.shift.title)).toEqual(['Ochtend', 'Middag', 'Namiddag']);
      // Signing up twice for one shift is refused as such.
      expect(errorOf(await api.gql(SIGN_UP, { s: noon.id }, v.Chloé.token)).code).toBe('ALREADY_REGISTERED');
    });
  });

  describe('dropping, swapping, reminders', () => {
    it('writes two reminders on sign-up, cancels them on drop; the gap shows in onlyUnderstaffed with openPlaces', async () => {
      const day = '2026-10-06';
      const shift = await createShift(api, world, { title: 'Onthaal Schouwburg', needed: 2, startsAt: brussels(day, '19:00'), endsAt: brussels(day, '21:00') });
      const dries = await signUp(v.Dries, shift.id);
      const eline = await signUp(v.Eline, shift.id);
      const due = (offset: number) => new Date(new Date(shift.startsAt).getTime() - offset * 60_000);
      expect(await reminders(dries.id)).toEqual([
        { kind: 'SHIFT_REMINDER', offset_minutes: 180, status: 'PENDING', due_at: due(180), user_id: v.Dries.id },
        { kind: 'SHIFT_REMINDER', offset_minutes: 2880, status: 'PENDING', due_at: due(2880), user_id: v.Dries.id },
      ]);
      const window = { from: brussels(day, '00:00'), to: brussels(day, '23:59') };
      expect(dataOf(await coordinator(SHIFTS, { f: { ...window, onlyUnderstaffed: true } })).shifts).toEqual([]);
      // Full: a third volunteer is refused.
      expect(errorOf(await api.gql(SIGN_UP, { s: shift.id }, v.Fatma.token)).code).toBe('SHIFT_FULL');

      // Someone else's shift is not yours to drop.
      expect(errorOf(await api.gql(DROP, { a: dries.id }, v.Eline.token)).code).toBe('FORBIDDEN');
      expect(dataOf(await api.gql(DROP, { a: dries.id }, v.Dries.token)).dropShift).toEqual({ id: dries.id, status: 'DROPPED' });
      expect(dataOf(await api.gql(DROP, { a: dries.id }, v.Dries.token)).dropShift.status).toBe('DROPPED');
      expect((await reminders(dries.id)).map((r) => [r.offset_minutes, r.status])).toEqual([
        [180, 'CANCELLED'],
        [2880, 'CANCELLED'],
      ]);
      expect((await reminders(eline.id)).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
      const gaps = dataOf(await coordinator(SHIFTS, { f: { ...window, onlyUnderstaffed: true } })).shifts;
      expect(gaps).toEqual([expect.objectContaining({ id: shift.id, needed: 2, filled: 1, openPlaces: 1 })]);
      expect(await heldOn(shift.id)).toBe(1);

      // The freed place can be taken.
      await signUp(v.Fatma, shift.id);
      expect(dataOf(await coordinator(SHIFTS, { f: { ...window, onlyUnderstaffed: true } })).shifts).toEqual([]);
    });

    it('writes only the reminders still ahead for a shift that starts tomorrow', async () => {
      // The clock says 2026-08-15 12:00 Brussels: two days ahead is already past, three hours is not.
      const shift = await createShift(api, world, { title: 'Morgen', startsAt: brussels('2026-08-16', '14:00'), endsAt: brussels('2026-08-16', '16:00') });
      const assignment = await signUp(v.Goran, shift.id);
      expect((await reminders(assignment.id)).map((r) => [r.kind, r.offset_minutes, r.status, r.due_at.toISOString()])).toEqual([
        ['SHIFT_REMINDER', 180, 'PENDING', '2026-08-16T09:00:00.000Z'],
      ]);
    });

    it("a coordinator's swapShift hands a shift over in one step, and changes nothing when the other volunteer is busy or away (a volunteer's asks: shift-swaps.e2e-spec)", async () => {
      const day = '2026-10-08';
      const shift = await createShift(api, world, {
        title: 'Vertaling intake',
        role: 'TRANSLATOR',
        startsAt: brussels(day, '18:00'),
        endsAt: brussels(day, '20:00'),
      });
      const busyThen = await createShift(api, world, {
        title: 'Kookatelier',
        role: 'COOKING',
        startsAt: brussels(day, '19:30'),
        endsAt: brussels(day, '22:00'),
      });
      const hanna = await signUp(v.Hanna, shift.id);
      const ilias = await signUp(v.Ilias, busyThen.id);

      // Ilias is busy from 19:30: the shift cannot go to him, and Hanna keeps it.
      const refused = errorOf(await api.gql(SWAP, { a: hanna.id, to: v.Ilias.id }, world.tokens.coordinator));
      expect([refused.code, refused.extensions.reason]).toEqual(['VOLUNTEER_UNAVAILABLE', 'OVERLAP']);
      expect(await statusOf(hanna.id)).toBe('ASSIGNED');
      expect(await statusOf(ilias.id)).toBe('ASSIGNED');
      expect(await count(`SELECT count(*) FROM shift_assignment WHERE shift_id = $1`, [shift.id])).toBe(1);
      expect((await reminders(hanna.id)).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);

      // Jasmien is away that week.
      dataOf(await api.gql(ADD_ABSENCE, { v: v.Jasmien.id, i: { startsOn: '2026-10-05', endsOn: '2026-10-11', reason: 'Op reis' } }, v.Jasmien.token));
      const away = errorOf(await api.gql(SWAP, { a: hanna.id, to: v.Jasmien.id }, world.tokens.coordinator));
      expect([away.code, away.extensions.reason]).toEqual(['VOLUNTEER_UNAVAILABLE', 'AWAY']);
      expect(await statusOf(hanna.id)).toBe('ASSIGNED');

      // Karim is free: the shift is his, Hanna's place is given back, reminders move with it.
      const swapped = dataOf(await api.gql(SWAP, { a: hanna.id, to: v.Karim.id }, world.tokens.coordinator)).swapShift;
      expect(swapped).toMatchObject({ status: 'ASSIGNED', volunteer: { id: v.Karim.id }, shift: { id: shift.id } });
      expect(await statusOf(hanna.id)).toBe('DROPPED');
      expect(await api.dataSource.query(`SELECT volunteer_id, status FROM shift_assignment WHERE shift_id = $1 AND status = 'ASSIGNED'`, [shift.id])).toEqual([
        { volunteer_id: v.Karim.id, status: 'ASSIGNED' },
      ]);
      expect((await reminders(hanna.id)).map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
      expect((await reminders(swapped.id)).map((r) => [r.user_id, r.status])).toEqual([
        [v.Karim.id, 'PENDING'],
        [v.Karim.id, 'PENDING'],
      ]);
      // A dropped assignment cannot be swapped again.
      expect(errorOf(await api.gql(SWAP, { a: hanna.id, to: v.Lotte.id }, world.tokens.coordinator)).code).toBe('CONFLICT');
    });
  });

  describe('availability and matching', () => {
    it('a period away refuses sign-ups that day (Brussels days) and leaves the volunteer out of suggestions', async () => {
      dataOf(await api.gql(SAVE_PROFILE, { v: v.Mehdi.id, i: { skills: ['SETUP'] } }, v.Mehdi.token));
      dataOf(await api.gql(ADD_ABSENCE, { v: v.Mehdi.id, i: { startsOn: '2026-10-12', endsOn: '2026-10-14' } }, v.Mehdi.token));
      // 23:30 Brussels on the last day away is 21:30Z; 00:30 the next day is still the 14th in UTC.
      const lastEvening = await createShift(api, world, {
        title: 'Laat',
        role: 'SETUP',
        startsAt: brussels('2026-10-14', '23:00'),
        endsAt: brussels('2026-10-14', '23:45'),
      });
      const nextNight = await createShift(api, world, {
        title: 'Nacht',
        role: 'SETUP',
        startsAt: brussels('2026-10-15', '00:30'),
        endsAt: brussels('2026-10-15', '01:30'),
      });
      const away = errorOf(await api.gql(SIGN_UP, { s: lastEvening.id }, v.Mehdi.token));
      expect([away.code, away.extensions.reason]).toEqual(['VOLUNTEER_UNAVAILABLE', 'AWAY']);
      expect(away.message).toContain('2026-10-12');
      expect(errorOf(await coordinator(ASSIGN, { s: lastEvening.id, v: v.Mehdi.id })).code).toBe('VOLUNTEER_UNAVAILABLE');
      expect(await heldOn(lastEvening.id)).toBe(0);
      const suggested = dataOf(await coordinator(SUGGEST, { s: lastEvening.id, l: 50 })).suggestVolunteers.map(
        (s: { volunteer: { id: string } }) => s.volunteer.id,
      );
      expect(suggested).not.toContain(v.Mehdi.id);
      expect(suggested).toContain(v.Nora.id);
      expect(
        dataOf(await coordinator(SUGGEST, { s: nextNight.id, l: 50 })).suggestVolunteers.map((s: { volunteer: { id: string } }) => s.volunteer.id),
      ).toContain(v.Mehdi.id);
      expect((await signUp(v.Mehdi, nextNight.id)).status).toBe('ASSIGNED');

      // Removing the period away makes the volunteer available again.
      const profile = dataOf(await api.gql(`{ volunteerProfile { absences { id startsOn endsOn } } }`, {}, v.Mehdi.token)).volunteerProfile;
      expect(profile).toEqual({ absences: [{ id: expect.any(String), startsOn: '2026-10-12', endsOn: '2026-10-14' }] });
      expect(errorOf(await api.gql(`mutation($id: ID!) { removeVolunteerAbsence(id: $id) }`, { id: profile.absences[0].id }, v.Nora.token)).code).toBe(
        'FORBIDDEN',
      );
      expect(
        dataOf(await api.gql(`mutation($id: ID!) { removeVolunteerAbsence(id: $id) }`, { id: profile.absences[0].id }, v.Mehdi.token)).removeVolunteerAbsence,
      ).toBe(true);
      expect((await signUp(v.Mehdi, lastEvening.id)).status).toBe('ASSIGNED');
    });

    it('suggestVolunteers ranks by skill, shared language and usual availability; never someone busy or away', async () => {
      // Tuesday 20 October 2026, evening; Tigrinya helps.
      const day = '2026-10-20';
      const shift = await createShift(api, world, {
        title: 'Tolk Tigrinya',
        role: 'TRANSLATOR',
        languages: ['ti'],
        startsAt: brussels(day, '18:30'),
        endsAt: brussels(day, '20:30'),
      });
      const profile = (who: Volunteer, input: Record<string, unknown>) => api.gql(SAVE_PROFILE, { v: who.id, i: input }, who.token).then(dataOf);
      await profile(v.Nora, { skills: ['TRANSLATOR'], languages: ['ti', 'nl'], availableWeekdays: [2], availableDayparts: ['EVENING'] }); // 4 + 2 + 2
      await profile(v.Omar, { skills: ['TRANSLATOR'], languages: ['TI'], availableWeekdays: [1, 3], availableDayparts: ['EVENING'] }); // 4 + 2
      await profile(v.Pieter, { skills: ['TRANSLATOR'], languages: ['nl'], availableWeekdays: [2], availableDayparts: ['MORNING'] }); // 4
      await profile(v.Rania, { skills: ['COOKING'], languages: ['ti'], availableWeekdays: [2], availableDayparts: ['EVENING'] }); // 2 + 2
      await profile(v.Sven, { skills: ['TRANSLATOR'], languages: ['ti'], availableWeekdays: [2], availableDayparts: ['EVENING'] }); // busy
      await profile(v.Zeynep, { skills: ['TRANSLATOR'], languages: ['ti'], availableWeekdays: [2], availableDayparts: ['EVENING'] }); // away
      // Pieter already has a shift ahead: Rania (same score, none ahead) comes first.
      const elsewhere = await createShift(api, world, {
        title: 'Elders',
        role: 'SETUP',
        startsAt: brussels('2026-10-21', '10:00'),
        endsAt: brussels('2026-10-21', '11:00'),
      });
      await signUp(v.Pieter, elsewhere.id);
      const overlapping = await createShift(api, world, { title: 'Bezet', role: 'SETUP', startsAt: brussels(day, '20:00'), endsAt: brussels(day, '21:00') });
      await signUp(v.Sven, overlapping.id);
      dataOf(await coordinator(ADD_ABSENCE, { v: v.Zeynep.id, i: { startsOn: day, endsOn: day } }));

      const suggestions = dataOf(await coordinator(SUGGEST, { s: shift.id, l: 50 })).suggestVolunteers;
      expect(suggestions.slice(0, 4)).toEqual([
        { volunteer: { id: v.Nora.id }, score: 8, sharedLanguages: ['ti'], hasSkill: true, usuallyAvailable: true, upcomingShifts: 0 },
        { volunteer: { id: v.Omar.id }, score: 6, sharedLanguages: ['ti'], hasSkill: true, usuallyAvailable: false, upcomingShifts: 0 },
        { volunteer: { id: v.Rania.id }, score: 4, sharedLanguages: ['ti'], hasSkill: false, usuallyAvailable: true, upcomingShifts: 0 },
        { volunteer: { id: v.Pieter.id }, score: 4, sharedLanguages: [], hasSkill: true, usuallyAvailable: false, upcomingShifts: 1 },
      ]);
      expect(suggestions.slice(4).every((s: { score: number }) => s.score < 4)).toBe(true);
      const ids = suggestions.map((s: { volunteer: { id: string } }) => s.volunteer.id);
      expect(ids).not.toContain(v.Sven.id);
      expect(ids).not.toContain(v.Zeynep.id);
      expect(dataOf(await coordinator(SUGGEST, { s: shift.id, l: 2 })).suggestVolunteers).toHaveLength(2);
      expect(errorOf(await api.gql(SUGGEST, { s: shift.id }, v.Nora.token)).code).toBe('FORBIDDEN');
    });

    it('openShifts shows a volunteer the shifts with a place that fit their skills, languages, days and dayparts', async () => {
      // Lotte looks after children, speaks Ukrainian, and is free on Saturday mornings.
      const saturday = '2026-11-14';
      dataOf(
        await api.gql(
          SAVE_PROFILE,
          { v: v.Lotte.id, i: { skills: ['CHILDCARE'], languages: ['uk', 'nl'], availableWeekdays: [6], availableDayparts: ['MORNING'] } },
          v.Lotte.token,
        ),
      );
      const make = (title: string, input: Record<string, unknown>, day = saturday, from = '09:00', to = '10:00') =>
        createShift(api, world, { title, role: 'CHILDCARE', needed: 1, startsAt: brussels(day, from), endsAt: brussels(day, to), ...input });
      const fits = await make('Opvang Oekraïens', { languages: ['uk'] });
      const anyLanguage = await make('Opvang', {}, saturday, '10:00', '11:00');
      await make('Koken', { role: 'COOKING' }, saturday, '08:00', '09:00');
      await make('Opvang Arabisch', { languages: ['ar'] }, saturday, '08:00', '09:00');
      await make('Opvang avond', {}, saturday, '18:00', '19:00');
      await make('Opvang zondag', {}, '2026-11-15');
      const full = await make('Opvang vol', {}, saturday, '11:00', '11:30');
      await signUp(v.Nora, full.id);
      // Lotte holds a shift from 11:15: the one overlapping it is not open to her.
      const held = await make('Opvang eigen', { needed: 2 }, saturday, '11:15', '12:00');
      await signUp(v.Lotte, held.id);
      await make('Opvang overlap', {}, saturday, '11:30', '11:59');
      // Away the next Saturday.
      dataOf(await api.gql(ADD_ABSENCE, { v: v.Lotte.id, i: { startsOn: '2026-11-21', endsOn: '2026-11-21' } }, v.Lotte.token));
      await make('Opvang volgende week', {}, '2026-11-21');

      const open = dataOf(await api.gql(OPEN_SHIFTS, {}, v.Lotte.token)).openShifts;
      expect(open).toEqual([
        { id: fits.id, title: 'Opvang Oekraïens' },
        { id: anyLanguage.id, title: 'Opvang' },
      ]);
      expect(errorOf(await coordinator(OPEN_SHIFTS)).code).toBe('FORBIDDEN');
    });
  });

  describe('at and after the session', () => {
    it('attendance is recorded once the shift has begun, by its host: ATTENDED and NO_SHOW', async () => {
      const session = dataOf(
        await coordinator(CREATE_SESSION, {
          i: sessionInput(world, {
            title: 'Praattafel Heule',
            startsAt: '2026-10-22T19:00:00+02:00',
            endsAt: '2026-10-22T20:30:00+02:00',
            hostIds: [world.userIds.host],
          }),
        }),
      ).createSession;
      const shift = dataOf(
        await coordinator(`mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`, { i: { sessionId: session.id, role: 'HOST', needed: 2 } }),
      ).createShift;
      const came = await signUp(v.Amina, shift.id);
      const stayedHome = await signUp(v.Tess, shift.id);
      expect(errorOf(await api.gql(MARK, { a: came.id, yes: true }, world.tokens.host)).code).toBe('BAD_USER_INPUT');
      expect(await statusOf(came.id)).toBe('ASSIGNED');

      const during = await startTestApi({ sharing: api, now: new Date('2026-10-22T17:30:00Z') });
      try {
        const mark = (token: string, a: string, yes: boolean) => during.gql(MARK, { a, yes }, token);
        expect(errorOf(await mark(world.tokens.otherHost, came.id, true)).code).toBe('FORBIDDEN');
        expect(errorOf(await mark(v.Amina.token, came.id, true)).code).toBe('FORBIDDEN');
        expect(dataOf(await mark(world.tokens.host, came.id, true)).markShiftAttendance).toEqual({ id: came.id, status: 'ATTENDED' });
        expect(dataOf(await mark(world.tokens.host, stayedHome.id, false)).markShiftAttendance).toEqual({ id: stayedHome.id, status: 'NO_SHOW' });
        // Begun: no longer dropped or taken.
        expect(errorOf(await during.gql(DROP, { a: came.id }, v.Amina.token)).code).toBe('SESSION_IN_PAST');
        expect(errorOf(await during.gql(SIGN_UP, { s: shift.id }, v.Fatma.token)).code).toBe('SESSION_IN_PAST');
        const past = dataOf(await during.gql(`{ myShifts(includePast: true) { id status } }`, {}, v.Tess.token)).myShifts;
        expect(past).toContainEqual({ id: stayedHome.id, status: 'NO_SHOW' });
      } finally {
        await during.close();
      }
      expect(await api.dataSource.query(`SELECT volunteer_id, status FROM shift_assignment WHERE shift_id = $1 ORDER BY status`, [shift.id])).toEqual([
        { volunteer_id: v.Amina.id, status: 'ATTENDED' },
        { volunteer_id: v.Tess.id, status: 'NO_SHOW' },
      ]);
    });

    it('cancelling a session cancels its shifts and releases their volunteers', async () => {
      const session = dataOf(
        await coordinator(CREATE_SESSION, {
          i: sessionInput(world, {
            title: 'Praattafel Marke',
            startsAt: '2026-10-27T19:00:00+01:00',
            endsAt: '2026-10-27T20:30:00+01:00',
            hostIds: [world.userIds.host],
          }),
        }),
      ).createSession;
      const shift = dataOf(
        await coordinator(`mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`, { i: { sessionId: session.id, role: 'WELCOME', needed: 3 } }),
      ).createShift;
      const assignments = [await signUp(v.Ilias, shift.id), await signUp(v.Omar, shift.id)];
      dataOf(await coordinator(`mutation($id: ID!) { cancelSession(id: $id, reason: "Zaal onder water") { status } }`, { id: session.id }));

      expect(await api.dataSource.query(`SELECT status FROM shift WHERE id = $1`, [shift.id])).toEqual([{ status: 'CANCELLED' }]);
      for (const assignment of assignments) {
        expect(await statusOf(assignment.id)).toBe('DROPPED');
        expect((await reminders(assignment.id)).map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
      }
      expect(dataOf(await coordinator(SHIFTS, { f: { sessionId: session.id } })).shifts).toEqual([]);
      expect(errorOf(await api.gql(SIGN_UP, { s: shift.id }, v.Pieter.token)).code).toBe('CONFLICT');
      // No new shift at a session that will not take place.
      const shiftsBefore = await count(`SELECT count(*) FROM shift`);
      expect(
        errorOf(
          await coordinator(`mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`, { i: { sessionId: session.id, role: 'WELCOME', needed: 1 } }),
        ).code,
      ).toBe('SESSION_CANCELLED');
      expect(await count(`SELECT count(*) FROM shift`)).toBe(shiftsBefore);
      // Released: the same evening is free again.
      const instead = await createShift(api, world, { title: 'Elders helpen', startsAt: '2026-10-27T19:00:00+01:00', endsAt: '2026-10-27T20:30:00+01:00' });
      expect((await signUp(v.Ilias, instead.id)).status).toBe('ASSIGNED');
    });

    it('moving a session moves its shifts and reminders; a volunteer busy at the new time is released', async () => {
      const session = dataOf(
        await coordinator(CREATE_SESSION, {
          i: sessionInput(world, {
            title: 'Praattafel Heule',
            startsAt: '2026-11-10T19:00:00+01:00',
            endsAt: '2026-11-10T20:30:00+01:00',
            hostIds: [world.userIds.host],
          }),
        }),
      ).createSession;
      const shift = dataOf(
        await coordinator(`mutation($i: CreateShiftInput!) { createShift(input: $i) { id } }`, { i: { sessionId: session.id, role: 'WELCOME', needed: 3 } }),
      ).createShift;
      const staying = await signUp(v.Karim, shift.id);
      const busy = await signUp(v.Lotte, shift.id);
      // Lotte already helps elsewhere on the evening the session moves to.
      const elsewhere = await createShift(api, world, { title: 'Dialoogtafel', startsAt: '2026-11-12T19:00:00+01:00', endsAt: '2026-11-12T21:00:00+01:00' });
      await signUp(v.Lotte, elsewhere.id);

      dataOf(
        await coordinator(`mutation($id: ID!, $s: DateTime!, $e: DateTime!) { moveSession(id: $id, startsAt: $s, endsAt: $e) { id } }`, {
          id: session.id,
          s: '2026-11-12T19:00:00+01:00',
          e: '2026-11-12T20:30:00+01:00',
        }),
      );

      expect(await api.dataSource.query(`SELECT starts_at, ends_at FROM shift WHERE id = $1`, [shift.id])).toEqual([
        { starts_at: new Date('2026-11-12T18:00:00Z'), ends_at: new Date('2026-11-12T19:30:00Z') },
      ]);
      expect(await api.dataSource.query(`SELECT status, starts_at FROM shift_assignment WHERE id = $1`, [staying.id])).toEqual([
        { status: 'ASSIGNED', starts_at: new Date('2026-11-12T18:00:00Z') },
      ]);
      expect(await statusOf(busy.id)).toBe('DROPPED');
      const karim = await reminders(staying.id);
      expect(karim.filter((r) => r.status === 'PENDING').map((r) => [r.offset_minutes, r.due_at.toISOString()])).toEqual([
        [180, '2026-11-12T15:00:00.000Z'],
        [2880, '2026-11-10T18:00:00.000Z'],
      ]);
      expect(karim.filter((r) => r.status === 'CANCELLED')).toHaveLength(2);
      expect((await reminders(busy.id)).every((r) => r.status === 'CANCELLED')).toBe(true);
      expect(dataOf(await coordinator(SHIFTS, { f: { sessionId: session.id } })).shifts.map((s: { openPlaces: number }) => s.openPlaces)).toEqual([2]);
    });
  });

  describe('the personal iCalendar feed', () => {
    const feed = (path: string) => fetch(`${api.baseUrl}${path}`);

    it("holds the volunteer's held shifts in Brussels time, and stops when revoked or replaced", async () => {
      // Summer time on 20 October, winter time on 3 November 2026.
      const session = dataOf(
        await coordinator(CREATE_SESSION, {
          i: sessionInput(world, { title: 'Praattafel Overleie (herfst)', startsAt: '2026-10-20T19:00:00+02:00', endsAt: '2026-10-20T20:30:00+02:00' }),
        }),
      ).createSession;
      const summer = dataOf(
        await coordinator(`mutation($i: CreateShiftInput!) { createShift(input: $i) { id startsAt } }`, {
          i: { sessionId: session.id, role: 'HOST', needed: 2, notes: 'Sleutel bij de conciërge' },
        }),
      ).createShift;
      const winter = await createShift(api, world, {
        title: 'Onthaal na de herfstvakantie',
        needed: 2,
        startsAt: brussels('2026-11-03', '19:00'),
        endsAt: brussels('2026-11-03', '21:00'),
      });
      const dropped = await createShift(api, world, {
        title: 'Laten vallen',
        needed: 2,
        startsAt: brussels('2026-11-05', '19:00'),
        endsAt: brussels('2026-11-05', '21:00'),
      });
      const notMine = await createShift(api, world, {
        title: 'Van iemand anders',
        needed: 2,
        startsAt: brussels('2026-11-06', '19:00'),
        endsAt: brussels('2026-11-06', '21:00'),
      });
      const summerAssignment = await signUp(v.Yusuf, summer.id);
      const winterAssignment = await signUp(v.Yusuf, winter.id);
      const droppedAssignment = await signUp(v.Yusuf, dropped.id);
      dataOf(await api.gql(DROP, { a: droppedAssignment.id }, v.Yusuf.token));
      await signUp(v.Goran, notMine.id);
      await signUp(v.Goran, summer.id);

      expect(errorOf(await api.gql(ISSUE_FEED, { v: v.Yusuf.id }, v.Goran.token)).code).toBe('FORBIDDEN');
      const path = dataOf(await api.gql(ISSUE_FEED, { v: v.Yusuf.id }, v.Yusuf.token)).issueCalendarFeed as string;
      expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{20,64}\.ics$/);
      expect(dataOf(await api.gql(`{ volunteerProfile { hasCalendarFeed } }`, {}, v.Yusuf.token)).volunteerProfile).toEqual({ hasCalendarFeed: true });

      const response = await feed(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      const text = await response.text();
      // Every time is unambiguous: UTC (…Z) or with a TZID, never a floating local time a calendar app would misread.
      const times = text.split(/\r?\n/).filter((line) => /^DT(START|END)/.test(line));
      expect(times).toHaveLength(4);
      for (const line of times) expect(line).toMatch(/(Z$|;TZID=)/);
      const seen = vevents(text)
        .map((e) => ({
          uid: e.uid,
          summary: String(e.summary),
          start: new Date(e.start).toISOString(),
          end: new Date(e.end!).toISOString(),
          location: e.location ? String(e.location) : null,
        }))
        .sort((a, b) => a.start.localeCompare(b.start));
      expect(seen).toEqual([
        {
          uid: expect.any(String),
          summary: 'Praattafel Overleie (herfst)',
          start: '2026-10-20T17:00:00.000Z',
          end: '2026-10-20T18:30:00.000Z',
          location: 'Zaal Overleie, Zaal Overleiestraat 1, 8500 Kortrijk',
        },
        {
          uid: winterAssignment.id,
          summary: 'Onthaal na de herfstvakantie',
          start: '2026-11-03T18:00:00.000Z',
          end: '2026-11-03T20:00:00.000Z',
          location: null,
        },
      ]);

      // Revoked: 404, like a token that never existed.
      expect(dataOf(await api.gql(REVOKE_FEED, { v: v.Yusuf.id }, v.Yusuf.token)).revokeCalendarFeed).toBe(true);
      expect((await feed(path)).status).toBe(404);
      expect(dataOf(await api.gql(`{ volunteerProfile { hasCalendarFeed } }`, {}, v.Yusuf.token)).volunteerProfile).toEqual({ hasCalendarFeed: false });

      // A new one works; issuing yet another (here by a coordinator) kills the previous.
      const second = dataOf(await api.gql(ISSUE_FEED, { v: v.Yusuf.id }, v.Yusuf.token)).issueCalendarFeed as string;
      expect(second).not.toBe(path);
      expect((await feed(path)).status).toBe(404);
      expect((await feed(second)).status).toBe(200);
      const third = dataOf(await coordinator(ISSUE_FEED, { v: v.Yusuf.id })).issueCalendarFeed as string;
      expect((await feed(second)).status).toBe(404);
      const eventsOf = async (base: string) => vevents(await (await fetch(`${base}${third}`)).text()).map((e) => String(e.summary));
      expect(await eventsOf(api.baseUrl)).toEqual(['Praattafel Overleie (herfst)', 'Onthaal na de herfstvakantie']);

      // A shift that took place stays in the calendar once attendance is recorded.
      const later = await startTestApi({ sharing: api, now: new Date('2026-10-20T18:00:00Z') });
      try {
        dataOf(
          await later.gql(
            `mutation($a: ID!) { markShiftAttendance(assignmentId: $a, attended: true) { status } }`,
            { a: summerAssignment.id },
            world.tokens.coordinator,
          ),
        );
        expect(await eventsOf(later.baseUrl)).toEqual(['Praattafel Overleie (herfst)', 'Onthaal na de herfstvakantie']);
      } finally {
        await later.close();
      }
    });

    it.each([
      ['a made-up token', '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics'],
      ['a token of the wrong shape', '/calendar/not-a-token.ics'],
      ['no .ics', '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ])('answers 404 to %s', async (_what, path) => {
      expect((await feed(path)).status).toBe(404);
    });
  });
});
