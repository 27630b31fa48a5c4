export enum OrganisationKind {
  SCHOOL = 'SCHOOL',
  NEIGHBOURHOOD_CENTRE = 'NEIGHBOURHOOD_CENTRE',
  KIND_EN_GEZIN = 'KIND_EN_GEZIN',
  ASSOCIATION = 'ASSOCIATION',
  PARTNER = 'PARTNER',
  CITY = 'CITY',
}

export enum ProgrammeKind {
  TABLE = 'TABLE',
  SERIES_COURSE = 'SERIES_COURSE',
  TRAJECTORY = 'TRAJECTORY',
  FESTIVAL = 'FESTIVAL',
}

export enum SessionStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}

export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  HOST = 'HOST',
  SCHOOL_CONTACT = 'SCHOOL_CONTACT',
  FESTIVAL_ORGANISER = 'FESTIVAL_ORGANISER',
  VOLUNTEER = 'VOLUNTEER',
}

/** Where a closure day comes from; each calendar is one of these. */
export enum ClosureKind {
  SCHOOL_HOLIDAYS = 'SCHOOL_HOLIDAYS',
  PUBLIC_HOLIDAYS = 'PUBLIC_HOLIDAYS',
  ORGANISATION = 'ORGANISATION',
}

export enum RegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}

/** Statuses that hold the participant's place at a session (one per participant per session). */
export const LIVE_REGISTRATION_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW] as const;

/** Statuses that take a seat: capacity counts these (docs/architecture.md#invariant-1). */
export const SEATED_REGISTRATION_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW] as const;

export enum ContactChannel {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  VIA_ORGANISATION = 'VIA_ORGANISATION',
  NONE = 'NONE',
}

/** How a newcomer found the programme; the Picnik reports group by it. */
export enum ReferralChannel {
  SCHOOL = 'SCHOOL',
  INTEGRATION_AGENCY = 'INTEGRATION_AGENCY',
  ADULT_EDUCATION = 'ADULT_EDUCATION',
  CONVERSATION_TABLE = 'CONVERSATION_TABLE',
  FMDO = 'FMDO',
  KIND_EN_GEZIN = 'KIND_EN_GEZIN',
  SELF = 'SELF',
  OTHER = 'OTHER',
}

/** What happened to a registration; the notifications outbox is built on these rows. */
export enum RegistrationEventKind {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  PROMOTED = 'PROMOTED',
  CANCELLED = 'CANCELLED',
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}

export enum NotificationChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}

export enum NotificationStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

export enum DeliveryOutcome {
  /** Recorded before the message leaves: an attempt still STARTED after a crash may have been delivered. */
  STARTED = 'STARTED',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

export enum StandBookingStatus {
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}

/** Bookings that hold a plot: no two of these overlap on one plot (docs/architecture.md#invariant-3). */
export const LIVE_STAND_BOOKING_STATUSES = [StandBookingStatus.REQUESTED, StandBookingStatus.CONFIRMED] as const;

/** What a stand brings to the festival. */
export enum StandOffering {
  FOOD = 'FOOD',
  CULTURE = 'CULTURE',
  FOOD_AND_CULTURE = 'FOOD_AND_CULTURE',
}

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

/** What an audit log entry records: a read of personal data, a change, an export or an erasure. */
export enum AuditAction {
  READ = 'READ',
  CHANGE = 'CHANGE',
  EXPORT = 'EXPORT',
  ERASE = 'ERASE',
}

/** Whose personal data an audit log entry is about. */
export enum AuditSubjectKind {
  PARTICIPANT = 'PARTICIPANT',
  USER = 'USER',
  TRAJECTORY = 'TRAJECTORY',
}
