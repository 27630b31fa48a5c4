import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Clock, FixedClock } from '@app/common';
import { JobName, JobProducer } from '@app/queues';
import { SessionSeriesService } from '@app/scheduling';
import { createTestDatabase, flushTestRedis, TestDatabase, testConfig, waitFor as waitForValue } from '@app/testing';
import {
  DISPATCH_NOTIFICATIONS_CRON,
  EXPIRE_SEAT_OFFERS_CRON,
  EXTEND_HORIZONS_CRON,
  FOLLOW_UP_REMINDER_CRON,
  RETENTION_CRON,
  SWEEP_ALERTS_CRON,
} from '../src/recurring-jobs';
import { WorkerModule } from '../src/worker.module';

const waitFor = <T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000) => waitForValue(probe, what, timeoutMs);

describe('the worker process', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let clock: FixedClock;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await flushTestRedis();
    clock = new FixedClock(new Date('2026-08-15T10:00:00Z'));
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(testConfig(database))] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('serves GET /health with PostgreSQL and Redis up', async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { details: unknown }).details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('registers the nightly horizon and retention jobs, the notification dispatcher and the alert sweep once each, in Brussels time', async () => {
    const schedulers = await app.get(JobProducer).queueFor(JobName.EXTEND_SERIES_HORIZONS).getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
      [JobName.ANONYMISE_INACTIVE_PARTICIPANTS, RETENTION_CRON, 'Europe/Brussels'],
      [JobName.DISPATCH_NOTIFICATIONS, DISPATCH_NOTIFICATIONS_CRON, 'Europe/Brussels'],
      [JobName.EXPIRE_SEAT_OFFERS, EXPIRE_SEAT_OFFERS_CRON, 'Europe/Brussels'],
      [JobName.EXTEND_SERIES_HORIZONS, EXTEND_HORIZONS_CRON, 'Europe/Brussels'],
      [JobName.SWEEP_ALERTS, SWEEP_ALERTS_CRON, 'Europe/Brussels'],
      [JobName.SWEEP_FESTIVAL_DEADLINES, SWEEP_ALERTS_CRON, 'Europe/Brussels'],
      [JobName.SWEEP_TRAJECTORY_FOLLOW_UPS, FOLLOW_UP_REMINDER_CRON, 'Europe/Brussels'],
      [JobName.SWEEP_UNDERSTAFFED_SHIFTS, SWEEP_ALERTS_CRON, 'Europe/Brussels'],
    ]);
  });

  it('extends an open-ended series when its horizon moves on', async () => {
    const dataSource = app.get(DataSource);
    const [programme] = await dataSource.query(`INSERT INTO programme (name, kind, default_capacity) VALUES ('Praattafel', 'TABLE', 10) RETURNING id`);
    const [organisation] = await dataSource.query(`INSERT INTO organisation (name, kind) VALUES ('Wijkcentrum Heule', 'NEIGHBOURHOOD_CENTRE') RETURNING id`);
    const [venue] = await dataSource.query(`INSERT INTO venue (organisation_id, name, address) VALUES ($1, 'Zaal', 'Peperstraat 4, 8501 Heule') RETURNING id`, [
      organisation.id,
    ]);
    const coordinator = { userId: '00000000-0000-4000-8000-000000000001', roles: ['COORDINATOR'], organisationId: null };
    const series = await app.get(SessionSeriesService).createSeries(coordinator, {
      programmeId: programme.id,
      venueId: venue.id,
      title: 'Praattafel Heule',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      firstStartsAt: new Date('2026-09-07T13:30:00+02:00'),
      durationMinutes: 90,
    });
    const lastStart = async () =>
      (await dataSource.query(`SELECT max(starts_at) AS last, count(*)::int AS n FROM session WHERE series_id = $1`, [series.id]))[0] as {
        last: Date;
        n: number;
      };
    const before = await lastStart();
    expect(before.last.toISOString()).toBe('2027-08-30T11:30:00.000Z');

    // In June 2027 the lookahead reaches into the next school year: the job materialises it all.
    clock.set(new Date('2027-06-01T01:15:00Z'));
    await app.get(JobProducer).enqueue(JobName.EXTEND_SERIES_HORIZONS, { requestedBy: 'manual' });
    const after = await waitFor(async () => {
      const now = await lastStart();
      return now.n > before.n ? now : undefined;
    }, 'the series to be extended');
    expect(after.last.toISOString()).toBe('2028-08-28T11:30:00.000Z');
    expect(after.n).toBe(before.n + 52);
    const [{ local }] = await dataSource.query(
      `SELECT DISTINCT to_char(starts_at AT TIME ZONE 'Europe/Brussels', 'HH24:MI') AS local FROM session WHERE series_id = $1`,
      [series.id],
    );
    expect(local).toBe('13:30');
  });
});
