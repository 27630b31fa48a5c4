// Transitional: festival/ and shifts/ move into their domains, which export their kinds; until then
// they find their kinds (the catalogue's strings) and messaging's types here.
export { type MessageVariables, type StandSlotLine } from '@app/messaging';

export enum MessageKind {
  STAND_APPLICATION_RECEIVED = 'STAND_APPLICATION_RECEIVED',
  STAND_CONFIRMED = 'STAND_CONFIRMED',
  STAND_REFUSED = 'STAND_REFUSED',
  STAND_MOVED = 'STAND_MOVED',
  STAND_CANCELLED = 'STAND_CANCELLED',
  STAND_REMINDER = 'STAND_REMINDER',
  FESTIVAL_DEADLINE_NEAR = 'FESTIVAL_DEADLINE_NEAR',
  SHIFT_REMINDER = 'SHIFT_REMINDER',
  SHIFT_UNDERSTAFFED = 'SHIFT_UNDERSTAFFED',
  SHIFT_SWAP_REQUESTED = 'SHIFT_SWAP_REQUESTED',
}
