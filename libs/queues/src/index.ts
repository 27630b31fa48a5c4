export * from './queue-names';
export * from './redis-connection';
export * from './job-producer';
export * from './queues.module';
export * from './on-job';
