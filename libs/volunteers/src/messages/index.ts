export * from './shift-message-kinds';
export * from './shift-messages.module';
export * from './shift-outbox';
export { ShiftMessageComposer, SHIFT_CALENDAR_FILENAME } from './shift-messages';
export { ShiftMessagesRepository } from './shift-messages.repository';
export * from './understaffed-shift-alerts';
export * from './trajectory-follow-up-reminders';
