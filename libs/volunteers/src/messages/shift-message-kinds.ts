/** The shifts' message kinds; each string is the key of its message in the catalogues. */
export const ShiftMessageKind = {
  SHIFT_REMINDER: 'SHIFT_REMINDER',
  SHIFT_UNDERSTAFFED: 'SHIFT_UNDERSTAFFED',
  SHIFT_SWAP_REQUESTED: 'SHIFT_SWAP_REQUESTED',
} as const;
export type ShiftMessageKind = (typeof ShiftMessageKind)[keyof typeof ShiftMessageKind];

export const SHIFT_MESSAGE_KINDS: readonly ShiftMessageKind[] = Object.values(ShiftMessageKind);
