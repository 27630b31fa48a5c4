import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Job } from 'bullmq';
import { JobName, ON_JOB, QUEUE_OF_JOB, QueueName } from '@app/queues';

export interface DiscoveredJobHandler {
  name: string;
  className: string;
  methodName: string;
  run: (payload: unknown) => Promise<unknown>;
}

/**
 * Checked at start-up: every job name has exactly one handler (it runs on the job's queue), no
 * two handlers claim the same job, and no handler names a job that does not exist.
 */
export function assertEveryJobHandled(handlers: readonly DiscoveredJobHandler[]): Map<JobName, DiscoveredJobHandler> {
  const known = new Set<string>(Object.values(JobName));
  const where = (handler: DiscoveredJobHandler) => `${handler.className}.${handler.methodName}`;
  const problems: string[] = [];
  for (const handler of handlers) if (!known.has(handler.name)) problems.push(`${where(handler)} handles unknown job "${handler.name}"`);
  const byName = new Map<JobName, DiscoveredJobHandler>();
  for (const handler of handlers.filter((h) => known.has(h.name))) {
    const other = byName.get(handler.name as JobName);
    if (other) problems.push(`job "${handler.name}" has two handlers: ${where(other)} and ${where(handler)}`);
    else byName.set(handler.name as JobName, handler);
  }
  const missing = Object.values(JobName).filter((name) => !byName.has(name));
  if (missing.length) problems.push(`the worker has no handler for ${missing.join(', ')}`);
  if (problems.length) throw new Error(problems.join('; '));
  return byName;
}

/** The `@OnJob` methods of the worker's providers, found once at start-up; the processors run jobs through it. */
@Injectable()
export class JobHandlers implements OnModuleInit {
  private readonly logger = new Logger(JobHandlers.name);
  private handlers = new Map<JobName, DiscoveredJobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    this.handlers = assertEveryJobHandled(this.discover());
    for (const [name, handler] of this.handlers) this.logger.log(`job ${name} (queue ${QUEUE_OF_JOB[name]}) → ${handler.className}.${handler.methodName}`);
  }

  /** Runs the handler of a job by its name; an unknown name (newer API, older worker) or a job on the wrong queue fails loudly and is retried later. */
  async run(queue: QueueName, job: Job, logger: Logger): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler || QUEUE_OF_JOB[job.name as JobName] !== queue) throw new Error(`no handler for job "${job.name}" on queue ${queue}`);
    const result = await handler.run(job.data);
    logger.debug({ job: job.name, id: job.id, result }, 'job done');
    return result;
  }

  private discover(): DiscoveredJobHandler[] {
    const found: DiscoveredJobHandler[] = [];
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = prototype[methodName] as (payload: unknown) => Promise<unknown>;
        const names = (Reflect.getMetadata(ON_JOB, method) as string[] | undefined) ?? [];
        for (const name of names) found.push({ name, className: instance.constructor.name, methodName, run: (payload) => method.call(instance, payload) });
      }
    }
    return found;
  }
}
