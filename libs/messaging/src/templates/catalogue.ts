import type { CatalogueKind } from './message-kinds';

/**
 * One message in one language, from locales/<lang>/messages.json, in ICU MessageFormat.
 *
 * - `{name}` is replaced by a value: {firstName}, {title}, {date}, {time}, {endTime}, {venue},
 *   {address}, {position}, {previousDate}, {previousTime}, {until} (when a seat offer ends), {reason}, {confirmed}, {capacity},
 *   {waitlist}, {count} (number of digest lines), {code} (a registration code), {contactPhone} (the number to call,
 *   a tel: link in HTML; mail only, kept out of SMS for their length) and, in `text` only, {lines} (the digest list,
 *   alone in its own paragraph; a table in HTML).
 * - An optional part is a select on its value: `{position, select, none {} other { (number {position})}}`
 *   is left out when the waiting-list position is unknown (a missing value selects `none`).
 * - In `text`, an empty line starts a new paragraph; lines starting with "- " form a list.
 *
 * Write plain, short sentences (A1/A2). SMS must stay within 2 segments with realistic values:
 * about 300 characters in Latin script, and under about 130 in Arabic or Cyrillic script.
 */
export interface CatalogueEntry {
  subject: string;
  text: string;
  sms: string;
}

export type Catalogue = Record<CatalogueKind, CatalogueEntry>;

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
