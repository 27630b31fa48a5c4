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
