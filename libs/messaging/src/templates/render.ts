import { DateTime } from 'luxon';
import type { Catalogue, CatalogueEntry, DigestLabels } from './catalogue';
import { CATALOGUES, DIGEST_LABELS } from './catalogues';
import { isWebAddress, PHONE_PLACEHOLDERS, readablePhone, standAlone, URL_END, URL_PLACEHOLDERS, URL_START } from './links';
import { fill, isBlank, paragraphs, plain, render, type Renderer, type Slot, type Token, tokens, trimLine, type Values } from './message-format';
import { type CatalogueKind, type DigestLine, MESSAGE_KINDS, type MessageVariables, type StandSlotLine } from './message-kinds';
import { fitSmsBudget, type SmsShortening } from './sms';

export const MESSAGE_TIME_ZONE = 'Europe/Brussels';

export interface RenderedMessage {
  /** The language actually used: the requested one, or 'nl' when we fell back to Dutch + English. */
  language: string;
  direction: 'ltr' | 'rtl';
  subject: string;
  text: string;
  html: string;
  sms: string;
}

/** Catalogues to render from; entries may be missing (then that message falls back to Dutch + English). */
export type CatalogueSet = Readonly<Record<string, Partial<Catalogue> | undefined>>;

const RTL_LANGUAGES = new Set(['ar', 'ur', 'prs', 'ps', 'fa']);

/**
 * Tags without a catalogue of their own that read one of ours well. Persian (Iran) readers
 * understand written Dari; Afghan Persian is Dari.
 */
export const MESSAGE_LANGUAGE_ALIASES: Readonly<Record<string, string>> = { fa: 'prs', 'fa-af': 'prs' };

/** Locales to format dates with, best first; ICU may not know 'prs' or 'ps', then Persian formatting is used. */
const DATE_LOCALES: Readonly<Record<string, readonly string[]>> = {
  en: ['en-GB', 'en'],
  prs: ['prs', 'fa-AF', 'fa'],
  ps: ['ps', 'fa-AF', 'fa'],
  fa: ['fa'],
};

const FALLBACK_LANGUAGE = 'nl';
const NL = CATALOGUES.nl;
const EN = CATALOGUES.en;
const NL_LABELS = DIGEST_LABELS.nl;
const EN_LABELS = DIGEST_LABELS.en;
const FSI = '\u2068';
const PDI = '\u2069';

function normaliseTag(language: string): string {
  return typeof language === 'string' ? language.trim().toLowerCase().replace(/_/g, '-') : '';
}

export function textDirection(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(normaliseTag(language).split('-')[0]) ? 'rtl' : 'ltr';
}

/** The catalogue language used for a requested tag ('nl-BE' → 'nl', 'fa' → 'prs'), or null when there is none. */
export function resolveMessageLanguage(language: string, catalogues: CatalogueSet = CATALOGUES): string | null {
  const tag = normaliseTag(language);
  const base = tag.split('-')[0];
  for (const candidate of [tag, MESSAGE_LANGUAGE_ALIASES[tag], base, MESSAGE_LANGUAGE_ALIASES[base]]) {
    if (candidate && Object.prototype.hasOwnProperty.call(catalogues, candidate) && catalogues[candidate]) return candidate;
  }
  return null;
}

/**
 * Renders one message in the recipient's language. When the language (or this message in it) is
 * missing, the message is simple Dutch followed by English. Throws when a template needs a value
 * that vars does not give (e.g. {confirmed} without confirmedCount).
 */
export function renderMessage(kindName: string, language: string, vars: MessageVariables, catalogues: CatalogueSet = CATALOGUES): RenderedMessage {
  if (!(MESSAGE_KINDS as readonly string[]).includes(kindName)) throw new Error(`Unknown message kind ${kindName}`);
  const kind = kindName as CatalogueKind;
  const resolved = resolveMessageLanguage(language, catalogues);
  const entry = resolved ? catalogues[resolved]?.[kind] : undefined;
  if (resolved && isComplete(entry)) {
    const labels = (DIGEST_LABELS as Record<string, DigestLabels | undefined>)[resolved] ?? NL_LABELS;
    const part = renderPart(kind, resolved, entry, labels, vars);
    const direction = textDirection(resolved);
    return {
      language: resolved,
      direction,
      subject: part.subject,
      text: part.text,
      html: htmlDocument(resolved, direction, part.subject, section(part, 'h1')),
      sms: fitSmsBudget(resolved, part.shortenable, (shortened) => part.sms(shortened), entry.sms.includes('{link}')),
    };
  }
  return renderFallback(kind, vars, catalogues);
}

