import type { PersonalDataSubject } from '../subject';

/** A number of rows of one kind; the web's catalogue words the key (`privacy.erase.items.<key>`). */
export interface ErasurePreviewItem {
  key: string;
  count: number;
}

/** What an erasure would do to one person, in numbers, for the confirmation. Changes nothing. */
export interface ErasurePreview {
  subject: PersonalDataSubject;
  alreadyErased: boolean;
  /** What goes: anonymised, emptied, deleted or cancelled. */
  removed: ErasurePreviewItem[];
  /** What stays as anonymous counts in the reports. */
  kept: ErasurePreviewItem[];
}

/** The counts as the preview statements answer them (one row, one column per key). */
export type ErasureCounts = Record<string, number> & { erased: boolean };

export const PARTICIPANT_REMOVED = ['personalDetails', 'notes', 'codeRequests', 'children', 'pendingMessages'] as const;
export const PARTICIPANT_KEPT = ['registrations', 'attendance', 'trajectories', 'messages'] as const;
export const USER_REMOVED = ['account', 'volunteerProfile', 'absences', 'pendingMessages'] as const;
export const USER_KEPT = ['shiftAssignments', 'hostedSessions', 'buddyTrajectories', 'messages'] as const;

/** Someone already erased has nothing left to remove; what is kept is counted all the same. */
export function erasurePreviewOf(subject: PersonalDataSubject, counts: ErasureCounts, removed: readonly string[], kept: readonly string[]): ErasurePreview {
  const items = (keys: readonly string[], zero: boolean) => keys.map((key) => ({ key, count: zero ? 0 : Number(counts[key] ?? 0) }));
  return { subject, alreadyErased: counts.erased, removed: items(removed, counts.erased), kept: items(kept, false) };
}
