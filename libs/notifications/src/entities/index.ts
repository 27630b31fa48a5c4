// Transitional: festival/ and shifts/ move into their domains; until then they find messaging here.
export { NotificationEntity, NotificationStatus } from '@app/messaging';
