/** What a volunteer can do, and what a shift needs. */
export enum VolunteerSkill {
  HOST = 'HOST',
  WELCOME = 'WELCOME',
  TRANSLATOR = 'TRANSLATOR',
  CHILDCARE = 'CHILDCARE',
  COOKING = 'COOKING',
  SETUP = 'SETUP',
  BUDDY = 'BUDDY',
}

export enum Daypart {
  MORNING = 'MORNING',
  AFTERNOON = 'AFTERNOON',
  EVENING = 'EVENING',
}

/** Certificate of good conduct ("uittreksel uit het strafregister"), as organisations ask for it. */
export enum ScreeningStatus {
  NOT_REQUESTED = 'NOT_REQUESTED',
  REQUESTED = 'REQUESTED',
  RECEIVED = 'RECEIVED',
}

export enum ShiftStatus {
  OPEN = 'OPEN',
  CANCELLED = 'CANCELLED',
}

export enum ShiftAssignmentStatus {
  ASSIGNED = 'ASSIGNED',
  DROPPED = 'DROPPED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}

/** A volunteer asking a colleague to take a shift over: open until the colleague answers, the holder withdraws, or it lapses. */
export enum ShiftSwapStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  /** The shift started, or the assignment changed (given back, moved, cancelled) before an answer. */
  LAPSED = 'LAPSED',
}

/** Assignments that hold the volunteer's time: no two of these overlap for one volunteer. */
export const HELD_SHIFT_STATUSES = [ShiftAssignmentStatus.ASSIGNED, ShiftAssignmentStatus.ATTENDED, ShiftAssignmentStatus.NO_SHOW] as const;

export enum TrajectoryKind {
  BUDDY = 'BUDDY',
  VOLUNTEERING = 'VOLUNTEERING',
  ASSOCIATION = 'ASSOCIATION',
  INTERNSHIP = 'INTERNSHIP',
}

export enum TrajectoryStatus {
  INTAKE = 'INTAKE',
  MATCHED = 'MATCHED',
  ACTIVE = 'ACTIVE',
  FOLLOW_UP = 'FOLLOW_UP',
  CLOSED = 'CLOSED',
}

/** What became of a newcomer after a trajectory ("natraject"). */
export enum FollowUpOutcome {
  STAYED_MEMBER = 'STAYED_MEMBER',
  FOUND_WORK_VIA_INTERIM = 'FOUND_WORK_VIA_INTERIM',
  FOUND_WORK = 'FOUND_WORK',
  JOINED_CITY_PROJECT = 'JOINED_CITY_PROJECT',
  FURTHER_TRAINING = 'FURTHER_TRAINING',
  OTHER = 'OTHER',
}

/** Where the newcomer goes on after a closed trajectory ("natraject"); set when it is closed. */
export enum TrajectoryOutcome {
  CONTINUES_AT_REFU_INTERIM = 'CONTINUES_AT_REFU_INTERIM',
  ASSOCIATION_MEMBER = 'ASSOCIATION_MEMBER',
  CITY_PROJECTS = 'CITY_PROJECTS',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}
