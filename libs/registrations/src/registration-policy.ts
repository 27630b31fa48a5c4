import { Actor, AppError, hasAnyRole, isCoordinator, Role } from '@app/common';

/** Who is responsible for a session: its hosts, and the organisation whose venue it is at. */
export interface SessionScope {
  hostIds: readonly string[];
  organisationId: string;
}

const hosts = (actor: Actor, scope: SessionScope) => hasAnyRole(actor, Role.HOST) && scope.hostIds.includes(actor.userId);
const schoolOf = (actor: Actor, scope: SessionScope) => hasAnyRole(actor, Role.SCHOOL_CONTACT) && actor.organisationId === scope.organisationId;

/**
 * Registrations: coordinators everywhere; a host at the sessions they host; a school contact at
 * their school's sessions. Participant data is never readable without a login.
 */
export const registrationPolicy = {
  isCoordinator,

  canManageRegistrations(actor: Actor | null, scope: SessionScope): boolean {
    return !!actor && (isCoordinator(actor) || hosts(actor, scope) || schoolOf(actor, scope));
  },

  /**
   * Reading who comes: those who manage the registrations, and a volunteer listed as one of the
   * session's hosts (a co-host sees the list; registering, cancelling and marking stay with hosts).
   */
  canSeeRegistrations(actor: Actor | null, scope: SessionScope): boolean {
    return registrationPolicy.canManageRegistrations(actor, scope) || (!!actor && hasAnyRole(actor, Role.VOLUNTEER) && scope.hostIds.includes(actor.userId));
  },

  requireCanManageRegistrations(actor: Actor | null, scope: SessionScope): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (!registrationPolicy.canManageRegistrations(actor, scope)) {
      throw AppError.forbidden("Only coordinators, the session's hosts and its school's contact register people for it");
    }
    return actor;
  },

  requireCanMarkAttendance(actor: Actor | null, scope: SessionScope): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (!isCoordinator(actor) && !hosts(actor, scope)) throw AppError.forbidden("Only coordinators and the session's hosts mark attendance");
    return actor;
  },

  requireLoggedIn(actor: Actor | null): Actor {
    if (!actor) throw AppError.unauthenticated('Log in to see participants');
    return actor;
  },

  requireCoordinator(actor: Actor | null, what: string): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (!isCoordinator(actor)) throw AppError.forbidden(`Only coordinators ${what}`);
    return actor;
  },
};
