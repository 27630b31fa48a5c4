/** The festival's message kinds; each string is the key of its message in the catalogues. */
export const FestivalMessageKind = {
  STAND_APPLICATION_RECEIVED: 'STAND_APPLICATION_RECEIVED',
  STAND_CONFIRMED: 'STAND_CONFIRMED',
  STAND_REFUSED: 'STAND_REFUSED',
  STAND_MOVED: 'STAND_MOVED',
  STAND_CANCELLED: 'STAND_CANCELLED',
  STAND_REMINDER: 'STAND_REMINDER',
  FESTIVAL_DEADLINE_NEAR: 'FESTIVAL_DEADLINE_NEAR',
} as const;
export type FestivalMessageKind = (typeof FestivalMessageKind)[keyof typeof FestivalMessageKind];

export const FESTIVAL_MESSAGE_KINDS: readonly FestivalMessageKind[] = Object.values(FestivalMessageKind);

/** Messages that list several slots (an application, or a coordinator's booking of several at once). */
export const LISTING_KINDS: ReadonlySet<string> = new Set([FestivalMessageKind.STAND_APPLICATION_RECEIVED, FestivalMessageKind.STAND_CONFIRMED]);
