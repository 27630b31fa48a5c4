import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { JobName, JobProducer, QUEUE_PREFIX, QueueName, redisConnectionOptions } from '@app/queues';
import { createTestDatabase, flushTestRedis, TestDatabase, testConfig } from '@app/testing';
import { LEGACY_HOUSEKEEPING_QUEUE } from '../src/recurring-jobs';
import { WorkerModule } from '../src/worker.module';

describe('upgrading to the housekeeping queue', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let legacy: Queue;

  beforeAll(async () => {
    database = await createTestDatabase();
    await flushTestRedis();
    const config = testConfig(database);
    // What an older worker left behind: its repeating jobs and a waiting job on the old queue name.
    legacy = new Queue(LEGACY_HOUSEKEEPING_QUEUE, { connection: redisConnectionOptions(config.redisUrl), prefix: QUEUE_PREFIX });
    await legacy.upsertJobScheduler(
      JobName.SWEEP_ALERTS,
      { pattern: '*/5 * * * *', tz: 'Europe/Brussels' },
      { name: JobName.SWEEP_ALERTS, data: { requestedBy: 'scheduler' } },
    );
    await legacy.add(JobName.EXTEND_SERIES_HORIZONS, { requestedBy: 'startup' });
    expect((await legacy.getJobSchedulers()).length).toBe(1);
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await legacy?.close();
    await app?.close();
    await database?.drop();
  });

  it('removes the old queue’s repeating and waiting jobs at start, and runs housekeeping on the new queue', async () => {
    expect(await legacy.getJobSchedulers()).toEqual([]);
    expect(await legacy.getJobCounts('waiting', 'delayed', 'prioritized')).toEqual({ waiting: 0, delayed: 0, prioritized: 0, paused: 0 });
    const housekeeping = app.get(JobProducer).queueFor(JobName.SWEEP_ALERTS);
    expect(housekeeping.name).toBe(QueueName.HOUSEKEEPING);
    expect((await housekeeping.getJobSchedulers()).map((s) => s.key)).toContain(JobName.SWEEP_ALERTS);
  });
});
