import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Job } from 'bullmq';
import { JobName, OnJob, QueueName } from '@app/queues';
import { assertEveryJobHandled, DiscoveredJobHandler, JobHandlers } from './job-handlers';

const handler = (name: string, className = 'Service'): DiscoveredJobHandler => ({ name, className, methodName: name, run: async () => name });
const everyJob = () => Object.values(JobName).map((name) => handler(name));

describe('assertEveryJobHandled', () => {
  it('accepts exactly one handler per job', () => {
    expect([...assertEveryJobHandled(everyJob()).keys()].sort()).toEqual(Object.values(JobName).sort());
  });

  it('names the jobs nobody handles', () => {
    const handlers = everyJob().filter((h) => h.name !== JobName.SWEEP_ALERTS);
    expect(() => assertEveryJobHandled(handlers)).toThrow(`the worker has no handler for ${JobName.SWEEP_ALERTS}`);
  });

  it('refuses two handlers of one job', () => {
    expect(() => assertEveryJobHandled([...everyJob(), handler(JobName.DISPATCH_NOTIFICATIONS, 'Other')])).toThrow(
      `job "${JobName.DISPATCH_NOTIFICATIONS}" has two handlers: Service.${JobName.DISPATCH_NOTIFICATIONS} and Other.${JobName.DISPATCH_NOTIFICATIONS}`,
    );
  });

  it('refuses a handler of a job that does not exist', () => {
    expect(() => assertEveryJobHandled([...everyJob(), handler('send-fax')])).toThrow('Service.send-fax handles unknown job "send-fax"');
  });
});

describe('JobHandlers', () => {
  const seen: unknown[] = [];

  @Injectable()
  class Housekeeping {
    @OnJob(JobName.EXTEND_SERIES_HORIZONS)
    async extend(payload: { requestedBy: string }) {
      seen.push(payload);
      return { series: 0 };
    }
    @OnJob(JobName.DISPATCH_NOTIFICATIONS)
    async dispatch() {}
    @OnJob(JobName.SWEEP_ALERTS)
    async sweep() {}
    @OnJob(JobName.SWEEP_FESTIVAL_DEADLINES)
    async festivalDeadlines() {}
    @OnJob(JobName.SWEEP_UNDERSTAFFED_SHIFTS)
    async understaffedShifts() {}
    @OnJob(JobName.ANONYMISE_INACTIVE_PARTICIPANTS)
    async anonymise() {}
    @OnJob(JobName.SWEEP_TRAJECTORY_FOLLOW_UPS)
    async followUpReminders() {}
    @OnJob(JobName.EXPIRE_SEAT_OFFERS)
    async expireSeatOffers() {}
  }

  @Injectable()
  class Delivery {
    @OnJob(JobName.DELIVER_NOTIFICATION, JobName.DELIVER_TEXT_MESSAGE)
    async deliver() {}
  }

  async function boot(...providers: (new () => object)[]): Promise<JobHandlers> {
    const module = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [JobHandlers, ...providers] }).compile();
    await module.init();
    return module.get(JobHandlers);
  }
  const job = (name: string, data: unknown = {}) => ({ name, id: '1', data }) as Job;
  const logger = new Logger('test');

  it('finds the @OnJob methods at start-up and runs a job on its own queue', async () => {
    const handlers = await boot(Housekeeping, Delivery);
    await expect(handlers.run(QueueName.HOUSEKEEPING, job(JobName.EXTEND_SERIES_HORIZONS, { requestedBy: 'manual' }), logger)).resolves.toEqual({ series: 0 });
    expect(seen).toEqual([{ requestedBy: 'manual' }]);
  });

  it('fails loudly on an unknown job name or a job on the wrong queue', async () => {
    const handlers = await boot(Housekeeping, Delivery);
    await expect(handlers.run(QueueName.HOUSEKEEPING, job('from-a-newer-api'), logger)).rejects.toThrow(
      'no handler for job "from-a-newer-api" on queue housekeeping',
    );
    await expect(handlers.run(QueueName.HOUSEKEEPING, job(JobName.DELIVER_NOTIFICATION), logger)).rejects.toThrow(
      `no handler for job "${JobName.DELIVER_NOTIFICATION}" on queue housekeeping`,
    );
    // Mail and text messages are handled alike, but each only on its own channel's queue.
    await expect(handlers.run(QueueName.NOTIFICATIONS, job(JobName.DELIVER_TEXT_MESSAGE), logger)).rejects.toThrow(
      `no handler for job "${JobName.DELIVER_TEXT_MESSAGE}" on queue notifications`,
    );
    await expect(handlers.run(QueueName.TEXT_MESSAGES, job(JobName.DELIVER_TEXT_MESSAGE), logger)).resolves.toBeUndefined();
  });

  it('stops the worker from starting when a job has no handler', async () => {
    await expect(boot(Housekeeping)).rejects.toThrow(`the worker has no handler for ${JobName.DELIVER_NOTIFICATION}, ${JobName.DELIVER_TEXT_MESSAGE}`);
  });
});
