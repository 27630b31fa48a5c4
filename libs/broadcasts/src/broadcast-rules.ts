import { AppError, ErrorCode, validate } from '@app/common';
import { MAX_SMS_SEGMENTS, renderMessage, SUPPORTED_MESSAGE_LANGUAGES, smsLength } from '@app/messaging';
import { BroadcastAudienceKind, type BroadcastTranslation } from './entities';

/** The longest text a coordinator may write: a mail reads well up to here; SMS readers have a tighter budget (checked per reader). */
export const MAX_BROADCAST_TEXT = 1000;
export const BROADCAST_KIND = 'BROADCAST';

export interface BroadcastAudienceInput {
  sessionId?: string | null;
  seriesId?: string | null;
  programmeId?: string | null;
  festivalEditionId?: string | null;
}

export interface BroadcastDraftInput {
  audience?: BroadcastAudienceInput | null;
  text?: string | null;
  translations?: readonly BroadcastTranslation[] | null;
}

export interface BroadcastAudience {
  kind: BroadcastAudienceKind;
  id: string;
}

export interface BroadcastDraft {
  audience: BroadcastAudience;
  text: string;
  translations: BroadcastTranslation[];
}

const AUDIENCE_FIELDS: [keyof BroadcastAudienceInput, BroadcastAudienceKind][] = [
  ['sessionId', BroadcastAudienceKind.SESSION],
  ['seriesId', BroadcastAudienceKind.SERIES],
  ['programmeId', BroadcastAudienceKind.PROGRAMME],
  ['festivalEditionId', BroadcastAudienceKind.FESTIVAL_EDITION],
];

/** Exactly one audience, a Dutch text, at most one translation per other supported language. */
export function checkBroadcastDraft(input: BroadcastDraftInput): BroadcastDraft {
  const given = AUDIENCE_FIELDS.filter(([field]) => !!input.audience?.[field]);
  if (given.length === 0) throw AppError.badInput('Choose who gets the message: a session, a series, a programme or a festival edition', 'audience');
  if (given.length > 1) throw AppError.badInput('Choose one audience only', 'audience');
  const [[field, kind]] = given;
  const audience = { kind, id: validate.uuid(`audience.${field}`, input.audience![field]!) };
  const text = validate.text('text', input.text ?? '', { max: MAX_BROADCAST_TEXT });
  const seen = new Set<string>(['nl']);
  const translations = (input.translations ?? []).flatMap((translation, index) => {
    const language = translation.language;
    if (!(SUPPORTED_MESSAGE_LANGUAGES as readonly string[]).includes(language) || language === 'nl') {
      throw AppError.badInput(`${language} is not a language we write messages in (nl is the original)`, `translations.${index}.language`);
    }
    if (seen.has(language)) throw AppError.badInput(`Two translations in ${language}`, `translations.${index}.language`);
    seen.add(language);
    const words = validate.optionalText(`translations.${index}.text`, translation.text, MAX_BROADCAST_TEXT);
    // An empty translation is no translation: the reader gets the Dutch text with the line saying so.
    return words ? [{ language, text: words }] : [];
  });
  return { audience, text, translations };
}

/** What a reader in this language gets: the translation, or the Dutch text with the line saying it is Dutch. */
export function wordsFor(draft: Pick<BroadcastDraft, 'text' | 'translations'>, language: string): { message: string; inDutch: boolean; field: string } {
  const index = draft.translations.findIndex((translation) => translation.language === language);
  if (index >= 0) return { message: draft.translations[index].text, inDutch: false, field: `translations.${index}.text` };
  return { message: draft.text, inDutch: language !== 'nl', field: 'text' };
}

/**
 * The broadcast's SMS in a language, as the renderer writes it, and whether it fits: within
 * MAX_SMS_SEGMENTS and, for the Dutch text, with the line saying so (the renderer would drop that
 * line, an optional part, to fit the budget: then the reader would not know why it is Dutch).
 */
export function broadcastSms(draft: Pick<BroadcastDraft, 'text' | 'translations'>, language: string, title: string, now: Date) {
  const words = wordsFor(draft, language);
  const render = (inDutch: boolean) =>
    // The renderer fills every part; the SMS itself names no one, so any first name does.
    renderMessage(BROADCAST_KIND, language, {
      firstName: 'X',
      sessionTitle: title,
      startsAt: now,
      endsAt: now,
      venueName: '',
      venueAddress: '',
      message: words.message,
      inDutch,
    }).sms;
  const sms = render(words.inDutch);
  const length = smsLength(sms);
  const lineDropped = words.inDutch && sms === render(false);
  const fits = length.segments <= MAX_SMS_SEGMENTS && !lineDropped;
  return { sms, fits, segments: fits ? length.segments : Math.max(length.segments, MAX_SMS_SEGMENTS + 1), field: words.field };
}

/** Refuses a broadcast whose SMS would be longer than MAX_SMS_SEGMENTS for a reader in one of these languages. */
export function requireFitsSms(draft: BroadcastDraft, smsLanguages: Iterable<string>, title: string, now: Date): void {
  for (const language of smsLanguages) {
    const { fits, segments, field } = broadcastSms(draft, language, title, now);
    if (!fits) {
      throw new AppError(
        ErrorCode.SMS_TOO_LONG,
        `The SMS in ${language} would take ${segments} parts (at most ${MAX_SMS_SEGMENTS}): write a shorter text or a translation`,
        { field, language, segments },
      );
    }
  }
}
