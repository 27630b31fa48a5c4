import { z } from 'zod';
import { v } from '../ui/validation';
import { MESSAGE_LANGUAGES } from './message-words';

export const AUDIENCE_KINDS = ['SESSION', 'SERIES', 'PROGRAMME', 'FESTIVAL_EDITION'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];
/** The languages a coordinator may translate into: every message language but the Dutch original. */
export const TRANSLATION_LANGUAGES = MESSAGE_LANGUAGES.filter((language) => language !== 'nl');
export const MAX_TEXT = 1000;

export const broadcastSchema = z
  .object({
    audienceKind: v.choice(),
    programmeId: z.string(),
    targetId: z.string(),
    festivalEditionId: z.string(),
    text: v.text(MAX_TEXT),
    translations: z.object(Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, v.optionalText(MAX_TEXT)]))),
  })
  .superRefine((values, context) => {
    const kind = values.audienceKind as AudienceKind;
    if (kind !== 'FESTIVAL_EDITION' && !values.programmeId) context.addIssue({ code: 'custom', path: ['programmeId'], message: 'choose' });
    if ((kind === 'SESSION' || kind === 'SERIES') && !values.targetId) context.addIssue({ code: 'custom', path: ['targetId'], message: 'choose' });
    if (kind === 'FESTIVAL_EDITION' && !values.festivalEditionId) context.addIssue({ code: 'custom', path: ['festivalEditionId'], message: 'choose' });
  });

export type BroadcastValues = z.infer<typeof broadcastSchema>;

/** The API's draft: exactly one audience, the Dutch text, and every translation in a fixed order (so translations.<i> names a language). */
export function draftOf(values: BroadcastValues) {
  const kind = values.audienceKind as AudienceKind;
  const audience =
    kind === 'SESSION'
      ? { sessionId: values.targetId }
      : kind === 'SERIES'
        ? { seriesId: values.targetId }
        : kind === 'PROGRAMME'
          ? { programmeId: values.programmeId }
          : { festivalEditionId: values.festivalEditionId };
  return {
    audience,
    text: values.text,
    translations: TRANSLATION_LANGUAGES.map((language) => ({ language, text: values.translations[language] ?? '' })),
  };
}

/** The API's fields (extensions.field) → this form's. */
export const API_FIELDS = {
  audience: 'audienceKind',
  'audience.sessionId': 'targetId',
  'audience.seriesId': 'targetId',
  'audience.programmeId': 'programmeId',
  'audience.festivalEditionId': 'festivalEditionId',
  ...Object.fromEntries(TRANSLATION_LANGUAGES.map((language, index) => [`translations.${index}.text`, `translations.${language}`])),
} as const;

/** A fresh key per broadcast: a retry or a second click with it sends nothing more. */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
