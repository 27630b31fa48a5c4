import { isCoordinator, requireCoordinator } from '@app/common';

/** The outbox is for coordinators: it names participants and shows why their messages failed. */
export const notificationPolicy = {
  canAdminister: isCoordinator,

  requireCanAdminister: requireCoordinator,
};
