export * from './notifications.module';
export * from './festival/festival-outbox';
export { FESTIVAL_MESSAGE_KINDS } from './festival/festival-messages';
export * from './shifts/shift-outbox';
