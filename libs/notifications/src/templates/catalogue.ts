import type { MessageKind } from './message-kinds';

/**
 * One message in one language.
 *
 * Template syntax:
 * - `{name}` is replaced by a value: {firstName}, {title}, {date}, {time}, {endTime}, {venue},
 *   {address}, {position}, {previousDate}, {previousTime}, {reason}, {confirmed}, {capacity},
 *   {waitlist}, {count} (number of digest lines), {code} (a registration code), {contactPhone} (the number to call,
 *   a tel: link in HTML; mail only, kept out of SMS for their length) and, in `text` only, {lines} (the digest list,
 *   alone in its own paragraph; a table in HTML).
 * - `[[ ... ]]` is an optional part: it is left out when a placeholder inside has no value
 *   (e.g. `[[ (number {position})]]` when the waiting-list position is unknown).
 * - In `text`, an empty line starts a new paragraph.
 *
 * Write plain, short sentences (A1/A2). SMS must stay within 2 segments with realistic values:
 * about 300 characters in Latin script, and under about 130 in Arabic or Cyrillic script.
 */
export interface CatalogueEntry {
  subject: string;
  text: string;
  sms: string;
}

export type Catalogue = Record<MessageKind, CatalogueEntry>;

/** Column headings and captions of the digest list. */
export interface DigestLabels {
  name: string;
  session: string;
  when: string;
  language: string;
  phone: string;
  how: string;
  /** Shown instead of the list when it is empty. */
  empty: string;
  hostCaption: string;
  schoolCaption: string;
}

/** Joins lines with "\n"; pass '' for an empty line (new paragraph). */
export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}
