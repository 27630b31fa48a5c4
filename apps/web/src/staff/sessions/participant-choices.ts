import { PARTICIPANT_LANGUAGES } from '@translations/languages';

export const CONTACT_CHANNELS = ['SMS', 'EMAIL', 'VIA_ORGANISATION', 'NONE'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Language names in the reader's own language, from the browser (no catalogue of 21 names per language to keep). */
export function languageOptions(readerLanguage: string): { id: string; label: string }[] {
  const names = new Intl.DisplayNames([readerLanguage], { type: 'language' });
  return PARTICIPANT_LANGUAGES.map((tag) => ({ id: tag, label: names.of(tag) ?? tag }));
}
