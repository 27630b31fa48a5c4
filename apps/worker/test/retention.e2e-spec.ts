import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Clock, FixedClock } from '@app/common';
import { JobName, JobProducer } from '@app/queues';
import { createTestDatabase, flushTestRedis, TestDatabase, testConfig, waitFor } from '@app/testing';
import { WorkerModule } from '../src/worker.module';

/** The test's "now": with the default 24 months, whoever was last active before 2027-06-01 goes. */
const NOW = new Date('2029-06-01T00:00:00Z');
/** More than one round of the job's batches (100). */
const LONG_GONE = 130;

/**
 * The nightly retention job: participants with no activity for RETENTION_MONTHS are
 * anonymised through the same erasure as a coordinator's, by the system; recent activity of any
 * kind keeps a participant; a second run finds nothing to do.
 */
describe('the retention job', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;
  const ids: Record<string, string> = {};

  /** Runs the job through BullMQ as the nightly scheduler would, and answers what it returned. */
  async function runRetention(): Promise<{ anonymised: number }> {
    const queue = app.get(JobProducer).queueFor(JobName.ANONYMISE_INACTIVE_PARTICIPANTS);
    const jobId = await app.get(JobProducer).enqueue(JobName.ANONYMISE_INACTIVE_PARTICIPANTS, { requestedBy: 'manual' });
    return waitFor(
      async () => {
        const job = await queue.getJob(jobId!);
        if (job?.failedReason) throw new Error(`the retention job failed: ${job.failedReason}`);
        return job?.finishedOn ? (job.returnvalue as { anonymised: number }) : undefined;
      },
      'the retention job to finish',
      30_000,
    );
  }

  const participant = async (name: string, createdAt: string) => {
    const [row] = await dataSource.query(
      `INSERT INTO participant (first_name, last_name, phone, preferred_language, contact_channel, consent_to_contact, created_at) VALUES ($1, 'Achternaam', '+32470000000', 'ar', 'SMS', true, $2) RETURNING id`,
      [name, createdAt],
    );
    ids[name] = row.id;
    return row.id as string;
  };
  const session = async (startsAt: string) => {
    const [row] = await dataSource.query(
      `INSERT INTO session (programme_id, venue_id, title, starts_at, ends_at, capacity) SELECT p.id, v.id, 'Praattafel', $1::timestamptz, $1::timestamptz + interval '90 minutes', 12 FROM programme p, venue v RETURNING id`,
      [startsAt],
    );
    return row.id as string;
  };
  const register = (participantId: string, sessionId: string, status = 'CONFIRMED', attendanceMarkedAt: string | null = null) =>
    dataSource.query(`INSERT INTO registration (session_id, participant_id, status, attendance_marked_at) VALUES ($1, $2, $3, $4)`, [
      sessionId,
      participantId,
      status,
      attendanceMarkedAt,
    ]);
  const trajectory = async (participantId: string, startsOn: string, endsOn: string | null) => {
    const [row] = await dataSource.query(
      `INSERT INTO trajectory (participant_id, kind, referral_channel, starts_on, ends_on, status, notes) VALUES ($1, 'BUDDY', 'FMDO', $2, $3, 'CLOSED', 'Persoonlijke notitie') RETURNING id`,
      [participantId, startsOn, endsOn],
    );
    return row.id as string;
  };
  const erased = async () => new Set((await dataSource.query<{ id: string }[]>(`SELECT id FROM participant WHERE erased_at IS NOT NULL`)).map((row) => row.id));

  beforeAll(async () => {
    database = await createTestDatabase();
    await flushTestRedis();
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(testConfig(database))] })
      .overrideProvider(Clock)
      .useValue(new FixedClock(NOW))
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    dataSource = app.get(DataSource);

    await dataSource.query(`INSERT INTO programme (name, kind, default_capacity) VALUES ('Praattafel', 'TABLE', 12)`);
    await dataSource.query(`INSERT INTO organisation (name, kind) VALUES ('Wijkcentrum Overleie', 'NEIGHBOURHOOD_CENTRE')`);
    await dataSource.query(`INSERT INTO venue (organisation_id, name, address) SELECT id, 'Zaal', 'Overleiestraat 1, 8500 Kortrijk' FROM organisation`);
    const old = await session('2024-02-01T18:00:00Z');

    // Last active long ago: an attended table in 2024.
    await register(await participant('Attended2024', '2024-01-10T10:00:00Z'), old, 'ATTENDED', '2024-02-01T19:30:00Z');
    // A trajectory that ended in 2025; its notes must go with the name.
    ids.oldTrajectory = await trajectory(await participant('Trajectory2025', '2024-01-10T10:00:00Z'), '2024-03-01', '2025-03-01');
    // Just over and just under the 24 months: the day before and the day of the cutoff.
    await register(await participant('JustOver', '2024-01-10T10:00:00Z'), await session('2027-05-31T16:00:00Z'));
    await register(await participant('JustUnder', '2024-01-10T10:00:00Z'), await session('2027-06-01T16:00:00Z'));
    // Recent activity of every kind keeps them.
    await register(await participant('UpcomingTable', '2024-01-10T10:00:00Z'), await session('2029-09-15T16:00:00Z'));
    const followedUp = await trajectory(await participant('RecentFollowUp', '2024-01-10T10:00:00Z'), '2024-03-01', '2024-09-01');
    await dataSource.query(`INSERT INTO trajectory_follow_up (trajectory_id, recorded_on, outcomes) VALUES ($1, '2028-01-15', '{FOUND_WORK}')`, [followedUp]);
    await trajectory(await participant('OngoingTrajectory', '2024-01-10T10:00:00Z'), '2027-11-01', null);
    await participant('NewIn2028', '2028-12-01T10:00:00Z');
    // Self-registration code requests: one expired two days ago (deleted), one an hour ago (kept a day).
    for (const [phone, expiresAt] of [
      ['+32470000001', '2029-05-30T10:00:00Z'],
      ['+32470000002', '2029-06-01T09:00:00Z'],
    ]) {
      await dataSource.query(
        `INSERT INTO registration_code_request (session_id, first_name, phone, preferred_language, code_hash, expires_at) VALUES ($1, 'Samira', $2, 'ar', 'scrypt-hash', $3)`,
        [old, phone, expiresAt],
      );
    }
    // Many more who came once, years ago: the job needs more than one batch for them.
    await dataSource.query(
      `INSERT INTO participant (first_name, preferred_language, contact_channel, created_at) SELECT 'Oud ' || n, 'nl', 'NONE', '2023-05-01T10:00:00Z'::timestamptz + n * interval '1 hour' FROM generate_series(1, $1) AS n`,
      [LONG_GONE],
    );
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('anonymises everyone inactive for 24 months, keeps anyone with recent activity, and records it as the system', async () => {
    expect(await runRetention()).toEqual({ anonymised: LONG_GONE + 3, codeRequestsDeleted: 1 });
    expect(await dataSource.query(`SELECT phone FROM registration_code_request`)).toEqual([{ phone: '+32470000002' }]);
    const gone = await erased();
    for (const name of ['Attended2024', 'Trajectory2025', 'JustOver']) expect(gone.has(ids[name])).toBe(true);
    for (const name of ['JustUnder', 'UpcomingTable', 'RecentFollowUp', 'OngoingTrajectory', 'NewIn2028']) expect(gone.has(ids[name])).toBe(false);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM participant WHERE first_name LIKE 'Oud %'`)).toEqual([{ n: 0 }]);

    const [attended] = await dataSource.query(
      `SELECT first_name, last_name, phone, preferred_language, consent_to_contact, erased_at, erased_by_id FROM participant WHERE id = $1`,
      [ids.Attended2024],
    );
    expect(attended).toEqual({
      first_name: 'Gewist',
      last_name: null,
      phone: null,
      preferred_language: 'und',
      consent_to_contact: false,
      erased_at: NOW,
      erased_by_id: null,
    });
    // The figures stay: the attended registration and the trajectory, without its notes.
    expect(await dataSource.query(`SELECT status FROM registration WHERE participant_id = $1`, [ids.Attended2024])).toEqual([{ status: 'ATTENDED' }]);
    expect(await dataSource.query(`SELECT status, notes FROM trajectory WHERE id = $1`, [ids.oldTrajectory])).toEqual([{ status: 'CLOSED', notes: null }]);

    // The seed's own inserts are there too, as 'unattributed' changes.
    const audit = await dataSource.query(`SELECT action, actor_user_id, reason FROM audit_log_entry WHERE subject_id = $1 AND operation = $2 ORDER BY action`, [
      ids.Attended2024,
      JobName.ANONYMISE_INACTIVE_PARTICIPANTS,
    ]);
    expect(audit).toEqual([
      { action: 'CHANGE', actor_user_id: null, reason: null },
      { action: 'ERASE', actor_user_id: null, reason: 'retention' },
    ]);
  });

  it('changes nothing on a second run', async () => {
    const before = await dataSource.query(
      `SELECT md5(string_agg(p::text, ',' ORDER BY p.id)) AS participants, (SELECT count(*)::int FROM audit_log_entry) AS entries FROM participant p`,
    );
    expect(await runRetention()).toEqual({ anonymised: 0, codeRequestsDeleted: 0 });
    expect(
      await dataSource.query(
        `SELECT md5(string_agg(p::text, ',' ORDER BY p.id)) AS participants, (SELECT count(*)::int FROM audit_log_entry) AS entries FROM participant p`,
      ),
    ).toEqual(before);
  });
});
