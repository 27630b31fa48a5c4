import type { Catalogue, DigestLabels } from '../catalogue';
import { ar, arLabels } from './ar';
import { en, enLabels } from './en';
import { fr, frLabels } from './fr';
import { nl, nlLabels } from './nl';
import { prs, prsLabels } from './prs';
import { ps, psLabels } from './ps';
import { ro, roLabels } from './ro';
import { ru, ruLabels } from './ru';
import { so, soLabels } from './so';
import { tr, trLabels } from './tr';
import { uk, ukLabels } from './uk';
import { ur, urLabels } from './ur';

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

export { ar, en, fr, nl, prs, ps, ro, ru, so, tr, uk, ur };
