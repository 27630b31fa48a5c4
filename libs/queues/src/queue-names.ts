/** Every queue. The names are Redis key parts: no ':' (BullMQ uses it as separator). */
export enum QueueName {
  SCHEDULING = 'scheduling',
}

/** Every job; each has exactly one handler in apps/worker, checked when the worker starts. */
export enum JobName {
  EXTEND_SERIES_HORIZONS = 'extend-series-horizons',
}

/** The payload each job carries; BullMQ only carries in-flight work, Postgres holds the truth. */
export interface JobPayloads {
  [JobName.EXTEND_SERIES_HORIZONS]: { requestedBy: 'scheduler' | 'startup' | 'manual' };
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.EXTEND_SERIES_HORIZONS]: QueueName.SCHEDULING,
};

/** Hash-tagged so every key of every queue lands in one Redis Cluster slot (BullMQ's Lua needs that). */
export const QUEUE_PREFIX = '{oefenkansen}';
