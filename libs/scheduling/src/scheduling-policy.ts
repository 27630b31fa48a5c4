import { Actor, AppError, hasAnyRole, isCoordinator, requireCoordinator, Role } from '@app/common';

/**
 * Who may change what in scheduling. Coordinators and admins manage everything; a host manages
 * the sessions and series they host; a school contact manages their own school's closure days.
 */
export const schedulingPolicy = {
  requireCoordinator,

  isCoordinator,

  /** Scheduling new sessions: coordinators, or a host who will host them. */
  requireCanSchedule(actor: Actor | null, hostIds: string[]): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (schedulingPolicy.isCoordinator(actor)) return actor;
    if (!hasAnyRole(actor, Role.HOST)) throw AppError.forbidden('Only coordinators and hosts schedule sessions');
    if (!hostIds.includes(actor.userId)) throw AppError.forbidden('A host schedules only sessions they host themselves');
    return actor;
  },

  requireCanManageHosted(actor: Actor | null, hostIds: readonly string[], what: string): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (schedulingPolicy.isCoordinator(actor)) return actor;
    if (hasAnyRole(actor, Role.HOST) && hostIds.includes(actor.userId)) return actor;
    throw AppError.forbidden(`Only coordinators and the session's hosts ${what}`);
  },

  requireCanManageClosures(actor: Actor | null, organisationId: string): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (schedulingPolicy.isCoordinator(actor)) return actor;
    if (hasAnyRole(actor, Role.SCHOOL_CONTACT) && actor.organisationId === organisationId) return actor;
    throw AppError.forbidden("Only coordinators and the school's own contact change its free days");
  },
};
