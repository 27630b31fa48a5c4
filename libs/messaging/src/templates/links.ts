// Values that are more than text in a mail: web addresses and phone numbers.
import { parsePhoneNumberWithError } from 'libphonenumber-js';

/** Placeholders holding a phone number: a tel: link in HTML, isolated like any value in text. */
export const PHONE_PLACEHOLDERS = new Set(['contactPhone']);

/** Placeholders holding a web address: an anchor in HTML, and never isolated in plain text (see standAlone). */
export const URL_PLACEHOLDERS = new Set(['map', 'link']);
// Private-use marks around a URL while the text is filled; standAlone replaces them.
export const URL_START = '\uE000';
export const URL_END = '\uE001';

/**
 * Mail clients find links in plain text only where a URL stands between whitespace: a bidi
 * isolate (U+2068) or a colon glued to it hides it. So a URL is never isolated; it gets a space
 * or line break on both sides. In right-to-left text the URL's own Latin letters keep it
 * left-to-right, and the text around it stays in the paragraph's direction.
 */
export function standAlone(text: string): string {
  return text
    .replace(new RegExp(`(?<=[^\\s])${URL_START}`, 'gu'), ' ')
    .replace(new RegExp(`${URL_END}(?=[^\\s])`, 'gu'), ' ')
    .replace(new RegExp(`[${URL_START}${URL_END}]`, 'gu'), '');
}

/** Only web addresses become links: a stored value with another scheme (javascript:, data:) stays text. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** "+32 56 27 74 00": grouped as people say it, and callable from a foreign phone too. */
export function readablePhone(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return parsePhoneNumberWithError(value, 'BE').formatInternational();
  } catch {
    return value;
  }
}
