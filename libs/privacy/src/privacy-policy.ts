import { Actor, AppError, hasAnyRole, requireCoordinator, Role } from '@app/common';

/** Exports and erasures are for coordinators (and admins); the audit log, which shows what coordinators did, for admins only. */
export const privacyPolicy = {
  requireCoordinator,

  requireAdmin(actor: Actor | null, what: string): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (!hasAnyRole(actor, Role.ADMIN)) throw AppError.forbidden(`Only admins ${what}`);
    return actor;
  },
};
