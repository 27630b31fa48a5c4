import { CREATE_SESSION, createWorld, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';
import { registerNewcomer } from './volunteer-fixtures';

const CREATE = `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { id status } }`;
const CHANGE = `mutation($id: ID!, $s: TrajectoryStatus!, $n: String, $o: TrajectoryOutcome) {
  changeTrajectoryStatus(id: $id, status: $s, note: $n, outcome: $o) { id status outcome endsOn } }`;
const PLAN = `mutation($id: ID!, $i: PlanFollowUpInput!) { planTrajectoryFollowUp(id: $id, input: $i) { id dueOn plannedNote recordedOn outcomes } }`;
const COMPLETE = `mutation($f: ID!, $i: CompleteFollowUpInput!) { completeTrajectoryFollowUp(followUpId: $f, input: $i) { id dueOn recordedOn outcomes note } }`;
const LIST = `query($f: TrajectoryFilter) { trajectories(filter: $f) { id } }`;
const DUE_COUNT = `query { dueTrajectoryFollowUpCount }`;
const GET = `query($id: ID!) { trajectory(id: $id) { status outcome history { fromStatus toStatus by { id } } followUps { dueOn recordedOn } } }`;
const TABLES = ['trajectory', 'trajectory_status_change', 'trajectory_follow_up'] as const;

/** Picnik case work over HTTP against real PostgreSQL: the closing outcome and follow-ups planned with a due date ("today" is 2026-08-15). */
describe('trajectory case work', () => {
  let api: TestApi;
  let world: World;
  let sessionId: string;
  let n = 0;

  const coordinator = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, world.tokens.coordinator);
  const trajectory = async (extra: Record<string, unknown> = {}): Promise<string> => {
    const participantId = await registerNewcomer(api, world, sessionId, { firstName: `Casus ${(n += 1)}` });
    return dataOf(await coordinator(CREATE, { i: { participantId, kind: 'BUDDY', referralChannel: 'FMDO', startsOn: '2026-06-01', ...extra } }))
      .createTrajectory.id;
  };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    // The association hosts newcomers only once the integration service screened it.
    dataOf(
      await api.gql(
        `mutation($id: ID!, $i: OrganisationScreeningInput!) { recordOrganisationScreening(id: $id, input: $i) { id } }`,
        { id: world.associationId, i: { status: 'SCREENED', screenedOn: '2026-03-01' } },
        world.tokens.coordinator,
      ),
    );
    const intake = sessionInput(world, { title: 'Intake Picnik', startsAt: '2027-01-12T19:00:00+01:00', endsAt: '2027-01-12T20:30:00+01:00', capacity: 40 });
    sessionId = dataOf(await coordinator(CREATE_SESSION, { i: intake })).createSession.id;
  });
  afterAll(() => api?.close());

  describe('the closing outcome', () => {
    it('is required when closing: refused at the outcome field and nothing changes', async () => {
      const id = await trajectory();
      const before = await tableSnapshot(api.dataSource, TABLES);
      const refused = errorOf(await coordinator(CHANGE, { id, s: 'CLOSED', n: 'Verhuisd' }));
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.extensions.field).toBe('outcome');
      expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    });

    it('is refused on any other move', async () => {
      const id = await trajectory();
      const refused = errorOf(await coordinator(CHANGE, { id, s: 'MATCHED', o: 'OTHER' }));
      expect([refused.code, refused.extensions.field]).toEqual(['BAD_USER_INPUT', 'outcome']);
      expect(dataOf(await coordinator(GET, { id })).trajectory.status).toBe('INTAKE');
    });

    it('is kept when closing, with who moved it, and cleared when the case reopens', async () => {
      const id = await trajectory();
      expect(dataOf(await coordinator(CHANGE, { id, s: 'CLOSED', o: 'CONTINUES_AT_REFU_INTERIM' })).changeTrajectoryStatus).toMatchObject({
        status: 'CLOSED',
        outcome: 'CONTINUES_AT_REFU_INTERIM',
        endsOn: '2026-08-15',
      });
      const closed = dataOf(await coordinator(GET, { id })).trajectory;
      expect(closed.history.map((h: { toStatus: string; by: { id: string } | null }) => [h.toStatus, h.by?.id])).toEqual([
        ['INTAKE', world.userIds.coordinator],
        ['CLOSED', world.userIds.coordinator],
      ]);
      expect(dataOf(await coordinator(CHANGE, { id, s: 'FOLLOW_UP' })).changeTrajectoryStatus.outcome).toBeNull();
    });
  });

  describe('follow-ups with a due date', () => {
    it('are planned, filtered and counted while due, and recorded once', async () => {
      const due = await trajectory({ referralChannel: 'ADULT_EDUCATION' });
      const later = await trajectory();
      const countBefore = dataOf(await coordinator(DUE_COUNT)).dueTrajectoryFollowUpCount;
      const planned = dataOf(
        await coordinator(PLAN, { id: due, i: { dueOn: '2026-08-15', note: 'Bellen: gaat ze nog naar de praattafel?' } }),
      ).planTrajectoryFollowUp;
      expect(planned).toMatchObject({ dueOn: '2026-08-15', plannedNote: 'Bellen: gaat ze nog naar de praattafel?', recordedOn: null, outcomes: [] });
      dataOf(await coordinator(PLAN, { id: later, i: { dueOn: '2026-08-16' } }));

      const dueIds = dataOf(await coordinator(LIST, { f: { followUpDue: true } })).trajectories.map((t: { id: string }) => t.id);
      expect(dueIds).toContain(due);
      expect(dueIds).not.toContain(later);
      expect(dataOf(await coordinator(DUE_COUNT)).dueTrajectoryFollowUpCount).toBe(countBefore + 1);
      expect(dataOf(await coordinator(LIST, { f: { followUpDue: true, referralChannel: 'FMDO' } })).trajectories).not.toContainEqual({ id: due });

      const done = dataOf(
        await coordinator(COMPLETE, { f: planned.id, i: { recordedOn: '2026-08-15', outcomes: ['STAYED_MEMBER'], note: 'Komt elke week' } }),
      ).completeTrajectoryFollowUp;
      expect(done).toEqual({ id: planned.id, dueOn: '2026-08-15', recordedOn: '2026-08-15', outcomes: ['STAYED_MEMBER'], note: 'Komt elke week' });
      expect(dataOf(await coordinator(DUE_COUNT)).dueTrajectoryFollowUpCount).toBe(countBefore);
      expect(dataOf(await coordinator(LIST, { f: { followUpDue: true } })).trajectories).not.toContainEqual({ id: due });
      expect(errorOf(await coordinator(COMPLETE, { f: planned.id, i: { recordedOn: '2026-08-15', outcomes: [] } })).code).toBe('CONFLICT');
    });

    it('refuse a due date before the start and a bad date by field, changing nothing', async () => {
      const id = await trajectory();
      const before = await tableSnapshot(api.dataSource, TABLES);
      expect(errorOf(await coordinator(PLAN, { id, i: { dueOn: '2026-05-31' } })).extensions.field).toBe('dueOn');
      expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    });

    it('filter by buddy and host organisation for coordinators, and are for coordinators only', async () => {
      const id = await trajectory({ hostOrganisationId: world.associationId, kind: 'ASSOCIATION' });
      expect(dataOf(await coordinator(LIST, { f: { hostOrganisationId: world.associationId } })).trajectories).toContainEqual({ id });
      expect(dataOf(await coordinator(LIST, { f: { buddyId: world.userIds.volunteer } })).trajectories).not.toContainEqual({ id });
      expect(errorOf(await api.gql(DUE_COUNT, {}, world.tokens.volunteer)).code).toBe('FORBIDDEN');
      expect(errorOf(await api.gql(PLAN, { id, i: { dueOn: '2026-09-01' } }, world.tokens.volunteer)).code).toBe('FORBIDDEN');
    });
  });
});
