export * from './festival-message-kinds';
export * from './festival-messages.module';
export * from './festival-outbox';
export { FestivalMessageComposer, FESTIVAL_CALENDAR_FILENAME, type StandSlotLine } from './festival-messages';
export { FestivalMessagesRepository } from './festival-messages.repository';
export * from './festival-deadline-alerts';
