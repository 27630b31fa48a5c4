/**
 * SMS length per GSM 03.38 / 3GPP TS 23.038: GSM-7 when every character is in the default
 * alphabet (extension characters take two septets), otherwise UCS-2 (UTF-16 code units).
 * One segment holds 160 GSM-7 / 70 UCS-2 units; a concatenated message 153 / 67 per segment,
 * and a segment never splits an escape pair or a surrogate pair.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';
const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export const MAX_SMS_SEGMENTS = 2;

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
 * The SMS as sent: unchanged when it fits in MAX_SMS_SEGMENTS, otherwise the GSM-7 simplified
 * version when that is all GSM-7 and shorter (Latin-script languages with diacritics).
 */
export function fitSms(text: string): string {
  const original = smsLength(text);
  if (original.segments <= MAX_SMS_SEGMENTS) return text;
  const folded = foldToGsm7(text);
  return isGsm7(folded) && smsLength(folded).segments < original.segments ? folded : text;
}
