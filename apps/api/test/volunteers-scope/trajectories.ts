import { parse } from 'csv-parse/sync';
import { ScopedOperation } from '../scope-matrix';
import {
  operation,
  OperationName,
  OTHER_VOLUNTEER,
  NEWCOMER,
  OTHER_NEWCOMER,
  TRAJECTORIES,
  TRAJECTORY,
  CREATE_TRAJECTORY,
  expectNoLeak,
  byId,
  dateOf,
  phoneOf,
  VolunteersScope,
} from './setup';

/** The operations of the Picnik trajectory and report rows. */
export function trajectoryOperations(scope: VolunteersScope): Partial<Record<OperationName, ScopedOperation<unknown>>> {
  const { count, userOf, volunteerId, saveProfileAsAdmin, createTrajectory, trajectoryRow, buddyTrajectory, reportArrange, programmeArrange } = scope;

  return {
    trajectories: operation<{ day: string; mine: string; theirs: string; myNotes: string; theirNotes: string }>({
      arrange: async (c) => {
        const [myNotes, theirNotes] = [`Buddy ${c.tag}: wil fietsen leren`, `Buddy ${c.tag}: zoekt een huisarts`];
        const [mine, theirs] = await Promise.all([
          createTrajectory(c, volunteerId(), scope.newcomerId, myNotes),
          createTrajectory(c, scope.otherVolunteerId, scope.otherNewcomerId, theirNotes),
        ]);
        return { day: dateOf(c), mine, theirs, myNotes, theirNotes };
      },
      act: ({ day }, token) => scope.api.gql(TRAJECTORIES, { f: { startsFrom: day, startsTo: day } }, token),
      effect: async ({ mine, theirs, myNotes, theirNotes }, data) => {
        const view = (t: { id: string; notes: string; participant: { lastName: string }; buddy: { id: string } }) => ({
          id: t.id,
          notes: t.notes,
          lastName: t.participant.lastName,
          buddyId: t.buddy.id,
        });
        expect(byId(data.trajectories.map(view))).toEqual(
          byId([
            { id: mine, notes: myNotes, lastName: NEWCOMER.lastName, buddyId: volunteerId() },
            { id: theirs, notes: theirNotes, lastName: OTHER_NEWCOMER.lastName, buddyId: scope.otherVolunteerId },
          ]),
        );
      },
      // A buddy sees their own trajectories, with their newcomer's contact details; not another buddy's.
      own: async ({ mine, theirs, myNotes, theirNotes }, data) => {
        expect(data.trajectories).toHaveLength(1);
        expect(data.trajectories[0]).toMatchObject({
          id: mine,
          notes: myNotes,
          status: 'MATCHED',
          participant: { id: scope.newcomerId, firstName: NEWCOMER.firstName, lastName: NEWCOMER.lastName, phone: NEWCOMER.phone },
          buddy: { id: volunteerId() },
        });
        expectNoLeak(data, theirs, theirNotes, OTHER_NEWCOMER.lastName, OTHER_NEWCOMER.phone, scope.otherVolunteerId);
      },
      unchanged: async ({ mine, theirs, myNotes, theirNotes }, result) => {
        expectNoLeak(result, mine, theirs, myNotes, theirNotes, NEWCOMER.lastName, NEWCOMER.phone, OTHER_NEWCOMER.lastName, OTHER_NEWCOMER.phone);
      },
    }),

    'trajectory (the volunteer is the buddy)': operation<{ id: string; notes: string }>({
      arrange: buddyTrajectory,
      act: ({ id }, token) => scope.api.gql(TRAJECTORY, { id }, token),
      effect: async ({ id, notes }, data, c) => {
        expect(data.trajectory).toEqual({
          id,
          kind: 'BUDDY',
          referralChannel: 'FMDO',
          startsOn: dateOf(c),
          endsOn: null,
          status: 'MATCHED',
          notes,
          participant: { id: scope.newcomerId, firstName: NEWCOMER.firstName, lastName: NEWCOMER.lastName, phone: NEWCOMER.phone },
          buddy: { id: volunteerId() },
          history: [{ fromStatus: null, toStatus: 'MATCHED', note: null }],
          followUps: [],
        });
      },
      unchanged: async ({ notes }, result) => {
        expectNoLeak(result, notes, NEWCOMER.lastName, NEWCOMER.phone);
      },
    }),

    'trajectory (another volunteer is the buddy)': operation<{ id: string; notes: string }>({
      arrange: async (c) => {
        const notes = `Intake ${c.tag}: wil Nederlands oefenen`;
        return { id: await createTrajectory(c, scope.otherVolunteerId, scope.otherNewcomerId, notes), notes };
      },
      act: ({ id }, token) => scope.api.gql(TRAJECTORY, { id }, token),
      effect: async ({ id, notes }, data) => {
        expect(data.trajectory).toMatchObject({
          id,
          notes,
          participant: { id: scope.otherNewcomerId, lastName: OTHER_NEWCOMER.lastName },
          buddy: { id: scope.otherVolunteerId },
        });
      },
      unchanged: async ({ notes }, result) => {
        expectNoLeak(result, notes, OTHER_NEWCOMER.lastName, OTHER_NEWCOMER.phone, scope.otherVolunteerId);
      },
    }),

    suggestBuddies: operation<{ neighbourhood: string; phone: string }>({
      arrange: async (c) => {
        const [neighbourhood, phone] = [`Lange Munte ${c.tag}`, phoneOf(c)];
        await saveProfileAsAdmin(scope.otherVolunteerId, { phone, languages: ['ar', 'nl'], skills: ['BUDDY'], neighbourhood });
        return { neighbourhood, phone };
      },
      act: ({ neighbourhood }, token) =>
        scope.api.gql(
          `query($p: ID!, $n: String) { suggestBuddies(participantId: $p, neighbourhood: $n) { buddy { id email } sharedLanguages sameNeighbourhood } }`,
          { p: scope.newcomerId, n: neighbourhood },
          token,
        ),
      effect: async (_state, data) => {
        expect(data.suggestBuddies).toContainEqual({
          buddy: { id: scope.otherVolunteerId, email: OTHER_VOLUNTEER.email },
          sharedLanguages: ['ar'],
          sameNeighbourhood: true,
        });
      },
      unchanged: async ({ neighbourhood, phone }, result) => {
        expectNoLeak(result, neighbourhood, phone, scope.otherVolunteerId, OTHER_VOLUNTEER.email);
      },
    }),

    createTrajectory: operation<{ notes: string }>({
      arrange: async (c) => ({ notes: `Nieuw traject ${c.tag}` }),
      act: ({ notes }, token) =>
        scope.api.gql(
          CREATE_TRAJECTORY,
          {
            i: {
              participantId: scope.newcomerId,
              kind: 'VOLUNTEERING',
              referralChannel: 'INTEGRATION_AGENCY',
              buddyId: volunteerId(),
              startsOn: '2026-09-01',
              notes,
            },
          },
          token,
        ),
      effect: async ({ notes }, data, { who }) => {
        expect(data.createTrajectory).toMatchObject({
          kind: 'VOLUNTEERING',
          status: 'MATCHED',
          notes,
          participant: { id: scope.newcomerId },
          buddy: { id: volunteerId() },
          history: [{ fromStatus: null, toStatus: 'MATCHED', note: null }],
        });
        expect(await count(`SELECT count(*) AS n FROM trajectory WHERE notes = $1 AND created_by_id = $2`, [notes, userOf(who)])).toBe(1);
      },
      unchanged: async ({ notes }, result) => {
        expect(await count(`SELECT count(*) AS n FROM trajectory WHERE notes = $1`, [notes])).toBe(0);
        expectNoLeak(result, NEWCOMER.lastName, NEWCOMER.phone);
      },
    }),

    'updateTrajectory (the volunteer is the buddy)': operation<{ id: string; notes: string }>({
      arrange: buddyTrajectory,
      act: ({ id }, token) =>
        scope.api.gql(
          `mutation($id: ID!, $i: UpdateTrajectoryInput!) { updateTrajectory(id: $id, input: $i) { id notes endsOn buddy { id } } }`,
          { id, i: { notes: 'Gewijzigd', endsOn: '2027-12-31', buddyId: scope.otherVolunteerId } },
          token,
        ),
      effect: async ({ id }, data) => {
        expect(data.updateTrajectory).toEqual({ id, notes: 'Gewijzigd', endsOn: '2027-12-31', buddy: { id: scope.otherVolunteerId } });
        expect(await trajectoryRow(id)).toEqual({ status: 'MATCHED', notes: 'Gewijzigd', ends_on: '2027-12-31' });
      },
      unchanged: async ({ id, notes }, result) => {
        expect(await trajectoryRow(id)).toEqual({ status: 'MATCHED', notes, ends_on: null });
        expectNoLeak(result, notes);
      },
    }),

    'changeTrajectoryStatus (the volunteer is the buddy)': operation<{ id: string; notes: string }>({
      arrange: buddyTrajectory,
      act: ({ id }, token) =>
        scope.api.gql(
          `mutation($id: ID!, $s: TrajectoryStatus!, $n: String) { changeTrajectoryStatus(id: $id, status: $s, note: $n) { id status history { fromStatus toStatus note } } }`,
          { id, s: 'ACTIVE', n: 'Eerste afspraak gehad' },
          token,
        ),
      effect: async ({ id }, data) => {
        expect(data.changeTrajectoryStatus).toEqual({
          id,
          status: 'ACTIVE',
          history: [
            { fromStatus: null, toStatus: 'MATCHED', note: null },
            { fromStatus: 'MATCHED', toStatus: 'ACTIVE', note: 'Eerste afspraak gehad' },
          ],
        });
        expect((await trajectoryRow(id)).status).toBe('ACTIVE');
      },
      unchanged: async ({ id, notes }, result) => {
        expect((await trajectoryRow(id)).status).toBe('MATCHED');
        expect(await count(`SELECT count(*) AS n FROM trajectory_status_change WHERE trajectory_id = $1`, [id])).toBe(1);
        expectNoLeak(result, notes);
      },
    }),

    'addTrajectoryFollowUp (the volunteer is the buddy)': operation<{ id: string; notes: string }>({
      arrange: buddyTrajectory,
      act: ({ id }, token) =>
        scope.api.gql(
          `mutation($id: ID!, $i: FollowUpInput!) { addTrajectoryFollowUp(id: $id, input: $i) { id recordedOn outcomes note } }`,
          { id, i: { recordedOn: '2027-12-01', outcomes: ['FOUND_WORK', 'STAYED_MEMBER'], note: 'Werkt bij de bakker' } },
          token,
        ),
      effect: async ({ id }, data) => {
        expect(data.addTrajectoryFollowUp).toEqual({
          id: expect.any(String),
          recordedOn: '2027-12-01',
          outcomes: ['FOUND_WORK', 'STAYED_MEMBER'],
          note: 'Werkt bij de bakker',
        });
        expect(await count(`SELECT count(*) AS n FROM trajectory_follow_up WHERE trajectory_id = $1`, [id])).toBe(1);
      },
      unchanged: async ({ id, notes }, result) => {
        expect(await count(`SELECT count(*) AS n FROM trajectory_follow_up WHERE trajectory_id = $1`, [id])).toBe(0);
        expectNoLeak(result, notes);
      },
    }),

    'planTrajectoryFollowUp (the volunteer is the buddy)': operation<{ id: string; notes: string; day: string }>({
      arrange: async (c) => ({ ...(await buddyTrajectory(c)), day: dateOf(c) }),
      act: ({ id, day }, token) =>
        scope.api.gql(
          `mutation($id: ID!, $i: PlanFollowUpInput!) { planTrajectoryFollowUp(id: $id, input: $i) { id dueOn plannedNote recordedOn } }`,
          { id, i: { dueOn: day, note: 'Bellen over de fietsles' } },
          token,
        ),
      effect: async ({ id }, data, c) => {
        expect(data.planTrajectoryFollowUp).toEqual({ id: expect.any(String), dueOn: dateOf(c), plannedNote: 'Bellen over de fietsles', recordedOn: null });
        expect(await count(`SELECT count(*) AS n FROM trajectory_follow_up WHERE trajectory_id = $1 AND recorded_on IS NULL`, [id])).toBe(1);
      },
      unchanged: async ({ id, notes }, result) => {
        expect(await count(`SELECT count(*) AS n FROM trajectory_follow_up WHERE trajectory_id = $1`, [id])).toBe(0);
        expectNoLeak(result, notes);
      },
    }),

    'completeTrajectoryFollowUp (the volunteer is the buddy)': operation<{ id: string; notes: string; followUpId: string; day: string }>({
      arrange: async (c) => {
        const case_ = await buddyTrajectory(c);
        const planned = await scope.asAdmin(`mutation($id: ID!, $i: PlanFollowUpInput!) { planTrajectoryFollowUp(id: $id, input: $i) { id } }`, {
          id: case_.id,
          i: { dueOn: dateOf(c), note: 'Vragen hoe het gaat' },
        });
        return { ...case_, followUpId: planned.planTrajectoryFollowUp.id as string, day: dateOf(c) };
      },
      act: ({ followUpId, day }, token) =>
        scope.api.gql(
          `mutation($f: ID!, $i: CompleteFollowUpInput!) { completeTrajectoryFollowUp(followUpId: $f, input: $i) { id recordedOn outcomes } }`,
          { f: followUpId, i: { recordedOn: day, outcomes: ['STAYED_MEMBER'] } },
          token,
        ),
      effect: async ({ followUpId }, data, c) => {
        expect(data.completeTrajectoryFollowUp).toEqual({ id: followUpId, recordedOn: dateOf(c), outcomes: ['STAYED_MEMBER'] });
      },
      unchanged: async ({ followUpId, notes }, result) => {
        expect(await count(`SELECT count(*) AS n FROM trajectory_follow_up WHERE id = $1 AND recorded_on IS NULL`, [followUpId])).toBe(1);
        expectNoLeak(result, notes);
      },
    }),

    dueTrajectoryFollowUpCount: operation<{ due: number }>({
      // The count is the same planned, unrecorded follow-ups the board's "follow-up due" filter lists.
      arrange: async () => ({ due: 0 }),
      act: (_state, token) => scope.api.gql(`{ dueTrajectoryFollowUpCount }`, {}, token),
      effect: async (_state, data) => {
        const listed = await scope.asAdmin(`query($f: TrajectoryFilter) { trajectories(filter: $f) { id } }`, { f: { followUpDue: true } });
        expect(data.dueTrajectoryFollowUpCount).toBeGreaterThanOrEqual(listed.trajectories.length);
      },
      // Refused: no count at all, not even 0.
      unchanged: async (_state, result) => {
        expect((result.data as Record<string, unknown> | null)?.dueTrajectoryFollowUpCount ?? null).toBeNull();
      },
    }),

    trajectoryReport: operation<{ day: string }>({
      arrange: reportArrange,
      act: ({ day }, token) =>
        scope.api.gql(
          `query($f: Date!, $t: Date!) { trajectoryReport(from: $f, to: $t) { from to total byKind { key count } byReferralChannel { key count } byStatus { key count } } }`,
          { f: day, t: day },
          token,
        ),
      effect: async ({ day }, data) => {
        const report = data.trajectoryReport;
        expect([report.from, report.to, report.total]).toEqual([day, day, 1]);
        // Every category appears, with 0 where nothing happened.
        expect(report.byKind).toContainEqual({ key: 'BUDDY', count: 1 });
        expect(report.byKind).toContainEqual({ key: 'INTERNSHIP', count: 0 });
        expect(report.byReferralChannel).toContainEqual({ key: 'FMDO', count: 1 });
        expect(report.byStatus).toContainEqual({ key: 'MATCHED', count: 1 });
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, 'BUDDY', 'FMDO');
      },
    }),

    trajectoryReportCsv: operation<{ day: string }>({
      arrange: reportArrange,
      act: ({ day }, token) => scope.api.gql(`query($f: Date!, $t: Date!) { trajectoryReportCsv(from: $f, to: $t) }`, { f: day, t: day }, token),
      effect: async (_state, data) => {
        const rows = parse(data.trajectoryReportCsv, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
        expect(rows).toContainEqual({ dimension: 'total', value: 'ALL', trajectories: '1' });
        expect(rows).toContainEqual({ dimension: 'kind', value: 'BUDDY', trajectories: '1' });
        expect(rows).toContainEqual({ dimension: 'referral_channel', value: 'FMDO', trajectories: '1' });
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, 'dimension', 'FMDO');
      },
    }),

    programmeReport: operation<{ day: string; month: string }>({
      arrange: programmeArrange,
      act: ({ day }, token) =>
        scope.api.gql(
          `query($f: Date!, $t: Date!, $p: ID) { programmeReport(from: $f, to: $t, programmeId: $p) { programmeId programmeName month sessionsHeld seatsOffered confirmed attended noShows waitlisted } }`,
          { f: day, t: day, p: scope.world.praattafelId },
          token,
        ),
      effect: async ({ month }, data) => {
        expect(data.programmeReport).toEqual([
          {
            programmeId: scope.world.praattafelId,
            programmeName: 'Praattafel',
            month,
            sessionsHeld: 1,
            seatsOffered: 10,
            confirmed: 1,
            attended: 0,
            noShows: 0,
            waitlisted: 0,
          },
        ]);
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, 'seatsOffered', scope.world.praattafelId);
      },
    }),

    programmeReportCsv: operation<{ day: string; month: string }>({
      arrange: programmeArrange,
      act: ({ day }, token) => scope.api.gql(`query($f: Date!, $t: Date!) { programmeReportCsv(from: $f, to: $t) }`, { f: day, t: day }, token),
      effect: async ({ month }, data) => {
        expect(parse(data.programmeReportCsv, { columns: true, delimiter: ';', bom: true })).toEqual([
          {
            programme: 'Praattafel',
            month,
            sessions_held: '1',
            seats_offered: '10',
            confirmed: '1',
            attended: '0',
            no_shows: '0',
            waitlisted: '0',
            children_confirmed: '0',
            children_attended: '0',
          },
        ]);
      },
      unchanged: async (_state, result) => {
        expectNoLeak(result, 'sessions_held', 'Praattafel');
      },
    }),
  };
}
