export * from './outbox-message';
export * from './composers';
export * from './outbox';
export { calendarMessage, type CalendarEntry } from '../../notifications/src/channels/calendar-message';
