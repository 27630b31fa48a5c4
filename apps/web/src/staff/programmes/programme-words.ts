import { useStaffI18n } from '../staff-strings';
import { PLATFORM_LANGUAGES } from './queries';

/** A language tag in the reader's words: the catalogue's name for the platform's twelve, else what the browser knows, else the tag. */
export function useLanguageName(): (tag: string) => string {
  const { s, language } = useStaffI18n();
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' });
  } catch {
    names = null;
  }
  return (tag) => {
    if ((PLATFORM_LANGUAGES as readonly string[]).includes(tag)) return s.programmes.languageNames[tag as (typeof PLATFORM_LANGUAGES)[number]];
    const name = safeName(names, tag);
    return name ? `${name} (${tag})` : tag;
  };
}

function safeName(names: Intl.DisplayNames | null, tag: string): string | undefined {
  try {
    return names?.of(tag);
  } catch {
    return undefined;
  }
}

/** "24 uur vooraf", "1 week vooraf": a reminder offset (minutes) as a person says it. */
export function useReminderLabel(): (minutes: number) => string {
  const { s, format } = useStaffI18n();
  return (minutes) => {
    const r = s.programmes.reminders;
    if (minutes % 10080 === 0) return format(r.weeks, { count: minutes / 10080 });
    if (minutes % 60 === 0) return format(r.hours, { count: minutes / 60 });
    return format(r.minutes, { count: minutes });
  };
}

const LOCALES = { nl: 'nl-BE', en: 'en-GB', fr: 'fr-BE' } as const;

/** "di 15 sep., 14:00": a session's start in Kortrijk's time, the reader's way. */
export function useSessionTime(): (iso: string) => string {
  const { language } = useStaffI18n();
  const formatter = new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  });
  return (iso) => formatter.format(new Date(iso));
}
