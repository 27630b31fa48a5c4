import { Actor, AppError, hasAnyRole, isCoordinator, requireCoordinator, Role } from '@app/common';

/**
 * Who may do what at the festival. Coordinators (and admins) run the edition and decide on
 * bookings; a festival organiser applies, books and cancels for their own association only.
 */
export const festivalPolicy = {
  isCoordinator,

  requireCoordinator,

  /** Coordinators, or an organiser of this association. */
  requireCanActFor(actor: Actor | null, organisationId: string, what: string): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (festivalPolicy.isCoordinator(actor)) return actor;
    if (!hasAnyRole(actor, Role.FESTIVAL_ORGANISER)) throw AppError.forbidden(`Only coordinators and festival organisers ${what}`);
    if (actor.organisationId !== organisationId) throw AppError.forbidden(`A festival organiser ${what} only for their own association`);
    return actor;
  },

  /** Coordinators and organisers see the stand plan; whose booking a taken slot is, only coordinators and that association. */
  requireCanSeePlan(actor: Actor | null): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (festivalPolicy.isCoordinator(actor) || hasAnyRole(actor, Role.FESTIVAL_ORGANISER)) return actor;
    throw AppError.forbidden('Only coordinators and festival organisers see the stand plan');
  },

  /** Null: every association; otherwise only this one. */
  visibleOrganisation(actor: Actor): string | null {
    return festivalPolicy.isCoordinator(actor) ? null : (actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
  },

  canSeeBookingOf(actor: Actor | null, organisationId: string): boolean {
    return festivalPolicy.isCoordinator(actor) || (hasAnyRole(actor, Role.FESTIVAL_ORGANISER) && actor!.organisationId === organisationId);
  },
};
