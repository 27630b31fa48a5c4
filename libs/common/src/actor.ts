import { AppError } from './app-error';

/**
 * Who is asking, as the domain libraries see it. Roles are plain strings here so that
 * libs/common stays free of the database enums; libs/auth builds it from a verified token.
 */
export interface Actor {
  userId: string;
  roles: readonly string[];
  organisationId: string | null;
}

export const ANONYMOUS: Actor | null = null;

export function hasAnyRole(actor: Actor | null | undefined, ...roles: string[]): boolean {
  return !!actor && actor.roles.some((role) => roles.includes(role));
}

/** The roles that run everything: the platform's admins and the city's coordinators (values of Role, in ./enums). */
const COORDINATING_ROLES = ['ADMIN', 'COORDINATOR'];

export function isCoordinator(actor: Actor | null | undefined): boolean {
  return hasAnyRole(actor, ...COORDINATING_ROLES);
}

/** The actor, when it is an admin or a coordinator; UNAUTHENTICATED or FORBIDDEN ("Only coordinators <what>") otherwise. */
export function requireCoordinator(actor: Actor | null, what: string): Actor {
  if (!actor) throw AppError.unauthenticated();
  if (!isCoordinator(actor)) throw AppError.forbidden(`Only coordinators ${what}`);
  return actor;
}