function renderFallback(kind: CatalogueKind, vars: MessageVariables, catalogues: CatalogueSet): RenderedMessage {
  const nlEntry = catalogues.nl?.[kind];
  const enEntry = catalogues.en?.[kind];
  const dutch = renderPart(kind, 'nl', isComplete(nlEntry) ? nlEntry : NL[kind], NL_LABELS, vars);
  const english = renderPart(kind, 'en', isComplete(enEntry) ? enEntry : EN[kind], EN_LABELS, vars);
  const subject = `${dutch.subject} / ${english.subject}`;
  const body = [
    `<section lang="nl">${section(dutch, 'h1')}</section>`,
    `<hr style="${css.hr}">`,
    `<section lang="en" dir="ltr">${section(english, 'h2')}</section>`,
  ].join('\n');
  return {
    language: FALLBACK_LANGUAGE,
    direction: 'ltr',
    subject,
    text: `${dutch.text}\n\n---\n\n${english.text}`,
    html: htmlDocument(FALLBACK_LANGUAGE, 'ltr', subject, body),
    sms: fitSmsBudget(FALLBACK_LANGUAGE, dutch.shortenable, (shortened) => {
      const [nlSms, nlShort] = dutch.sms(shortened);
      const [enSms, enShort] = english.sms(shortened);
      return [`${nlSms}\n${enSms}`, `${nlSms}\n${enShort}`, `${nlShort}\n${enShort}`];
    }),
  };
}

function isComplete(entry: Partial<CatalogueEntry> | undefined): entry is CatalogueEntry {
  return !!entry && [entry.subject, entry.text, entry.sms].every((field) => typeof field === 'string' && field.trim().length > 0);
}

// ---------------------------------------------------------------------------------------------
// One language

interface RenderedPart {
  language: string;
  direction: 'ltr' | 'rtl';
  subject: string;
  text: string;
  /** Inner HTML of the body, without the heading. */
  bodyHtml: string;
  /** The SMS, then without its optional [[...]] parts (reason, position, ...), with these values shortened. */
  sms: (shortened: SmsShortening) => [full: string, short: string];
  /** The full values the SMS may shorten to fit its budget. */
  shortenable: SmsShortening;
}

function renderPart(kind: CatalogueKind, language: string, entry: CatalogueEntry, fileLabels: DigestLabels, vars: MessageVariables): RenderedPart {
  const locale = dateLocale(language);
  const direction = textDirection(language);
  const values = buildValues(vars, locale);
  const lines = vars.lines ?? [];
  const where = `${kind}/${language}`;
  const labels = Object.fromEntries(
    Object.entries(fileLabels).map(([name, label]) => [name, fill(label, {}, `${where} digestLabels.${name}`, plain, locale)]),
  ) as unknown as DigestLabels;
  const caption = kind === 'SCHOOL_DIGEST' ? labels.schoolCaption : labels.hostCaption;

  const isolate = direction === 'rtl' ? (value: string) => `${FSI}${value}${PDI}` : (value: string) => value;
  const slots = vars.slots ?? [];
  const textValues: Values = { ...values, lines: digestText(lines, labels, locale, isolate), slots: slotsText(slots, locale, isolate) };
  const textTokens = tokens(entry.text, textValues, `${where} text`, locale);
  const text = standAlone(
    render(textTokens, `${where} text`, {
      literal: (s) => s,
      value: (name, value) => (LIST_PLACEHOLDERS.has(name) ? value : URL_PLACEHOLDERS.has(name) ? `${URL_START}${value}${URL_END}` : isolate(value)),
    }),
  );

  const bodyHtml = paragraphs(textTokens)
    .map((paragraph) => {
      const list = aloneIn(paragraph);
      if (list === 'lines') return digestHtml(lines, labels, caption, locale, direction);
      if (list === 'slots') return slotsHtml(slots, locale, direction);
      return paragraphHtml(paragraph, `${where} text`, direction);
    })
    .join('\n');

  return {
    language,
    direction,
    subject: singleLine(fill(entry.subject, values, `${where} subject`, plain, locale)),
    text: text.trim(),
    bodyHtml,
    sms: (shortened) => {
      const smsValues = { ...values, ...shortened };
      return [
        singleLine(fill(entry.sms, smsValues, `${where} sms`, plain, locale)),
        singleLine(render(tokens(entry.sms, smsValues, `${where} sms`, locale, { withoutOptionalParts: true }), `${where} sms`, plain)),
      ];
    },
    shortenable: { title: values.title, venue: values.venue },
  };
}

