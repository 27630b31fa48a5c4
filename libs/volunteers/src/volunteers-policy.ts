import { Actor, AppError, hasAnyRole, isCoordinator, requireCoordinator, Role } from '@app/common';

/**
 * Who may see and change volunteers, shifts and trajectories. Volunteers' and newcomers' personal
 * data is for coordinators (and admins); a volunteer manages their own profile and shifts; a host
 * records attendance at the shifts of the sessions they host.
 */
export const volunteersPolicy = {
  isCoordinator,

  requireCoordinator,

  /** The volunteer themself, or a coordinator. */
  requireSelfOrCoordinator(actor: Actor | null, volunteerId: string, what: string): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (volunteersPolicy.isCoordinator(actor)) return actor;
    if (hasAnyRole(actor, Role.VOLUNTEER) && actor.userId === volunteerId) return actor;
    throw AppError.forbidden(`Only coordinators and the volunteer themself ${what}`);
  },

  requireVolunteer(actor: Actor | null, what: string): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (!hasAnyRole(actor, Role.VOLUNTEER)) throw AppError.forbidden(`Only volunteers ${what}`);
    return actor;
  },

  canSeeVolunteer(actor: Actor | null, volunteerId: string): boolean {
    return volunteersPolicy.isCoordinator(actor) || actor?.userId === volunteerId;
  },
};
