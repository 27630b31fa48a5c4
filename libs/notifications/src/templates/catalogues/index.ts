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

/** The web app's words per language; the API reuses a few of them for what it writes itself. */
const UI: Readonly<Record<MessageLanguage, UiStrings>> = { nl: nlUi, fr: frUi, en: enUi, ar: arUi, ru: ruUi, prs: prsUi, ps: psUi, so: soUi, ro: roUi, ur: urUi, uk: ukUi, tr: trUi };

function fromUi<T>(pick: (ui: UiStrings) => T): Readonly<Record<MessageLanguage, T>> {
  return Object.fromEntries(SUPPORTED_MESSAGE_LANGUAGES.map((language) => [language, pick(UI[language])])) as Record<MessageLanguage, T>;
}

/** The kinds of shift work by VolunteerSkill, for the API's calendar feed (the web app's own words). */
export const SHIFT_ROLE_LABELS = fromUi((ui) => ui.volunteer.roles);

/** The name a calendar app shows for a volunteer's feed: the product and the web app's "My shifts". */
export const SHIFT_FEED_NAMES = fromUi((ui) => `Oefenkansen: ${ui.volunteer.myHeading}`);

export { ar, en, fr, nl, prs, ps, ro, ru, so, tr, uk, ur };