function buildValues(vars: MessageVariables, locale: string): Values {
  const starts = brussels(vars.startsAt, locale, 'startsAt');
  const ends = brussels(vars.endsAt, locale, 'endsAt');
  const previous = vars.previousStartsAt ? brussels(vars.previousStartsAt, locale, 'previousStartsAt') : null;
  return {
    firstName: clean(vars.firstName),
    title: clean(vars.sessionTitle),
    date: formatDate(starts),
    time: formatTime(starts),
    endTime: formatTime(ends),
    venue: clean(vars.venueName),
    address: clean(vars.venueAddress),
    position: count(vars.waitlistPosition),
    previousDate: previous ? formatDate(previous) : undefined,
    previousTime: previous ? formatTime(previous) : undefined,
    until: vars.offerExpiresAt ? formatTime(brussels(vars.offerExpiresAt, locale, 'offerExpiresAt')) : undefined,
    // Templates end the sentence themselves.
    reason: clean(vars.reason)?.replace(/[\s.。۔]+$/u, '') || undefined,
    confirmed: count(vars.confirmedCount),
    capacity: count(vars.capacity),
    waitlist: count(vars.waitlistCount),
    count: String((vars.lines ?? []).length),
    plot: clean(vars.plotCode),
    previousPlot: clean(vars.previousPlotCode),
    map: clean(vars.siteMapUrl),
    link: clean(vars.link),
    deadline: vars.deadline ? formatDate(brussels(vars.deadline, locale, 'deadline')) : undefined,
    free: count(vars.freePlots),
    code: clean(vars.code),
    colleague: clean(vars.colleagueName),
    contactPhone: readablePhone(clean(vars.contactPhone)),
    message: clean(vars.message),
    inDutch: vars.inDutch ? 'yes' : undefined,
  };
}

/** Placeholders that stand for a whole list: alone in their paragraph of `text`, never in subject or SMS. */
const LIST_PLACEHOLDERS = new Set(['lines', 'slots']);

function clean(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const collapsed = value.replace(/\s+/g, ' ').trim();
  return collapsed.length > 0 ? collapsed : undefined;
}

function count(value: number | null | undefined): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function singleLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Dates

const localeCache = new Map<string, string>();

function dateLocale(language: string): string {
  const cached = localeCache.get(language);
  if (cached) return cached;
  const candidates = DATE_LOCALES[language] ?? [language];
  const supported = candidates.find((candidate) => {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([candidate]).length > 0;
    } catch {
      return false;
    }
  });
  const locale = supported ?? candidates[candidates.length - 1];
  localeCache.set(language, locale);
  return locale;
}

function brussels(date: Date, locale: string, field: string): DateTime {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error(`${field} must be a valid Date`);
  // Gregorian calendar and Western digits everywhere: the same dates as on letters and school calendars here.
  return DateTime.fromJSDate(date, { zone: MESSAGE_TIME_ZONE }).setLocale(locale).reconfigure({ outputCalendar: 'gregory', numberingSystem: 'latn' });
}

/** "dinsdag 8 september", "mardi 8 septembre", "Tuesday 8 September", "الثلاثاء، 8 سبتمبر". */
function formatDate(moment: DateTime): string {
  return moment.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
}

/** Always 24 h, "19:00". */
function formatTime(moment: DateTime): string {
  return moment.toFormat('HH:mm');
}

function languageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code);
    return name && name.length > 0 ? name : code;
  } catch {
    return code;
  }
}

