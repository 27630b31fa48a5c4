import { JobName } from '@app/queues';
import { createWorld, World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { MessageRig, startMessageRig } from './message-rig';

const CREATE = `mutation($i: CreateTrajectoryInput!) { createTrajectory(input: $i) { id } }`;
const PLAN = `mutation($id: ID!, $i: PlanFollowUpInput!) { planTrajectoryFollowUp(id: $id, input: $i) { id } }`;
const COMPLETE = `mutation($f: ID!, $i: CompleteFollowUpInput!) { completeTrajectoryFollowUp(followUpId: $f, input: $i) { id } }`;

/** The coordinators' reminder of a due Picnik follow-up: the daily job, real PostgreSQL, Redis, SMTP (Wednesday 9 September 2026, 08:30 Brussels). */
describe('Picnik follow-up reminders', () => {
  let rig: MessageRig;
  let world: World;

  beforeAll(async () => {
    rig = await startMessageRig('2026-09-09T06:30:00Z');
    world = await createWorld(rig.api);
  });
  afterAll(() => rig?.close());

  const coordinator = (query: string, variables: Record<string, unknown>) => rig.api.gql(query, variables, world.tokens.coordinator).then(dataOf);
  const trajectory = async (firstName: string): Promise<string> =>
    (
      await coordinator(CREATE, {
        i: {
          participant: { firstName, preferredLanguage: 'ar', contactChannel: 'NONE', consentToContact: false },
          kind: 'BUDDY',
          referralChannel: 'FMDO',
          startsOn: '2026-06-01',
        },
      })
    ).createTrajectory.id;
  const plan = async (id: string, dueOn: string): Promise<string> => (await coordinator(PLAN, { id, i: { dueOn } })).planTrajectoryFollowUp.id;
  const rows = () =>
    rig.query<{ user_id: string; status: string; follow_up_id: string; last_error: string | null }>(
      `SELECT user_id, status, payload->>'followUpId' AS follow_up_id, last_error FROM notification WHERE kind = 'TRAJECTORY_FOLLOW_UP_DUE' ORDER BY created_at, id`,
    );

  it('writes one message per due follow-up per coordinator, once however often the job runs, and mails it with a link to the case', async () => {
    const amina = await trajectory('Amina');
    const dueToday = await plan(amina, '2026-09-09');
    const overdue = await plan(await trajectory('Jawad'), '2026-09-01');
    await plan(await trajectory('Olena'), '2026-09-10');
    const done = await plan(await trajectory('Karim'), '2026-09-08');
    await coordinator(COMPLETE, { f: done, i: { recordedOn: '2026-09-08', outcomes: ['STAYED_MEMBER'] } });
    const coordinators = (await rig.query<{ id: string }>(`SELECT id FROM app_user WHERE active AND 'COORDINATOR' = ANY(roles::text[]) ORDER BY id`)).map(
      (r) => r.id,
    );
    expect(coordinators.length).toBeGreaterThan(0);

    await rig.run(JobName.SWEEP_TRAJECTORY_FOLLOW_UPS);
    await rig.run(JobName.SWEEP_TRAJECTORY_FOLLOW_UPS);
    const written = await rows();
    expect(written).toHaveLength(2 * coordinators.length);
    expect(new Set(written.map((row) => row.follow_up_id))).toEqual(new Set([dueToday, overdue]));

    await rig.deliverDue();
    const key = `TRAJECTORY_FOLLOW_UP_DUE|${dueToday}|${world.userIds.coordinator}`;
    const [mail] = rig.mailsKeyed(key);
    expect(mail.subject).toBe('Picnik: opvolging van Amina is te doen');
    expect(mail.text).toContain('was gepland voor');
    expect(mail.text).toContain(`/staff/picnik/cases/${amina}`);
    expect((await rows()).every((row) => row.status === 'SENT')).toBe(true);

    // A third run, after sending: still nothing new.
    await rig.run(JobName.SWEEP_TRAJECTORY_FOLLOW_UPS);
    expect(await rows()).toHaveLength(2 * coordinators.length);
  });

  it('sends nothing for a follow-up recorded between the job and the delivery', async () => {
    const followUp = await plan(await trajectory('Samira'), '2026-09-09');
    await rig.withDeliveriesHeld(async () => {
      await rig.run(JobName.SWEEP_TRAJECTORY_FOLLOW_UPS);
      await coordinator(COMPLETE, { f: followUp, i: { recordedOn: '2026-09-09', outcomes: [] } });
    });
    await rig.deliverDue();
    const mine = (await rows()).filter((row) => row.follow_up_id === followUp);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((row) => row.status === 'CANCELLED' && row.last_error === 'the follow-up is recorded')).toBe(true);
    expect(rig.mailsKeyed(`TRAJECTORY_FOLLOW_UP_DUE|${followUp}|${world.userIds.coordinator}`)).toEqual([]);
  });
});
