import type { MessageLanguage } from './catalogues';

/**
 * SMS length per GSM 03.38 / 3GPP TS 23.038: GSM-7 when every character is in the default
 * alphabet (extension characters take two septets), otherwise UCS-2 (UTF-16 code units).
 * One segment holds 160 GSM-7 / 70 UCS-2 units; a concatenated message 153 / 67 per segment,
 * and a segment never splits an escape pair or a surrogate pair.
 */
const GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';
const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export const MAX_SMS_SEGMENTS = 2;
/**
 * An SMS that carries a personal link ({link}, issue 21) in GSM-7 is one segment: many phones show
 * a two-part text with the link cut off or out of order, and a newcomer acts on that one text. In
 * UCS-2 (Arabic, Cyrillic, Turkish) one segment holds 70 units, too few for a sentence and a link,
 * so those keep MAX_SMS_SEGMENTS.
 */
export const MAX_GSM7_SEGMENTS_WITH_LINK = 1;

/** The most segments an SMS of this encoding may take; `withLink`: its template carries {link}. */
export function maxSegments(encoding: SmsLength['encoding'], withLink: boolean): number {
  return withLink && encoding === 'GSM-7' ? MAX_GSM7_SEGMENTS_WITH_LINK : MAX_SMS_SEGMENTS;
}

/** Whether the SMS is within its budget (see maxSegments). */
export function fitsSmsBudget(sms: string, withLink: boolean): boolean {
  const length = smsLength(sms);
  return length.segments <= maxSegments(length.encoding, withLink);
}

export interface SmsLength {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (!BASIC.has(char) && !EXTENSION.has(char)) return false;
  return true;
}

export function smsLength(text: string): SmsLength {
  const gsm = isGsm7(text);
  // Sizes of the indivisible pieces: an escaped GSM-7 character, or a surrogate pair in UCS-2.
  const pieces = [...text].map((char) => (gsm ? (EXTENSION.has(char) ? 2 : 1) : char.length));
  const units = pieces.reduce((sum, size) => sum + size, 0);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  if (units <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const size of pieces) {
    if (used + size > part) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments };
}

const SPECIAL: Record<string, string> = {
  ı: 'i',
  İ: 'I',
  œ: 'oe',
  Œ: 'OE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
};

/**
 * Latin text with the characters outside GSM-7 simplified (ș→s, ț→t, ş→s, ğ→g, ı→i, ê→e, ’→').
 * Characters that cannot be simplified (Arabic, Cyrillic, ...) are kept, so the result is only
 * GSM-7 when the text was Latin script.
 */
export function foldToGsm7(text: string): string {
  let out = '';
  for (const char of text) {
    if (BASIC.has(char) || EXTENSION.has(char)) out += char;
    else if (SPECIAL[char] !== undefined) out += SPECIAL[char];
    else {
      const stripped = char.normalize('NFD').replace(/\p{M}+/gu, '');
      out += stripped.length > 0 && isGsm7(stripped) ? stripped : char;
    }
  }
  return out;
}

/**
 * How each language's SMS are written, the same for every message in it (readers should not see
 * a word spelt two ways depending on the message's length):
 * - 'gsm7': always folded to the GSM-7 alphabet (ș→s, ê→e, ë→e). Romanian and French SMS are
 *   commonly written without these accents; Dutch, English and Somali need none. 160 characters
 *   a segment instead of 70.
 * - 'unicode': sent as written, UCS-2 when a character is outside GSM-7. Turkish: ı/i and ş/s
 *   tell words apart, and GSM-7's Turkish national shift table needs a header (UDH) that our
 *   gateway contract ({to, text, reference}) cannot ask for. Arabic and Cyrillic script cannot
 *   be folded at all.
 * A language not listed is sent as written.
 */
export const SMS_ENCODING: Readonly<Record<MessageLanguage, 'gsm7' | 'unicode'>> = {
  nl: 'gsm7',
  fr: 'gsm7',
  en: 'gsm7',
  so: 'gsm7',
  ro: 'gsm7',
  ar: 'unicode',
  ru: 'unicode',
  prs: 'unicode',
  ps: 'unicode',
  ur: 'unicode',
  uk: 'unicode',
  tr: 'unicode',
};

/** The text as an SMS in this language is sent (see SMS_ENCODING). */
export function smsForLanguage(text: string, language: string): string {
  return (SMS_ENCODING as Record<string, string | undefined>)[language] === 'gsm7' ? foldToGsm7(text) : text;
}

/** Values an SMS may shorten to stay within MAX_SMS_SEGMENTS, in this order; names, dates, times, codes and links never. */
export const SHORTENED_IN_SMS = ['title', 'venue'] as const;
export type SmsShortening = Partial<Record<(typeof SHORTENED_IN_SMS)[number], string>>;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Spaces and separators left at a cut read badly before the ellipsis ("wonen,…"). */
const CUT_END = /[\s,;:–—-]+$/u;

/**
 * The SMS as sent, within its budget (maxSegments): the first of the candidates (longest first, e.g.
 * with and without optional parts) that fits; otherwise the last one with the title, then the
 * venue, cut to the longest start that fits, plus an ellipsis. `render` gives the candidates for
 * shortened values; `values` are the full ones. Only when even "…" for both does not fit (a very
 * long name) is the SMS longer than the budget.
 */
export function fitSmsBudget(language: string, values: SmsShortening, render: (shortened: SmsShortening) => string[], withLink = false): string {
  const fits = (sms: string) => fitsSmsBudget(sms, withLink);
  const candidates = render({}).map((sms) => smsForLanguage(sms, language));
  const fitting = candidates.find(fits);
  if (fitting !== undefined) return fitting;
  let sms = candidates[candidates.length - 1];
  const shortened: SmsShortening = {};
  const shortest = (overrides: SmsShortening) => {
    const rendered = render(overrides);
    return smsForLanguage(rendered[rendered.length - 1], language);
  };
  for (const name of SHORTENED_IN_SMS) {
    const full = values[name];
    if (!full) continue;
    const parts = [...graphemes.segment(full)].map((part) => part.segment);
    for (let keep = parts.length - 1; keep >= 1; keep -= 1) {
      const start = parts.slice(0, keep).join('').replace(CUT_END, '');
      if (start.length === 0) continue;
      // "…" is one UCS-2 unit but would turn a GSM-7 SMS into UCS-2: there it is "...".
      let value = `${start}...`;
      sms = shortest({ ...shortened, [name]: value });
      if (!isGsm7(sms)) {
        value = `${start}…`;
        sms = shortest({ ...shortened, [name]: value });
      }
      if (fits(sms)) return sms;
      shortened[name] = value;
    }
  }
  return sms;
}
