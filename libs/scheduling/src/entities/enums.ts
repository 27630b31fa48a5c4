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

/** Where a closure day comes from; each calendar is one of these. */
export enum ClosureKind {
  SCHOOL_HOLIDAYS = 'SCHOOL_HOLIDAYS',
  PUBLIC_HOLIDAYS = 'PUBLIC_HOLIDAYS',
  ORGANISATION = 'ORGANISATION',
}
