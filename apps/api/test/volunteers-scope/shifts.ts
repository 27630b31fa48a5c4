import { CREATE_SERIES } from '../fixtures';
import { ScopedOperation } from '../scope-matrix';
import {
  operation,
  OperationName,
  NOW,
  FIRST_SERIES_DAY,
  OTHER_VOLUNTEER,
  ASSIGNMENT_VIEW,
  SHIFTS,
  SHIFT_ASSIGNMENTS,
  CREATE_SHIFT,
  CREATE_SERIES_SHIFTS,
  CANCEL_SHIFT,
  SIGN_UP,
  ASSIGN,
  DROP,
  SWAP,
  SWAP_CANDIDATES,
  SWAP_REQUESTS,
  ACCEPT_SWAP,
  DECLINE_SWAP,
  WITHDRAW_SWAP,
  MARK,
  expectNoLeak,
  byId,
  dayOf,
  iso,
  phoneOf,
  VolunteersScope,
} from './setup';

/** The operations of the shift rows: shifts, assignments, swaps and swap requests, attendance. */
export function shiftOperations(scope: VolunteersScope): Partial<Record<OperationName, ScopedOperation<unknown>>> {
  const {
    asAdmin,
    count,
    userOf,
    volunteerId,
    createSession,
    createShift,
    assign,
    assignments,
    assignmentStatus,
    saveProfileAsAdmin,
    askedByVolunteer,
    askedOfVolunteer,
    swapRequestStatus,
  } = scope;
  /** A shift whose one assignment (of `whose`) is dropped: the place is open again. */
  const dropOperation = (whose: () => string) =>
    operation<{ shiftId: string; assignmentId: string }>({
      arrange: async (c) => {
        const { shiftId } = await createShift(c);
        return { shiftId, assignmentId: await assign(shiftId, whose()) };
      },
      act: ({ assignmentId }, token) => scope.api.gql(DROP, { a: assignmentId }, token),
      effect: async ({ assignmentId, shiftId }, data) => {
        expect(data.dropShift).toMatchObject({ id: assignmentId, status: 'DROPPED', shift: { id: shiftId }, volunteer: { id: whose() } });
        expect(await assignmentStatus(assignmentId)).toBe('DROPPED');
      },
      unchanged: async ({ assignmentId }) => {
        expect(await assignmentStatus(assignmentId)).toBe('ASSIGNED');
      },
    });

  const swapOperation = (from: () => string, to: () => string) =>
    operation<{ shiftId: string; assignmentId: string }>({
      arrange: async (c) => {
        const { shiftId } = await createShift(c);
        return { shiftId, assignmentId: await assign(shiftId, from()) };
      },
      act: ({ assignmentId }, token) => scope.api.gql(SWAP, { a: assignmentId, v: to() }, token),
      effect: async ({ assignmentId, shiftId }, data, { who }) => {
        if (who === 'volunteer') {
          // A volunteer's call asks the colleague: the shift stays theirs until the colleague accepts.
          expect(data.swapShift).toMatchObject({ id: assignmentId, status: 'ASSIGNED', shift: { id: shiftId }, volunteer: { id: from() } });
          expect(
            await scope.api.dataSource.query(`SELECT from_volunteer_id, to_volunteer_id, status FROM shift_swap_request WHERE assignment_id = $1`, [
              assignmentId,
            ]),
          ).toEqual([{ from_volunteer_id: from(), to_volunteer_id: to(), status: 'PENDING' }]);
          expectNoLeak(data, OTHER_VOLUNTEER.email);
          return;
        }
        expect(data.swapShift).toMatchObject({ id: expect.any(String), status: 'ASSIGNED', shift: { id: shiftId }, volunteer: { id: to() } });
        expect(data.swapShift.id).not.toBe(assignmentId);
        expect(await assignmentStatus(assignmentId)).toBe('DROPPED');
        expect(await assignmentStatus(data.swapShift.id)).toBe('ASSIGNED');
      },
      unchanged: async ({ assignmentId, shiftId }) => {
        expect(await assignmentStatus(assignmentId)).toBe('ASSIGNED');
        expect(await count(`SELECT count(*) AS n FROM shift_assignment WHERE shift_id = $1`, [shiftId])).toBe(1);
      },
    });

  return {
    shifts: operation<{ shiftId: string; sessionId: string; startsAt: string }>({
      arrange: async (c) => {
        const shift = await createShift(c);
        await assign(shift.shiftId, scope.otherVolunteerId);
        return shift;
      },
      act: ({ sessionId }, token) => scope.api.gql(SHIFTS, { f: { sessionId } }, token),
      effect: async ({ shiftId, sessionId, startsAt }, data, c) => {
        expect(data.shifts).toEqual([
          {
            id: shiftId,
            title: `Praattafel ${c.tag}`,
            role: 'WELCOME',
            needed: 2,
            filled: 1,
            openPlaces: 1,
            startsAt,
            endsAt: iso(dayOf(c), '16:00'),
            status: 'OPEN',
            seriesId: null,
            notes: null,
            session: { id: sessionId },
          },
        ]);
      },
      unchanged: async ({ shiftId }, result) => {
        expectNoLeak(result, shiftId);
      },
    }),

    'Shift.assignments (at a session hosted by host)': operation<{ sessionId: string; shiftId: string; mine: string; theirs: string }>({
      arrange: async (c) => {
        const { shiftId, sessionId } = await createShift(c);
        return { sessionId, shiftId, mine: await assign(shiftId, volunteerId()), theirs: await assign(shiftId, scope.otherVolunteerId) };
      },
      act: ({ sessionId }, token) => scope.api.gql(SHIFT_ASSIGNMENTS, { f: { sessionId } }, token),
      effect: async ({ shiftId, mine, theirs }, data) => {
        expect(data.shifts).toHaveLength(1);
        expect(byId(data.shifts[0].assignments)).toEqual(
          byId([
            {
              id: mine,
              status: 'ASSIGNED',
              startsAt: expect.any(String),
              shift: { id: shiftId },
              volunteer: { id: volunteerId(), displayName: 'volunteer', email: 'volunteer@test.oefenkansen.be' },
            },
            {
              id: theirs,
              status: 'ASSIGNED',
              startsAt: expect.any(String),
              shift: { id: shiftId },
              volunteer: { id: scope.otherVolunteerId, ...OTHER_VOLUNTEER },
            },
          ]),
        );
      },
      // A volunteer sees their own place, not who else takes the shift.
      own: async ({ shiftId, mine, theirs }, data) => {
        expect(data.shifts).toEqual([
          {
            id: shiftId,
            assignments: [
              {
                id: mine,
                status: 'ASSIGNED',
                startsAt: expect.any(String),
                shift: { id: shiftId },
                volunteer: { id: volunteerId(), displayName: 'volunteer', email: 'volunteer@test.oefenkansen.be' },
              },
            ],
          },
        ]);
        expectNoLeak(data, theirs, scope.otherVolunteerId, OTHER_VOLUNTEER.email, OTHER_VOLUNTEER.displayName);
      },
      unchanged: async ({ shiftId, mine, theirs }, result) => {
        if (result.data) expect(result.data.shifts).toEqual([{ id: shiftId, assignments: [] }]);
        expectNoLeak(result, mine, theirs, volunteerId(), scope.otherVolunteerId, OTHER_VOLUNTEER.email, 'volunteer@test.oefenkansen.be');
      },
    }),

    myShifts: operation<{ shiftId: string; mine: string; theirs: string }>({
      arrange: async (c) => {
        const { shiftId } = await createShift(c);
        return { shiftId, mine: await assign(shiftId, volunteerId()), theirs: await assign(shiftId, scope.otherVolunteerId) };
      },
      act: (_state, token) => scope.api.gql(`{ myShifts { ${ASSIGNMENT_VIEW} } }`, {}, token),
      effect: async () => undefined,
      // The volunteer's own places (this case's among them); anyone else holds none.
      own: async ({ shiftId, mine, theirs }, data, { who }) => {
        if (who === 'volunteer') {
          expect(data.myShifts).toContainEqual({
            id: mine,
            status: 'ASSIGNED',
            startsAt: expect.any(String),
            shift: { id: shiftId },
            volunteer: { id: volunteerId(), displayName: 'volunteer', email: 'volunteer@test.oefenkansen.be' },
          });
          for (const assignment of data.myShifts) expect(assignment.volunteer.id).toBe(volunteerId());
        } else {
          expect(data.myShifts).toEqual([]);
        }
        expectNoLeak(data, theirs, scope.otherVolunteerId, OTHER_VOLUNTEER.email);
      },
      unchanged: async ({ mine, theirs }, result) => {
        expectNoLeak(result, mine, theirs);
      },
    }),

    openShifts: operation<{ shiftId: string }>({
      arrange: async (c) => {
        // No skills or usual days on the volunteer's profile: every shift with a free place fits.
        await saveProfileAsAdmin(volunteerId(), { languages: [], skills: [], availableWeekdays: [], availableDayparts: [] });
        return { shiftId: (await createShift(c)).shiftId };
      },
      act: (_state, token) => scope.api.gql(`{ openShifts { id title openPlaces assignments { id } } }`, {}, token),
      effect: async ({ shiftId }, data, c) => {
        expect(data.openShifts).toContainEqual({ id: shiftId, title: `Praattafel ${c.tag}`, openPlaces: 2, assignments: [] });
        // Only what is still open: never a shift the volunteer already holds.
        for (const shift of data.openShifts) expect(shift.openPlaces).toBeGreaterThan(0);
      },
      unchanged: async ({ shiftId }, result) => {
        expectNoLeak(result, shiftId);
      },
    }),

    suggestVolunteers: operation<{ shiftId: string; phone: string }>({
      arrange: async (c) => {
        const phone = phoneOf(c);
        await saveProfileAsAdmin(scope.otherVolunteerId, { phone, skills: ['WELCOME'] });
        return { shiftId: (await createShift(c)).shiftId, phone };
      },
      act: ({ shiftId }, token) =>
        scope.api.gql(`query($s: ID!) { suggestVolunteers(shiftId: $s) { volunteer { id email } score hasSkill } }`, { s: shiftId }, token),
      effect: async (_state, data) => {
        const suggested = data.suggestVolunteers as { volunteer: { id: string }; hasSkill: boolean }[];
        expect(suggested.map((s) => s.volunteer.id).sort()).toEqual([volunteerId(), scope.otherVolunteerId].sort());
        expect(suggested.find((s) => s.volunteer.id === scope.otherVolunteerId)!.hasSkill).toBe(true);
      },
      unchanged: async ({ phone }, result) => {
        expectNoLeak(result, phone, scope.otherVolunteerId, volunteerId(), OTHER_VOLUNTEER.email);
      },
    }),

    'createShift (at a session hosted by host)': operation<{ sessionId: string; startsAt: string; endsAt: string; notes: string }>({
      arrange: async (c) => {
        const session = await createSession(c, `Praattafel ${c.tag}`);
        return { sessionId: session.id, startsAt: session.startsAt, endsAt: session.endsAt, notes: `Koffie zetten ${c.tag}` };
      },
      act: ({ sessionId, notes }, token) => scope.api.gql(CREATE_SHIFT, { i: { sessionId, role: 'HOST', needed: 1, languages: ['AR'], notes } }, token),
      effect: async ({ sessionId, startsAt, endsAt, notes }, data, c) => {
        // Title and times default to the session's.
        expect(data.createShift).toMatchObject({
          title: `Praattafel ${c.tag}`,
          role: 'HOST',
          needed: 1,
          filled: 0,
          openPlaces: 1,
          startsAt,
          endsAt,
          status: 'OPEN',
          notes,
          session: { id: sessionId },
        });
        expect(
          await count(`SELECT count(*) AS n FROM shift WHERE session_id = $1 AND created_by_id = $2 AND languages = '{ar}'`, [sessionId, userOf(c.who)]),
        ).toBe(1);
      },
      unchanged: async ({ sessionId }) => {
        expect(await count(`SELECT count(*) AS n FROM shift WHERE session_id = $1`, [sessionId])).toBe(0);
      },
    }),

    'createShift (outside a session)': operation<{ title: string; startsAt: string; endsAt: string }>({
      arrange: async (c) => ({ title: `Opbouw podium ${c.tag}`, startsAt: iso(dayOf(c), '08:00'), endsAt: iso(dayOf(c), '11:00') }),
      act: ({ title, startsAt, endsAt }, token) => scope.api.gql(CREATE_SHIFT, { i: { title, role: 'SETUP', needed: 4, startsAt, endsAt } }, token),
      effect: async ({ title, startsAt, endsAt }, data) => {
        expect(data.createShift).toMatchObject({ title, role: 'SETUP', needed: 4, openPlaces: 4, startsAt, endsAt, session: null });
        expect(await count(`SELECT count(*) AS n FROM shift WHERE title = $1`, [title])).toBe(1);
      },
      unchanged: async ({ title }) => {
        expect(await count(`SELECT count(*) AS n FROM shift WHERE title = $1`, [title])).toBe(0);
      },
    }),

    'createSeriesShifts (a series hosted by host)': operation<{ seriesId: string; sessionIds: string[] }>({
      arrange: async (c) => {
        // Two weekly sessions in 2028 (a fortnight per role), away from every case day.
        const first = FIRST_SERIES_DAY.plus({ days: c.column * 14 });
        const series = (
          await asAdmin(CREATE_SERIES, {
            i: {
              programmeId: scope.world.praattafelId,
              venueId: scope.world.centreVenueId,
              title: `Reeks ${c.tag}`,
              rrule: 'FREQ=WEEKLY;COUNT=2',
              firstStartsAt: iso(first, '19:00'),
              durationMinutes: 90,
              hostIds: [scope.world.userIds.host],
            },
          })
        ).createSessionSeries;
        return { seriesId: series.id, sessionIds: series.sessions.map((s: { id: string }) => s.id) };
      },
      act: ({ seriesId }, token) => scope.api.gql(CREATE_SERIES_SHIFTS, { i: { seriesId, role: 'CHILDCARE', needed: 1 } }, token),
      effect: async ({ seriesId, sessionIds }, data) => {
        expect(data.createSeriesShifts.map((s: { session: { id: string } }) => s.session.id)).toEqual(sessionIds);
        for (const shift of data.createSeriesShifts) expect(shift).toMatchObject({ role: 'CHILDCARE', needed: 1, seriesId, status: 'OPEN' });
        expect(await count(`SELECT count(*) AS n FROM shift WHERE series_id = $1`, [seriesId])).toBe(2);
      },
      unchanged: async ({ seriesId }) => {
        expect(await count(`SELECT count(*) AS n FROM shift WHERE series_id = $1`, [seriesId])).toBe(0);
      },
    }),

    'cancelShift (at a session hosted by host)': operation<{ shiftId: string }>({
      arrange: async (c) => {
        const { shiftId } = await createShift(c);
        await assign(shiftId, scope.otherVolunteerId);
        return { shiftId };
      },
      act: ({ shiftId }, token) => scope.api.gql(CANCEL_SHIFT, { id: shiftId }, token),
      effect: async ({ shiftId }, data) => {
        expect(data.cancelShift).toEqual({ id: shiftId, status: 'CANCELLED' });
        // Its volunteer is released.
        expect(await assignments(shiftId)).toEqual(['otherVolunteer:DROPPED']);
      },
      unchanged: async ({ shiftId }) => {
        expect(await count(`SELECT count(*) AS n FROM shift WHERE id = $1 AND status = 'OPEN'`, [shiftId])).toBe(1);
        expect(await assignments(shiftId)).toEqual(['otherVolunteer:ASSIGNED']);
      },
    }),

    signUpForShift: operation<{ shiftId: string }>({
      arrange: async (c) => ({ shiftId: (await createShift(c)).shiftId }),
      act: ({ shiftId }, token) => scope.api.gql(SIGN_UP, { s: shiftId }, token),
      effect: async ({ shiftId }, data) => {
        expect(data.signUpForShift).toMatchObject({ status: 'ASSIGNED', shift: { id: shiftId }, volunteer: { id: volunteerId() } });
        expect(await assignments(shiftId)).toEqual(['volunteer:ASSIGNED']);
      },
      unchanged: async ({ shiftId }) => {
        expect(await assignments(shiftId)).toEqual([]);
      },
    }),

    'assignVolunteer (another volunteer, at a session hosted by host)': operation<{ shiftId: string }>({
      arrange: async (c) => ({ shiftId: (await createShift(c)).shiftId }),
      act: ({ shiftId }, token) => scope.api.gql(ASSIGN, { s: shiftId, v: scope.otherVolunteerId }, token),
      effect: async ({ shiftId }, data, { who }) => {
        expect(data.assignVolunteer).toMatchObject({ status: 'ASSIGNED', shift: { id: shiftId }, volunteer: { id: scope.otherVolunteerId } });
        expect(await assignments(shiftId)).toEqual(['otherVolunteer:ASSIGNED']);
        expect(await count(`SELECT count(*) AS n FROM shift_assignment WHERE shift_id = $1 AND assigned_by_id = $2`, [shiftId, userOf(who)])).toBe(1);
      },
      unchanged: async ({ shiftId }, result) => {
        expect(await assignments(shiftId)).toEqual([]);
        expectNoLeak(result, OTHER_VOLUNTEER.email, OTHER_VOLUNTEER.displayName);
      },
    }),

    "dropShift (the volunteer's assignment)": dropOperation(volunteerId),
    "dropShift (another volunteer's assignment)": dropOperation(() => scope.otherVolunteerId),
    "swapShift (the volunteer's assignment, to another volunteer)": swapOperation(volunteerId, () => scope.otherVolunteerId),
    "swapShift (another volunteer's assignment, to the volunteer)": swapOperation(() => scope.otherVolunteerId, volunteerId),

    "shiftSwapCandidates (the volunteer's assignment)": operation<{ assignmentId: string }>({
      arrange: async (c) => ({ assignmentId: await assign((await createShift(c)).shiftId, volunteerId()) }),
      act: ({ assignmentId }, token) => scope.api.gql(SWAP_CANDIDATES, { a: assignmentId }, token),
      effect: async (_, data) => {
        expect(data.shiftSwapCandidates).toEqual(expect.arrayContaining([{ id: scope.otherVolunteerId, displayName: OTHER_VOLUNTEER.displayName }]));
        expect(data.shiftSwapCandidates.map((c: { id: string }) => c.id)).not.toContain(volunteerId());
        expectNoLeak(data, OTHER_VOLUNTEER.email);
      },
      unchanged: async (_, result) => expectNoLeak(result, OTHER_VOLUNTEER.displayName),
    }),
    shiftSwapRequests: operation<{ requestId: string }>({
      arrange: async (c) => ({ requestId: (await askedByVolunteer(c)).requestId }),
      act: (_, token) => scope.api.gql(SWAP_REQUESTS, {}, token),
      effect: async ({ requestId }, data) => {
        expect(data.shiftSwapRequests).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              id: requestId,
              status: 'PENDING',
              incoming: false,
              to: { id: scope.otherVolunteerId, displayName: OTHER_VOLUNTEER.displayName },
            }),
          ]),
        );
        expectNoLeak(data, OTHER_VOLUNTEER.email);
      },
      unchanged: async (_, result) => expectNoLeak(result, OTHER_VOLUNTEER.displayName),
    }),
    'acceptShiftSwap (asked of the volunteer)': operation<{ shiftId: string; assignmentId: string; requestId: string }>({
      arrange: askedOfVolunteer,
      act: ({ requestId }, token) => scope.api.gql(ACCEPT_SWAP, { r: requestId }, token),
      effect: async ({ shiftId, assignmentId, requestId }, data) => {
        expect(data.acceptShiftSwap).toMatchObject({ status: 'ASSIGNED', shift: { id: shiftId }, volunteer: { id: volunteerId() } });
        expect(await assignmentStatus(assignmentId)).toBe('DROPPED');
        expect((await assignments(shiftId)).sort()).toEqual(['otherVolunteer:DROPPED', 'volunteer:ASSIGNED']);
        expect(await swapRequestStatus(requestId)).toBe('ACCEPTED');
      },
      unchanged: async ({ shiftId, requestId }) => {
        expect(await assignments(shiftId)).toEqual(['otherVolunteer:ASSIGNED']);
        expect(await swapRequestStatus(requestId)).toBe('PENDING');
      },
    }),
    'declineShiftSwap (asked of the volunteer)': operation<{ shiftId: string; requestId: string }>({
      arrange: askedOfVolunteer,
      act: ({ requestId }, token) => scope.api.gql(DECLINE_SWAP, { r: requestId }, token),
      effect: async ({ shiftId, requestId }, data) => {
        expect(data.declineShiftSwap).toMatchObject({
          id: requestId,
          status: 'DECLINED',
          incoming: true,
          from: { id: scope.otherVolunteerId, displayName: OTHER_VOLUNTEER.displayName },
        });
        expectNoLeak(data, OTHER_VOLUNTEER.email);
        expect(await assignments(shiftId)).toEqual(['otherVolunteer:ASSIGNED']);
      },
      unchanged: async ({ requestId }) => expect(await swapRequestStatus(requestId)).toBe('PENDING'),
    }),
    "withdrawShiftSwap (the volunteer's request)": operation<{ shiftId: string; requestId: string }>({
      arrange: askedByVolunteer,
      act: ({ requestId }, token) => scope.api.gql(WITHDRAW_SWAP, { r: requestId }, token),
      effect: async ({ shiftId, requestId }, data) => {
        expect(data.withdrawShiftSwap).toMatchObject({ id: requestId, status: 'WITHDRAWN' });
        expect(await assignments(shiftId)).toEqual(['volunteer:ASSIGNED']);
      },
      unchanged: async ({ requestId }) => expect(await swapRequestStatus(requestId)).toBe('PENDING'),
    }),

    'markShiftAttendance (at a session hosted by host, once begun)': operation<{ assignmentId: string; startsAt: string }>({
      arrange: async (c) => {
        const { shiftId, startsAt } = await createShift(c);
        return { assignmentId: await assign(shiftId, volunteerId()), startsAt };
      },
      act: async ({ assignmentId, startsAt }, token) => {
        // Half an hour into the shift; the clock goes back whatever happens.
        scope.api.clock.set(new Date(new Date(startsAt).getTime() + 30 * 60_000));
        try {
          return await scope.api.gql(MARK, { a: assignmentId, x: true }, token);
        } finally {
          scope.api.clock.set(NOW);
        }
      },
      effect: async ({ assignmentId }, data) => {
        expect(data.markShiftAttendance).toEqual({ id: assignmentId, status: 'ATTENDED' });
        expect(await assignmentStatus(assignmentId)).toBe('ATTENDED');
      },
      unchanged: async ({ assignmentId }) => {
        expect(await assignmentStatus(assignmentId)).toBe('ASSIGNED');
      },
    }),
  };
}
