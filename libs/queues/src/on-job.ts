import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from './queue-names';

export const ON_JOB = Symbol('job-handler');

export type JobHandler<N extends JobName> = (payload: JobPayloads[N]) => Promise<unknown>;

/**
 * Marks the domain service method that runs a job (or several jobs that carry the same payload,
 * such as a delivery on each channel's queue); the worker finds it at start-up and runs it on each
 * job's queue (QUEUE_OF_JOB). Every job name has exactly one such method in the worker.
 */
export function OnJob<N extends JobName>(...names: [N, ...N[]]) {
  return <F extends JobHandler<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F>): void => {
    SetMetadata(ON_JOB, names)(target, key, descriptor);
  };
}
