import type { MessageLanguage } from './catalogues';

/**
 * What the web app needs to know about each language before its strings are loaded: the name
 * for the switcher, the writing direction for <html dir>, and the locales to format dates and
 * numbers with (best first: ICU may not know Dari or Pashto, Persian formatting reads well).
 * Type-only imports keep this file free of the catalogues, so the web bundle can import it.
 */
export interface LanguageInfo {
  name: string;
  dir: 'ltr' | 'rtl';
  locales: readonly string[];
}

export const LANGUAGE_INFO: Readonly<Record<MessageLanguage, LanguageInfo>> = {
  nl: { name: 'Nederlands', dir: 'ltr', locales: ['nl-BE', 'nl'] },
  fr: { name: 'Français', dir: 'ltr', locales: ['fr-BE', 'fr'] },
  en: { name: 'English', dir: 'ltr', locales: ['en-GB', 'en'] },
  ar: { name: 'العربية', dir: 'rtl', locales: ['ar'] },
  ru: { name: 'Русский', dir: 'ltr', locales: ['ru'] },
  prs: { name: 'دری', dir: 'rtl', locales: ['prs', 'fa-AF', 'fa'] },
  ps: { name: 'پښتو', dir: 'rtl', locales: ['ps', 'fa-AF', 'fa'] },
  so: { name: 'Soomaali', dir: 'ltr', locales: ['so'] },
  ro: { name: 'Română', dir: 'ltr', locales: ['ro'] },
  ur: { name: 'اردو', dir: 'rtl', locales: ['ur'] },
  uk: { name: 'Українська', dir: 'ltr', locales: ['uk'] },
  tr: { name: 'Türkçe', dir: 'ltr', locales: ['tr'] },
};

/**
 * Languages a participant may choose for their messages (BCP 47): those with a catalogue, then
 * others the integration service meets often (their messages fall back to a catalogue language).
 * Kortrijk's largest newcomer groups first. Plain data, so the web app's forms offer the same list
 * the API checks.
 */
export const PARTICIPANT_LANGUAGES = [
  'nl',
  'fr',
  'en',
  'ar',
  'ru',
  'prs',
  'ps',
  'so',
  'ro',
  'ur',
  'uk',
  'tr',
  'fa',
  'ti',
  'am',
  'es',
  'pl',
  'bg',
  'sq',
  'ku',
  'de',
] as const;