// ---------------------------------------------------------------------------------------------
// Lists in the text

/** 'lines' or 'slots' when the paragraph is only that list placeholder. */
function aloneIn(paragraph: Token[][]): string | null {
  const values = paragraph.flat().filter((piece): piece is Slot => typeof piece !== 'string');
  if (paragraph.length !== 1 || values.length !== 1 || !isBlank(paragraph[0].filter((piece) => typeof piece === 'string'))) return null;
  return LIST_PLACEHOLDERS.has(values[0].name) ? values[0].name : null;
}

// ---------------------------------------------------------------------------------------------
// Digest list

function personName(line: DigestLine): string {
  return [clean(line.firstName), clean(line.lastName)].filter(Boolean).join(' ') || '-';
}

function digestText(lines: DigestLine[], labels: DigestLabels, locale: string, isolate: (value: string) => string): string {
  if (lines.length === 0) return labels.empty;
  return lines
    .map((line) => {
      const starts = brussels(line.startsAt, locale, 'lines[].startsAt');
      const phone = clean(line.phone);
      const how = clean(line.how);
      return [
        `• ${isolate(personName(line))} (${isolate(languageName(line.language, locale))})`,
        `  ${isolate(clean(line.sessionTitle) ?? '-')}: ${isolate(`${formatDate(starts)} ${formatTime(starts)}`)}`,
        phone ? `  ${labels.phone}: ${isolate(phone)}` : null,
        how ? `  ${labels.how}: ${isolate(how)}` : null,
      ]
        .filter((row): row is string => row !== null)
        .join('\n');
    })
    .join('\n\n');
}

