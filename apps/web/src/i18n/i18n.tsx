import type { MessageLanguage } from '@translations/catalogues';
import { LANGUAGE_INFO, type LanguageInfo } from '@translations/languages';
import type { PluralForms, UiStrings } from '@translations/ui-strings';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { pickBrowserLanguage } from './browser-language';
import { createFormatters } from './formatting';

export type Language = MessageLanguage;

export const LANGUAGES = Object.keys(LANGUAGE_INFO) as Language[];
export const DEFAULT_LANGUAGE: Language = 'nl';
const STORAGE_KEY = 'oefenkansen.language';

/**
 * One lazily loaded chunk per language, holding only the `ui` export of the language's
 * translation file: the build leaves the messages out (ui-strings-plugin.ts; `npm run web:size`
 * checks that no chunk holds a message).
 */
const LOADERS: Record<Language, () => Promise<UiStrings>> = {
  nl: () => import('@translations/catalogues/nl').then((m) => m.ui),
  fr: () => import('@translations/catalogues/fr').then((m) => m.ui),
  en: () => import('@translations/catalogues/en').then((m) => m.ui),
  ar: () => import('@translations/catalogues/ar').then((m) => m.ui),
  ru: () => import('@translations/catalogues/ru').then((m) => m.ui),
  prs: () => import('@translations/catalogues/prs').then((m) => m.ui),
  ps: () => import('@translations/catalogues/ps').then((m) => m.ui),
  so: () => import('@translations/catalogues/so').then((m) => m.ui),
  ro: () => import('@translations/catalogues/ro').then((m) => m.ui),
  ur: () => import('@translations/catalogues/ur').then((m) => m.ui),
  uk: () => import('@translations/catalogues/uk').then((m) => m.ui),
  tr: () => import('@translations/catalogues/tr').then((m) => m.ui),
};

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LANGUAGE_INFO, value);
}

/**
 * The language chosen earlier on this device; on a first visit the browser's first language we
 * speak; else plain Dutch. Only a choice in the switcher is stored, so it wins over the browser.
 */
export function storedLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage blocked (private mode, policy): fall back to the browser's languages
  }
  if (isLanguage(stored)) return stored;
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return pickBrowserLanguage(browser, LANGUAGES) ?? DEFAULT_LANGUAGE;
}

export function loadStrings(language: Language): Promise<UiStrings> {
  return LOADERS[language]();
}

/** <html lang dir> follow the language, so screen readers pronounce it and the layout mirrors. */
export function applyLanguageToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = LANGUAGE_INFO[language].dir;
}

export interface I18n {
  language: Language;
  info: LanguageInfo;
  t: UiStrings;
  setLanguage(language: Language): Promise<void>;
  /** Fills `{name}` placeholders; numbers are written the language's way. */
  format(template: string, values?: Record<string, string | number>): string;
  /** The plural form for count, with {count} filled in. */
  plural(forms: PluralForms, count: number): string;
  /** "dinsdag 8 september" */
  formatDay(instant: Date): string;
  /** "19:00–20:30" */
  formatTimeRange(start: Date, end: Date): string;
  /** "dinsdag 8 september, 19:00–20:30": a day and its times, with the language's punctuation. */
  formatWhen(start: Date, end: Date): string;
  /** "Arabisch, Turks en Dari" */
  formatList(items: readonly string[]): string;
  /** Pieces of one label side by side, with a separator that reads well in the script ("Volzet · …"). */
  joinPieces(items: readonly (string | null | undefined | false)[]): string;
  /** A language tag's name: ours in its own script, others in the current language. */
  languageName(tag: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside <I18nProvider>');
  return i18n;
}

export function I18nProvider(props: { language: Language; strings: UiStrings; children: ReactNode }) {
  const [current, setCurrent] = useState({ language: props.language, t: props.strings });

  const setLanguage = useCallback(async (language: Language) => {
    const t = await loadStrings(language);
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // not kept on this device; the choice still holds for this visit
    }
    applyLanguageToDocument(language);
    setCurrent({ language, t });
  }, []);

  const value = useMemo<I18n>(() => {
    const { language, t } = current;
    const info = LANGUAGE_INFO[language];
    const locales = [...info.locales];
    const numbers = new Intl.NumberFormat(locales);
    const plurals = new Intl.PluralRules(locales);
    const formatters = createFormatters(locales, info.dir);
    const names = new Intl.DisplayNames(locales, { type: 'language', fallback: 'code' });
    const format = (template: string, values: Record<string, string | number> = {}) =>
      template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const v = values[name];
        return v === undefined ? whole : typeof v === 'number' ? numbers.format(v) : v;
      });
    return {
      language,
      info,
      t,
      setLanguage,
      format,
      plural: (forms, count) => format(forms[plurals.select(count) as keyof PluralForms] ?? forms.other, { count }),
      formatDay: formatters.day,
      formatTimeRange: formatters.timeRange,
      formatWhen: formatters.when,
      formatList: formatters.list,
      joinPieces: formatters.pieces,
      languageName: (tag) => (isLanguage(tag) ? LANGUAGE_INFO[tag].name : (names.of(tag) ?? tag)),
    };
  }, [current, setLanguage]);

  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}
