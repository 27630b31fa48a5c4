// locales/ is the translators' folder at the repository root, not a lib: these paths leave libs/ on purpose.
/* eslint-disable no-restricted-imports */
import arMessages from '../../../../locales/ar/messages.json';
import arWeb from '../../../../locales/ar/web.json';
import enMessages from '../../../../locales/en/messages.json';
import enWeb from '../../../../locales/en/web.json';
import frMessages from '../../../../locales/fr/messages.json';
import frWeb from '../../../../locales/fr/web.json';
import nlMessages from '../../../../locales/nl/messages.json';
import nlWeb from '../../../../locales/nl/web.json';
import prsMessages from '../../../../locales/prs/messages.json';
import prsWeb from '../../../../locales/prs/web.json';
import psMessages from '../../../../locales/ps/messages.json';
import psWeb from '../../../../locales/ps/web.json';
import roMessages from '../../../../locales/ro/messages.json';
import roWeb from '../../../../locales/ro/web.json';
import ruMessages from '../../../../locales/ru/messages.json';
import ruWeb from '../../../../locales/ru/web.json';
import soMessages from '../../../../locales/so/messages.json';
import soWeb from '../../../../locales/so/web.json';
import trMessages from '../../../../locales/tr/messages.json';
import trWeb from '../../../../locales/tr/web.json';
import ukMessages from '../../../../locales/uk/messages.json';
import ukWeb from '../../../../locales/uk/web.json';
import urMessages from '../../../../locales/ur/messages.json';
import urWeb from '../../../../locales/ur/web.json';
import type { Catalogue, DigestLabels } from './catalogue';
import { MESSAGE_KINDS } from './message-kinds';
import type { UiStrings } from './ui-strings';

/** Languages with a full message catalogue (BCP 47), in the order of SUPPORTED_LANGUAGES. */
export const SUPPORTED_MESSAGE_LANGUAGES = ['nl', 'fr', 'en', 'ar', 'ru', 'prs', 'ps', 'so', 'ro', 'ur', 'uk', 'tr'] as const;
export type MessageLanguage = (typeof SUPPORTED_MESSAGE_LANGUAGES)[number];

/** One language's translators' file for the worker: locales/<lang>/messages.json (ICU MessageFormat). */
type MessagesFile = typeof nlMessages;

const MESSAGES: Readonly<Record<MessageLanguage, MessagesFile>> = {
  nl: nlMessages,
  fr: frMessages,
  en: enMessages,
  ar: arMessages,
  ru: ruMessages,
  prs: prsMessages,
  ps: psMessages,
  so: soMessages,
  ro: roMessages,
  ur: urMessages,
  uk: ukMessages,
  tr: trMessages,
};

function catalogueOf(file: MessagesFile): Catalogue {
  return Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, file[kind]])) as Catalogue;
}

export const CATALOGUES: Readonly<Record<MessageLanguage, Catalogue>> = Object.fromEntries(
  SUPPORTED_MESSAGE_LANGUAGES.map((language) => [language, catalogueOf(MESSAGES[language])]),
) as Record<MessageLanguage, Catalogue>;

export const DIGEST_LABELS: Readonly<Record<MessageLanguage, DigestLabels>> = Object.fromEntries(
  SUPPORTED_MESSAGE_LANGUAGES.map((language) => [language, MESSAGES[language].digestLabels]),
) as Record<MessageLanguage, DigestLabels>;

/** The line under every non-transactional mail: "Don't want these e-mails any more? Unsubscribe". */
export const MAIL_FOOTERS: Readonly<Record<MessageLanguage, MessagesFile['mailFooter']>> = Object.fromEntries(
  SUPPORTED_MESSAGE_LANGUAGES.map((language) => [language, MESSAGES[language].mailFooter]),
) as Record<MessageLanguage, MessagesFile['mailFooter']>;

/** The web app's words per language (locales/<lang>/web.json); the API reuses a few of them for what it writes itself. */
export const UI: Readonly<Record<MessageLanguage, UiStrings>> = {
  nl: nlWeb,
  fr: frWeb,
  en: enWeb,
  ar: arWeb,
  ru: ruWeb,
  prs: prsWeb,
  ps: psWeb,
  so: soWeb,
  ro: roWeb,
  ur: urWeb,
  uk: ukWeb,
  tr: trWeb,
};

function fromUi<T>(pick: (ui: UiStrings) => T): Readonly<Record<MessageLanguage, T>> {
  return Object.fromEntries(SUPPORTED_MESSAGE_LANGUAGES.map((language) => [language, pick(UI[language])])) as Record<MessageLanguage, T>;
}

/** The kinds of shift work by VolunteerSkill, for the API's calendar feed (the web app's own words). */
export const SHIFT_ROLE_LABELS = fromUi((ui) => ui.volunteer.roles);

/** The name a calendar app shows for a volunteer's feed: the product and the web app's "My shifts". */
export const SHIFT_FEED_NAMES = fromUi((ui) => `Oefenkansen: ${ui.volunteer.myHeading}`);
