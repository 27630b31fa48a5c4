export * from './enums';
export * from './participant.entity';
export * from './registration.entity';
export * from './registration-event.entity';
export * from './registration-code-request.entity';
export * from './session-alert.entity';
export * from './app-setting.entity';
export * from './registration-link.entity';
export * from './registration-child.entity';
export * from './sms-inbound.entity';

import { AppSettingEntity } from './app-setting.entity';
import { ParticipantEntity } from './participant.entity';
import { RegistrationChildEntity } from './registration-child.entity';
import { RegistrationCodeRequestEntity } from './registration-code-request.entity';
import { RegistrationEventEntity } from './registration-event.entity';
import { RegistrationLinkEntity } from './registration-link.entity';
import { RegistrationEntity } from './registration.entity';
import { SessionAlertEntity } from './session-alert.entity';
import { SmsInboundEntity } from './sms-inbound.entity';

/** The tables this lib owns; the apps list every lib's entities for TypeORM. */
export const REGISTRATIONS_ENTITIES = [
  ParticipantEntity,
  RegistrationEntity,
  RegistrationEventEntity,
  RegistrationCodeRequestEntity,
  SessionAlertEntity,
  AppSettingEntity,
  RegistrationLinkEntity,
  RegistrationChildEntity,
  SmsInboundEntity,
];
