import { AUTH_ENTITIES } from '@app/auth';
import { BROADCASTS_ENTITIES } from '@app/broadcasts';
import { FESTIVAL_ENTITIES } from '@app/festival';
import { NOTIFICATIONS_ENTITIES } from '@app/messaging';
import { ORGANISATIONS_ENTITIES } from '@app/organisations';
import { PRIVACY_ENTITIES } from '@app/privacy';
import { REGISTRATIONS_ENTITIES } from '@app/registrations';
import { SCHEDULING_ENTITIES } from '@app/scheduling';
import { VOLUNTEERS_ENTITIES } from '@app/volunteers';

/**
 * Every table's entity, from the lib that owns it: TypeORM needs them all (relations cross libs,
 * and the migration generator compares every table), whichever modules this app loads.
 */
export const ENTITIES = [
  ...ORGANISATIONS_ENTITIES,
  ...AUTH_ENTITIES,
  ...SCHEDULING_ENTITIES,
  ...REGISTRATIONS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...FESTIVAL_ENTITIES,
  ...VOLUNTEERS_ENTITIES,
  ...PRIVACY_ENTITIES,
  ...BROADCASTS_ENTITIES,
];
