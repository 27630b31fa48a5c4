export * from './enums';
export * from './notification.entity';
export * from './delivery-attempt.entity';
export * from './mail-opt-out.entity';
export * from './sms-opt-out.entity';

import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { MailOptOutEntity } from './mail-opt-out.entity';
import { NotificationEntity } from './notification.entity';
import { SmsOptOutEntity } from './sms-opt-out.entity';

/** The tables this lib owns; the apps list every lib's entities for TypeORM. */
export const NOTIFICATIONS_ENTITIES = [NotificationEntity, DeliveryAttemptEntity, MailOptOutEntity, SmsOptOutEntity];
