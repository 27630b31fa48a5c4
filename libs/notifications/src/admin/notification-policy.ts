import { Actor, AppError, hasAnyRole } from '@app/common';
import { Role } from '@app/database';

/** The outbox is for coordinators: it names participants and shows why their messages failed. */
export const notificationPolicy = {
  canAdminister(actor: Actor | null): boolean {
    return hasAnyRole(actor, Role.ADMIN, Role.COORDINATOR);
  },

  requireCanAdminister(actor: Actor | null, what: string): Actor {
    if (!actor) throw AppError.unauthenticated();
    if (!notificationPolicy.canAdminister(actor)) throw AppError.forbidden(`Only coordinators ${what}`);
    return actor;
  },
};
