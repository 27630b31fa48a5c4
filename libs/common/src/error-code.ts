/** Stable codes carried in GraphQL `extensions.code`; clients branch on these, so never rename one. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  SESSION_IN_PAST = 'SESSION_IN_PAST',
  STAND_UNAVAILABLE = 'STAND_UNAVAILABLE',
  /** A stand booking outside the festival's opening hours. */
  OUTSIDE_OPENING_HOURS = 'OUTSIDE_OPENING_HOURS',
  /** An organiser applies or books after the edition's application deadline. */
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  /** An association would hold more plots on one day than the edition allows. */
  STAND_LIMIT_REACHED = 'STAND_LIMIT_REACHED',
  /** Every place of a shift is taken. */
  SHIFT_FULL = 'SHIFT_FULL',
  /** The volunteer holds an overlapping shift, or is away then. */
  VOLUNTEER_UNAVAILABLE = 'VOLUNTEER_UNAVAILABLE',
  /** The organisation or venue is switched off: no new venues or sessions there until it is switched on again. */
  DEACTIVATED = 'DEACTIVATED',
  /** A broadcast's text would take more SMS parts than a message may (extensions.language: for which readers). */
  SMS_TOO_LONG = 'SMS_TOO_LONG',
  /** The HTTP request itself is unusable: not JSON, a wrong encoding (HTTP 400). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The request body is over 100 kB (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** Rate limit or login lockout; `extensions.retryAfter` says how many seconds to wait. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** A phone number the platform will not send a code to (by default only Belgian mobiles). */
  PHONE_NOT_ALLOWED = 'PHONE_NOT_ALLOWED',
  /** A safeguard the operation needs (Redis for limits and lockouts) is down: refused, try later. */
  TEMPORARILY_UNAVAILABLE = 'TEMPORARILY_UNAVAILABLE',
  /** A trajectory's host organisation has no screening, or it expired (`extensions.reason` NOT_SCREENED | EXPIRED, `expiredOn`): record one first. */
  ORGANISATION_NOT_SCREENED = 'ORGANISATION_NOT_SCREENED',
  /** A BUDDY trajectory's buddy has not handed in their certificate of good conduct (volunteer screening RECEIVED). */
  VOLUNTEER_NOT_SCREENED = 'VOLUNTEER_NOT_SCREENED',
  /** A walk-in outside its window: from two hours before the start until the end of the session's day (Brussels); `extensions.opensAt`, `closesAt`. */
  WALK_IN_CLOSED = 'WALK_IN_CLOSED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
