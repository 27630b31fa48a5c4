import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { MessageLanguage } from '@translations/catalogues';
import { LANGUAGE_INFO, type LanguageInfo } from '@translations/languages';
import type { PluralForms, UiStrings } from '@translations/ui-strings';
import { pickBrowserLanguage } from './browser-language';
import { createFormatters } from './formatting';

export type Language = MessageLanguage;

export const LANGUAGES = Object.keys(LANGUAGE_INFO) as Language[];
export const DEFAULT_LANGUAGE: Language = 'nl';
const STORAGE_KEY = 'oefenkansen.language';

/**
 * One lazily loaded chunk per language: locales/<lang>/web.json, the web app's words only (the
 * messages are in messages.json, which the web app never imports; `npm run web:size` checks that
 * no chunk holds one). Typed as UiStrings, so a key missing from the Dutch file fails typecheck.
 */
const LOADERS: Record<Language, () => Promise<UiStrings>> = {
  nl: () => import('@locales/nl/web.json').then((m) => m.default),
  fr: () => import('@locales/fr/web.json').then((m) => m.default),
  en: () => import('@locales/en/web.json').then((m) => m.default),
  ar: () => import('@locales/ar/web.json').then((m) => m.default),
  ru: () => import('@locales/ru/web.json').then((m) => m.default),
  prs: () => import('@locales/prs/web.json').then((m) => m.default),
  ps: () => import('@locales/ps/web.json').then((m) => m.default),
  so: () => import('@locales/so/web.json').then((m) => m.default),
  ro: () => import('@locales/ro/web.json').then((m) => m.default),
  ur: () => import('@locales/ur/web.json').then((m) => m.default),
  uk: () => import('@locales/uk/web.json').then((m) => m.default),
  tr: () => import('@locales/tr/web.json').then((m) => m.default),
};

/**
 * `?lang=pseudo` in a development build: the pseudo-locale (locales/pseudo, Dutch accented and
 * 40 % longer) to find texts that are cut off or not translated. Production builds drop it.
 */
function pseudoLocaleRequested(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).get('lang') === 'pseudo';
}

export function isLanguage(value: unknown): value is Language {
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
  // import.meta.env.DEV is false in a production build: the branch and the pseudo chunk are left out.
  if (import.meta.env.DEV && pseudoLocaleRequested()) return import('@locales/pseudo/web.json').then((m) => m.default);
  return LOADERS[language]();
}

/**
 * ICU MessageFormat, as the worker renders its messages (intl-messageformat). Numbers in a
 * `{name}` are written the language's way; a value not given stays `{name}` in the text.
 */
export function createMessageFormatter(locales: readonly string[]) {
  const numbers = new Intl.NumberFormat([...locales]);
  const compiled = new Map<string, IntlMessageFormat>();
  const compile = (message: string) => {
    let format = compiled.get(message);
    if (!format) {
      format = new IntlMessageFormat(message, [...locales], undefined, { ignoreTag: true });
      compiled.set(message, format);
    }
    return format;
  };
  const format = (message: string, values: Record<string, string | number> = {}): string => {
    const given = new Proxy(values, {
      has: () => true,
      get: (target, name) => {
        if (typeof name !== 'string') return undefined;
        const value = target[name];
        return value === undefined ? `{${name}}` : typeof value === 'number' ? numbers.format(value) : value;
      },
    });
    return String(compile(message).format(given));
  };
  /** An ICU plural on {count}: the form of the language's CLDR category, `#` written the language's way. */
  const plural = (forms: PluralForms, count: number): string => String(compile(forms).format({ count }));
  return { format, plural };
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
  /** Switches the page's language; `remember: false` shows it without keeping it as this device's choice (a personal link's language). */
  setLanguage(language: Language, options?: { remember?: boolean }): Promise<void>;
  /** Formats an ICU message, filling `{name}` placeholders; numbers are written the language's way. */
  format(template: string, values?: Record<string, string | number>): string;
  /** The ICU plural for count, with its number filled in. */
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

  const setLanguage = useCallback(async (language: Language, options: { remember?: boolean } = {}) => {
    const t = await loadStrings(language);
    try {
      if (options.remember !== false) localStorage.setItem(STORAGE_KEY, language);
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
    const messages = createMessageFormatter(locales);
    const formatters = createFormatters(locales, info.dir);
    const names = new Intl.DisplayNames(locales, { type: 'language', fallback: 'code' });
    return {
      language,
      info,
      t,
      setLanguage,
      format: messages.format,
      plural: messages.plural,
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
