import { TIME_ZONE } from '../time';

/**
 * Dates, times and lists written the language's way. Intl does most of it; what it leaves wrong
 * is fixed here: ICU's Pashto (and some Arabic-script) patterns carry a Latin comma, which reads
 * as foreign punctuation beside Arabic script, and the middle dot we put between pieces stands
 * beside Eastern Arabic digits where it looks like the Persian zero (۲ · → "۲۰").
 */
export interface Formatters {
  /** "dinsdag 8 september" */
  day(instant: Date): string;
  /** "19:00–20:30" */
  timeRange(start: Date, end: Date): string;
  /** "dinsdag 8 september, 19:00–20:30", one Intl range: the language's own order and punctuation. */
  when(start: Date, end: Date): string;
  /** "Arabisch, Turks en Dari" */
  list(items: readonly string[]): string;
  /** Pieces of one label side by side: "Volzet · 1 persoon op de wachtlijst"; "مكتمل، شخص واحد…" in Arabic script. */
  pieces(items: readonly (string | null | undefined | false)[]): string;
}

/** Arabic, Dari, Pashto, Urdu: the writing systems that use the Arabic comma. */
function usesArabicScript(dir: 'ltr' | 'rtl'): boolean {
  return dir === 'rtl';
}

export function createFormatters(locales: readonly string[], dir: 'ltr' | 'rtl'): Formatters {
  const arabicScript = usesArabicScript(dir);
  // A Latin comma in an Arabic-script text becomes the Arabic comma "،" (U+060C).
  const punctuate = (text: string) => (arabicScript ? text.replace(/\s*,\s*/g, '، ') : text);
  const list = [...locales];
  const dayFormat = new Intl.DateTimeFormat(list, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' });
  const timeFormat = new Intl.DateTimeFormat(list, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const whenFormat = new Intl.DateTimeFormat(list, {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const listFormat = new Intl.ListFormat(list, { type: 'conjunction', style: 'long' });
  const separator = arabicScript ? '، ' : ' · ';
  return {
    day: (instant) => punctuate(dayFormat.format(instant)),
    timeRange: (start, end) => punctuate(timeFormat.formatRange(start, end)),
    when: (start, end) => punctuate(whenFormat.formatRange(start, end)),
    list: (items) => punctuate(listFormat.format(items)),
    pieces: (items) => items.filter((item): item is string => !!item).join(separator),
  };
}
