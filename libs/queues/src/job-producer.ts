import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobName, JobPayloads, QUEUE_OF_JOB, QueueName } from './queue-names';

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The one way jobs enter Redis: typed payloads, the right queue, ids that BullMQ accepts. */
@Injectable()
export class JobProducer {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.HOUSEKEEPING) housekeeping: Queue,
    @InjectQueue(QueueName.NOTIFICATIONS) notifications: Queue,
    @InjectQueue(QueueName.TEXT_MESSAGES) textMessages: Queue,
  ) {
    this.queues = { [QueueName.HOUSEKEEPING]: housekeeping, [QueueName.NOTIFICATIONS]: notifications, [QueueName.TEXT_MESSAGES]: textMessages };
  }

  /** Adds many jobs of one name in one round trip; a job whose id already exists is left as it is. */
  async enqueueMany<N extends JobName>(name: N, jobs: { payload: JobPayloads[N]; jobId: string; delay?: number }[]): Promise<void> {
    if (jobs.length === 0) return;
    for (const job of jobs) requireValidJobId(job.jobId);
    await this.queueFor(name).addBulk(jobs.map((job) => ({ name, data: job.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: job.jobId, delay: job.delay } })));
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<string | undefined> {
    if (options.jobId !== undefined) requireValidJobId(options.jobId);
    const job = await this.queueFor(name).add(name, payload, { ...DEFAULT_JOB_OPTIONS, ...options });
    return job.id;
  }

  /** Registers (or updates) a repeating job; BullMQ keeps one scheduler per id across replicas. */
  async schedule<N extends JobName>(name: N, pattern: string, payload: JobPayloads[N]): Promise<void> {
    await this.queueFor(name).upsertJobScheduler(name, { pattern, tz: 'Europe/Brussels' }, { name, data: payload, opts: DEFAULT_JOB_OPTIONS });
  }

  queueFor(name: JobName): Queue {
    return this.queues[QUEUE_OF_JOB[name]];
  }

  /** PING through the queue's own connection, for health checks. */
  async ping(): Promise<string> {
    const client = await this.queues[QueueName.HOUSEKEEPING].client;
    return (client as unknown as Redis).ping();
  }
}

function requireValidJobId(jobId: string): void {
  if (jobId.includes(':')) throw new Error(`job id ${jobId} contains ':', which BullMQ reserves`);
}
