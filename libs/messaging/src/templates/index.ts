export { type Catalogue, type CatalogueEntry, type DigestLabels } from './catalogue';
export { CATALOGUES, DIGEST_LABELS, type MessageLanguage, SHIFT_FEED_NAMES, SHIFT_ROLE_LABELS, SUPPORTED_MESSAGE_LANGUAGES } from './catalogues';
export { type CatalogueKind, type DigestLine, MESSAGE_KINDS, type MessageVariables, type StandSlotLine } from './message-kinds';
export {
  type CatalogueSet,
  escapeHtml,
  MESSAGE_LANGUAGE_ALIASES,
  MESSAGE_TIME_ZONE,
  type RenderedMessage,
  renderMessage,
  resolveMessageLanguage,
  textDirection,
} from './render';
export {
  fitSmsBudget,
  fitsSmsBudget,
  foldToGsm7,
  isGsm7,
  MAX_GSM7_SEGMENTS_WITH_LINK,
  MAX_SMS_SEGMENTS,
  maxSegments,
  SMS_ENCODING,
  smsForLanguage,
  smsLength,
  type SmsLength,
} from './sms';
export { PARTICIPANT_LANGUAGES } from './languages';
