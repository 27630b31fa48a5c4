import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayloads, QUEUE_OF_JOB, QueueName } from '@app/queues';

export type JobHandlers<Q extends QueueName> = {
  [N in JobName as (typeof QUEUE_OF_JOB)[N] extends Q ? N : never]: (payload: JobPayloads[N]) => Promise<unknown>;
};

/** Runs the handler of a job by its name; an unknown name (newer API, older worker) fails loudly and is retried later. */
export async function runJob(queue: QueueName, handlers: Partial<Record<JobName, (payload: never) => Promise<unknown>>>, job: Job, logger: Logger): Promise<unknown> {
  const handler = handlers[job.name as JobName] as ((payload: unknown) => Promise<unknown>) | undefined;
  if (!handler) throw new Error(`no handler for job "${job.name}" on queue ${queue}`);
  const result = await handler(job.data);
  logger.debug({ job: job.name, id: job.id, result }, 'job done');
  return result;
}

/** Checked at start-up: every job name has exactly one handler, on the queue it is sent to. */
export function assertEveryJobHandled(handled: Partial<Record<QueueName, readonly string[]>>): void {
  const missing = Object.values(JobName).filter((name) => !(handled[QUEUE_OF_JOB[name]] ?? []).includes(name));
  if (missing.length) throw new Error(`the worker has no handler for ${missing.join(', ')}`);
}
