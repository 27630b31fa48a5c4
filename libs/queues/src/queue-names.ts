/** Every queue. The names are Redis key parts: no ':' (BullMQ uses it as separator). */
export enum QueueName {
  /** Sweeps, series horizons, dispatch, retention: one at a time. */
  HOUSEKEEPING = 'housekeeping',
  /** E-mail deliveries: few at a time, since a mail sent but not yet marked is sent again after a crash. */
  NOTIFICATIONS = 'notifications',
  /** Text-message deliveries: many at a time, since the gateway drops a repeated reference. */
  TEXT_MESSAGES = 'text-messages',
}

/** Every job; each has exactly one `@OnJob` handler in the worker, checked when it starts. */
export enum JobName {
  EXTEND_SERIES_HORIZONS = 'extend-series-horizons',
  /** Moves due outbox rows into BullMQ and re-enqueues rows whose job vanished. */
  DISPATCH_NOTIFICATIONS = 'dispatch-notifications',
  /** Sends one e-mail outbox row. */
  DELIVER_NOTIFICATION = 'deliver-notification',
  /** Sends one SMS outbox row: the same delivery, on the text-message queue. */
  DELIVER_TEXT_MESSAGE = 'deliver-text-message',
  /** Under-booked sessions two days ahead and the daily digests. */
  SWEEP_ALERTS = 'sweep-alerts',
  /** Festival application deadlines within a week while plots are still free (the festival's). */
  SWEEP_FESTIVAL_DEADLINES = 'sweep-festival-deadlines',
  /** Shifts within 72 hours that still lack volunteers (the volunteers'). */
  SWEEP_UNDERSTAFFED_SHIFTS = 'sweep-understaffed-shifts',
  /** Anonymises participants inactive for RETENTION_MONTHS (nightly). */
  ANONYMISE_INACTIVE_PARTICIPANTS = 'anonymise-inactive-participants',
  /** Planned Picnik follow-ups that are due: the coordinators are reminded once (the volunteers'). */
  SWEEP_TRAJECTORY_FOLLOW_UPS = 'sweep-trajectory-follow-ups',
  /** Seat offers whose hold time ran out: each is ended once and its seat offered to the next (the registrations'). */
  EXPIRE_SEAT_OFFERS = 'expire-seat-offers',
}

/** The payload each job carries; BullMQ only carries in-flight work, Postgres holds the truth. */
export interface JobPayloads {
  [JobName.EXTEND_SERIES_HORIZONS]: { requestedBy: 'scheduler' | 'startup' | 'manual' };
  [JobName.DISPATCH_NOTIFICATIONS]: { requestedBy: 'scheduler' | 'startup' | 'manual' };
  [JobName.DELIVER_NOTIFICATION]: { notificationId: string };
  [JobName.DELIVER_TEXT_MESSAGE]: { notificationId: string };
  [JobName.SWEEP_ALERTS]: { requestedBy: 'scheduler' | 'startup' | 'manual' };
  [JobName.SWEEP_FESTIVAL_DEADLINES]: { requestedBy: 'scheduler' | 'manual' };
  [JobName.SWEEP_UNDERSTAFFED_SHIFTS]: { requestedBy: 'scheduler' | 'manual' };
  [JobName.ANONYMISE_INACTIVE_PARTICIPANTS]: { requestedBy: 'scheduler' | 'manual' };
  [JobName.SWEEP_TRAJECTORY_FOLLOW_UPS]: { requestedBy: 'scheduler' | 'manual' };
  [JobName.EXPIRE_SEAT_OFFERS]: { requestedBy: 'scheduler' | 'startup' | 'manual' };
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.EXTEND_SERIES_HORIZONS]: QueueName.HOUSEKEEPING,
  [JobName.DISPATCH_NOTIFICATIONS]: QueueName.HOUSEKEEPING,
  [JobName.DELIVER_NOTIFICATION]: QueueName.NOTIFICATIONS,
  [JobName.DELIVER_TEXT_MESSAGE]: QueueName.TEXT_MESSAGES,
  [JobName.SWEEP_ALERTS]: QueueName.HOUSEKEEPING,
  [JobName.SWEEP_FESTIVAL_DEADLINES]: QueueName.HOUSEKEEPING,
  [JobName.SWEEP_UNDERSTAFFED_SHIFTS]: QueueName.HOUSEKEEPING,
  [JobName.ANONYMISE_INACTIVE_PARTICIPANTS]: QueueName.HOUSEKEEPING,
  [JobName.SWEEP_TRAJECTORY_FOLLOW_UPS]: QueueName.HOUSEKEEPING,
  [JobName.EXPIRE_SEAT_OFFERS]: QueueName.HOUSEKEEPING,
};

/** Hash-tagged so every key of every queue lands in one Redis Cluster slot (BullMQ's Lua needs that). */
export const QUEUE_PREFIX = '{oefenkansen}';
