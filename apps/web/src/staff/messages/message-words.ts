import { LANGUAGE_INFO } from '@translations/languages';
import { MESSAGE_KINDS } from '@translations/message-kinds';

/** Every message language in the order the site offers them (plain data: the catalogues stay out of the bundle). */
export const MESSAGE_LANGUAGES = Object.keys(LANGUAGE_INFO) as (keyof typeof LANGUAGE_INFO)[];
export { MESSAGE_KINDS };

export function languageName(tag: string): string {
  return (LANGUAGE_INFO as Record<string, { name: string } | undefined>)[tag]?.name ?? tag;
}

export function languageDirection(tag: string): 'ltr' | 'rtl' {
  return (LANGUAGE_INFO as Record<string, { dir: 'ltr' | 'rtl' } | undefined>)[tag]?.dir ?? 'ltr';
}

export const CHANNELS = ['EMAIL', 'SMS'] as const;
export const STATUSES = ['PENDING', 'SENT', 'FAILED', 'CANCELLED'] as const;
/** A filter's "any" choice: React Aria lists need a non-empty key. */
export const ANY = 'ANY';

/** Date and time in the reader's locale, Brussels time. */
export function formatMoment(value: string, language: string): string {
  return new Date(value).toLocaleString(language === 'nl' ? 'nl-BE' : language === 'fr' ? 'fr-BE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  });
}
