import type { Catalogue, DigestLabels } from '../catalogue';
import type { UiStrings } from '../ui-strings';
import { ar, arLabels, ui as arUi } from './ar';
import { en, enLabels, ui as enUi } from './en';
import { fr, frLabels, ui as frUi } from './fr';
import { nl, nlLabels, ui as nlUi } from './nl';
import { prs, prsLabels, ui as prsUi } from './prs';
import { ps, psLabels, ui as psUi } from './ps';
import { ro, roLabels, ui as roUi } from './ro';
import { ru, ruLabels, ui as ruUi } from './ru';
import { so, soLabels, ui as soUi } from './so';
import { tr, trLabels, ui as trUi } from './tr';
import { uk, ukLabels, ui as ukUi } from './uk';
import { ur, urLabels, ui as urUi } from './ur';

/** Languages with a full message catalogue (BCP 47), in the order of SUPPORTED_LANGUAGES. */
export const SUPPORTED_MESSAGE_LANGUAGES = ['nl', 'fr', 'en', 'ar', 'ru', 'prs', 'ps', 'so', 'ro', 'ur', 'uk', 'tr'] as const;
export type MessageLanguage = (typeof SUPPORTED_MESSAGE_LANGUAGES)[number];

export const CATALOGUES: Readonly<Record<MessageLanguage, Catalogue>> = { nl, fr, en, ar, ru, prs, ps, so, ro, ur, uk, tr };

export const DIGEST_LABELS: Readonly<Record<MessageLanguage, DigestLabels>> = {
  nl: nlLabels,
  fr: frLabels,
  en: enLabels,
  ar: arLabels,
  ru: ruLabels,
  prs: prsLabels,
  ps: psLabels,
  so: soLabels,
  ro: roLabels,
  ur: urLabels,
  uk: ukLabels,
  tr: trLabels,
};

/** The kinds of shift work by VolunteerSkill, for the API's calendar feed (the web app's own words). */
export const SHIFT_ROLE_LABELS: Readonly<Record<MessageLanguage, UiStrings['volunteer']['roles']>> = {
  nl: nlUi.volunteer.roles,
  fr: frUi.volunteer.roles,
  en: enUi.volunteer.roles,
  ar: arUi.volunteer.roles,
  ru: ruUi.volunteer.roles,
  prs: prsUi.volunteer.roles,
  ps: psUi.volunteer.roles,
  so: soUi.volunteer.roles,
  ro: roUi.volunteer.roles,
  ur: urUi.volunteer.roles,
  uk: ukUi.volunteer.roles,
  tr: trUi.volunteer.roles,
};

/** The name a calendar app shows for a volunteer's feed: the product and the web app's "My shifts". */
export const SHIFT_FEED_NAMES: Readonly<Record<MessageLanguage, string>> = Object.fromEntries(
  Object.entries({ nl: nlUi, fr: frUi, en: enUi, ar: arUi, ru: ruUi, prs: prsUi, ps: psUi, so: soUi, ro: roUi, ur: urUi, uk: ukUi, tr: trUi }).map(([language, ui]) => [language, `Oefenkansen: ${ui.volunteer.myHeading}`]),
) as Record<MessageLanguage, string>;

export { ar, en, fr, nl, prs, ps, ro, ru, so, tr, uk, ur };