function digestHtml(lines: DigestLine[], labels: DigestLabels, caption: string, locale: string, direction: 'ltr' | 'rtl'): string {
  const style = css.for(direction);
  if (lines.length === 0) return `<p style="${style.p}">${escapeHtml(labels.empty)}</p>`;
  const headings = [labels.name, labels.session, labels.when, labels.language, labels.phone, labels.how]
    .map((heading) => `<th scope="col" style="${style.th}">${escapeHtml(heading)}</th>`)
    .join('');
  const rows = lines.map((line) => {
    const starts = brussels(line.startsAt, locale, 'lines[].startsAt');
    const phone = clean(line.phone);
    const phoneCell = phone ? `<a href="tel:${escapeHtml(phone.replace(/[^+0-9]/g, ''))}" style="${style.a}"><bdi>${escapeHtml(phone)}</bdi></a>` : '-';
    const cells = [
      `<th scope="row" style="${style.td}"><bdi>${escapeHtml(personName(line))}</bdi></th>`,
      cell(clean(line.sessionTitle) ?? '-'),
      cell(`${formatDate(starts)} ${formatTime(starts)}`),
      cell(languageName(line.language, locale)),
      `<td style="${style.td}">${phoneCell}</td>`,
      cell(clean(line.how) ?? '-'),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  function cell(value: string): string {
    return `<td style="${style.td}"><bdi>${escapeHtml(value)}</bdi></td>`;
  }
  return [
    `<table role="table" style="${style.table}">`,
    `<caption style="${style.caption}">${escapeHtml(caption)}</caption>`,
    `<thead><tr>${headings}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    `</table>`,
  ].join('');
}

// ---------------------------------------------------------------------------------------------
// Stand slots

function slotWhen(slot: StandSlotLine, locale: string): string {
  const starts = brussels(slot.startsAt, locale, 'slots[].startsAt');
  const ends = brussels(slot.endsAt, locale, 'slots[].endsAt');
  return `${formatDate(starts)} ${formatTime(starts)}–${formatTime(ends)}`;
}

function slotsText(slots: StandSlotLine[], locale: string, isolate: (value: string) => string): string {
  if (slots.length === 0) return '-';
  return slots.map((slot) => `• ${isolate(clean(slot.plotCode) ?? '-')}: ${isolate(slotWhen(slot, locale))}`).join('\n');
}

function slotsHtml(slots: StandSlotLine[], locale: string, direction: 'ltr' | 'rtl'): string {
  const style = css.for(direction);
  if (slots.length === 0) return `<p style="${style.p}">-</p>`;
  const items = slots.map(
    (slot) =>
      `<li style="${style.li}"><strong><bdi>${escapeHtml(clean(slot.plotCode) ?? '-')}</bdi></strong>: <bdi>${escapeHtml(slotWhen(slot, locale))}</bdi></li>`,
  );
  return `<ul style="${style.ul}">${items.join('')}</ul>`;
}

// ---------------------------------------------------------------------------------------------
// HTML

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

const html: Renderer = {
  literal: escapeHtml,
  value: (name, value) =>
    URL_PLACEHOLDERS.has(name) && isWebAddress(value)
      ? `<a href="${escapeHtml(value)}" dir="ltr" style="${css.for('ltr').a}">${escapeHtml(value)}</a>`
      : PHONE_PLACEHOLDERS.has(name)
        ? `<a href="tel:${escapeHtml(value.replace(/[^+0-9]/g, ''))}" style="${css.for('ltr').a}"><bdi>${escapeHtml(value)}</bdi></a>`
        : `<bdi>${escapeHtml(value)}</bdi>`,
};

/** A paragraph of the text: plain lines become a <p> (with <br>), runs of "- " lines a <ul>. */
function paragraphHtml(paragraph: Token[][], where: string, direction: 'ltr' | 'rtl'): string {
  const style = css.for(direction);
  const blocks: string[] = [];
  let texts: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (texts.length > 0) blocks.push(`<p style="${style.p}">${texts.join('<br>')}</p>`);
    if (items.length > 0) blocks.push(`<ul style="${style.ul}">${items.map((item) => `<li style="${style.li}">${item}</li>`).join('')}</ul>`);
    texts = [];
    items = [];
  };
  for (const raw of paragraph) {
    const line = trimLine(raw);
    if (line.length === 0) continue;
    const first = line[0];
    if (typeof first === 'string' && first.startsWith('- ')) {
      if (texts.length > 0) flush();
      const rest = first.slice(2);
      items.push(render(rest.length > 0 ? [rest, ...line.slice(1)] : line.slice(1), where, html));
    } else {
      if (items.length > 0) flush();
      texts.push(render(line, where, html));
    }
  }
  flush();
  return blocks.join('\n');
}

function section(part: RenderedPart, heading: 'h1' | 'h2'): string {
  const style = css.for(part.direction);
  return `<${heading} style="${heading === 'h1' ? style.h1 : style.h2}">${escapeHtml(part.subject)}</${heading}>\n${part.bodyHtml}`;
}

function htmlDocument(language: string, direction: 'ltr' | 'rtl', title: string, body: string): string {
  const style = css.for(direction);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}" dir="${direction}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    `<body dir="${direction}" style="${css.body}">`,
    `<main style="${style.main}">`,
    body,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}

/** Inline styles only (mail clients drop <style>): large text, strong contrast, no colour-only meaning. */
const css = {
  body: 'margin:0;padding:0;background-color:#f3f4f6;',
  hr: 'border:0;border-top:2px solid #9ca3af;margin:32px 0;',
  for(direction: 'ltr' | 'rtl') {
    const align = direction === 'rtl' ? 'right' : 'left';
    const start = direction === 'rtl' ? 'right' : 'left';
    const cellStyle = `text-align:${align};vertical-align:top;padding:8px;border:1px solid #9ca3af;`;
    return {
      main: `display:block;max-width:600px;margin:0 auto;padding:24px 20px;background-color:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.6;direction:${direction};text-align:${align};`,
      h1: 'font-size:24px;line-height:1.3;margin:0 0 20px;color:#1a1a1a;',
      h2: 'font-size:22px;line-height:1.3;margin:0 0 20px;color:#1a1a1a;',
      p: 'margin:0 0 16px;',
      ul: `margin:0 0 16px;padding-${start}:24px;`,
      li: 'margin:0 0 8px;',
      a: 'color:#0b57d0;text-decoration:underline;',
      table: 'border-collapse:collapse;width:100%;margin:0 0 16px;font-size:16px;line-height:1.4;',
      caption: `text-align:${align};font-weight:bold;padding:0 0 8px;`,
      th: `${cellStyle}font-weight:bold;background-color:#e5e7eb;`,
      td: cellStyle,
    };
  },
};
