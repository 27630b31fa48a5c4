// Transitional: festival/ and shifts/ move into their domains; until then they find messaging here.
export { MessageKind, type MessageVariables, type StandSlotLine } from '@app/messaging';
