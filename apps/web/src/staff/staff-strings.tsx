import type common from '@locales/nl/staff/common.json';
import type dashboard from '@locales/nl/staff/dashboard.json';
import type festival from '@locales/nl/staff/festival.json';
import type matching from '@locales/nl/staff/matching.json';
import type messages from '@locales/nl/staff/messages.json';
import type people from '@locales/nl/staff/people.json';
import type picnik from '@locales/nl/staff/picnik.json';
import type picnikReport from '@locales/nl/staff/picnikReport.json';
import type places from '@locales/nl/staff/places.json';
import type privacy from '@locales/nl/staff/privacy.json';
import type programmes from '@locales/nl/staff/programmes.json';
import type series from '@locales/nl/staff/series.json';
import type sessions from '@locales/nl/staff/sessions.json';
import type volunteers from '@locales/nl/staff/volunteers.json';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { createMessageFormatter, type Language, useI18n } from '../i18n/i18n';

/**
 * The back office's words: locales/<lang>/staff/<area>.json, one file per area so translators (and
 * engineers) work on one screen at a time. The staff of the integration service read Dutch, English
 * or French; in any other language of the public site the back office is in Dutch (and says so with
 * lang="nl", so a screen reader reads it right). The Dutch files are the source: their shape is the type.
 */
export interface StaffStrings {
  common: typeof common;
  dashboard: typeof dashboard;
  places: typeof places;
  programmes: typeof programmes;
  series: typeof series;
  sessions: typeof sessions;
  people: typeof people;
  picnik: typeof picnik;
  matching: typeof matching;
  picnikReport: typeof picnikReport;
  volunteers: typeof volunteers;
  festival: typeof festival;
  privacy: typeof privacy;
  messages: typeof messages;
}

export const STAFF_LANGUAGES = ['nl', 'en', 'fr'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

/** Every area file of every staff language, each its own chunk, loaded when the back office opens. */
const FILES = import.meta.glob<{ default: unknown }>('../../../../locales/{nl,en,fr}/staff/*.json');

export function staffLanguageFor(language: Language): StaffLanguage {
  return (STAFF_LANGUAGES as readonly string[]).includes(language) ? (language as StaffLanguage) : 'nl';
}

export async function loadStaffStrings(language: StaffLanguage): Promise<StaffStrings> {
  const prefix = `../../../../locales/${language}/staff/`;
  const entries = await Promise.all(
    Object.entries(FILES)
      .filter(([path]) => path.startsWith(prefix))
      .map(async ([path, load]) => [path.slice(prefix.length, -'.json'.length), (await load()).default] as const),
  );
  return Object.fromEntries(entries) as unknown as StaffStrings;
}

export interface StaffI18n {
  s: StaffStrings;
  language: StaffLanguage;
  /** An ICU message of the staff catalogues with its placeholders filled. */
  format(message: string, values?: Record<string, string | number>): string;
}

const StaffContext = createContext<StaffI18n | null>(null);

export function useStaffI18n(): StaffI18n {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaffI18n outside <StaffStringsProvider>');
  return value;
}

/** Loads the staff words for the reader's language (again when they switch) before showing the area. */
export function StaffStringsProvider(props: { children: ReactNode; loading: ReactNode }) {
  const { language: siteLanguage } = useI18n();
  const language = staffLanguageFor(siteLanguage);
  const [loaded, setLoaded] = useState<{ language: StaffLanguage; s: StaffStrings } | null>(null);
  useEffect(() => {
    let current = true;
    void loadStaffStrings(language).then((s) => current && setLoaded({ language, s }));
    return () => {
      current = false;
    };
  }, [language]);
  const value = useMemo<StaffI18n | null>(() => {
    if (!loaded) return null;
    const { format } = createMessageFormatter([loaded.language === 'nl' ? 'nl-BE' : loaded.language === 'fr' ? 'fr-BE' : 'en-GB']);
    return { s: loaded.s, language: loaded.language, format };
  }, [loaded]);
  if (!value) return <>{props.loading}</>;
  const foreign = value.language !== siteLanguage;
  return (
    <StaffContext.Provider value={value}>
      <div lang={foreign ? value.language : undefined} dir={foreign ? 'ltr' : undefined} className="staff">
        {props.children}
      </div>
    </StaffContext.Provider>
  );
}
