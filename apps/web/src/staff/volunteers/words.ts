import { useMemo } from 'react';
import { GraphQLRequestError } from '../../graphql/client';
import { useStaffI18n } from '../staff-strings';

/** Language names, dates and Brussels times in the reader's language, and an API refusal in their words. */
export function useVolunteerWords() {
  const { s, language } = useStaffI18n();
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'language' });
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const dayTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' });
    const instantDay = new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/Brussels' });
    const time = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: 'Europe/Brussels' });
    return {
      languages: (tags: readonly string[]) => tags.map((tag) => names.of(tag) ?? tag).join(', '),
      /** A calendar date, YYYY-MM-DD. */
      date: (date: string) => day.format(new Date(`${date}T00:00:00Z`)),
      dateTime: (instant: string) => dayTime.format(new Date(instant)),
      /** The Brussels day of an instant. */
      day: (instant: string) => instantDay.format(new Date(instant)),
      time: (instant: string) => time.format(new Date(instant)),
      refusal: (error: unknown) => {
        const code = error instanceof GraphQLRequestError ? error.code : undefined;
        const own = s.volunteers.apiErrors as Record<string, string>;
        const shared = s.common.apiErrors as Record<string, string>;
        return (code && (own[code] ?? shared[code])) || s.common.apiErrors.other;
      },
    };
  }, [s, language]);
}
