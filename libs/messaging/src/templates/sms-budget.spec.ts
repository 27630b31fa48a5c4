import { DateTime } from 'luxon';
import { CATALOGUES, SUPPORTED_MESSAGE_LANGUAGES } from './catalogues';
import { type CatalogueKind, MESSAGE_KINDS, type MessageVariables } from './message-kinds';
import { MESSAGE_TIME_ZONE, renderMessage } from './render';
import { MAX_GSM7_SEGMENTS_WITH_LINK, MAX_SMS_SEGMENTS, maxSegments, SMS_ENCODING, smsForLanguage, smsLength } from './sms';

const utc = (iso: string) => new Date(iso);

/** The ICU message without its optional parts ({name, select, none {} other {…}}), each replaced by `by`. */
function withoutOptionalParts(message: string, by: string): string {
  let out = '';
  let index = 0;
  for (const match of message.matchAll(/\{[A-Za-z]+, select, /g)) {
    if (match.index < index) continue;
    out += message.slice(index, match.index);
    let depth = 0;
    let end = match.index;
    do {
      if (message[end] === '{') depth += 1;
      if (message[end] === '}') depth -= 1;
      end += 1;
    } while (depth > 0 && end < message.length);
    out += by;
    index = end;
  }
  return out + message.slice(index);
}

/**
 * The longest values of the demo data (scripts/demo-seed.ts): shift titles name their session,
 * the festival site and the FMDO room are the longest venues. Plus a realistic 72-character
 * title and a 90-character one, as coordinators type them.
 */
const TITLES = [
  'Onthaal aan de schoolpoort: Schoolbabbel De Vlieger',
  'Praattafel Huis van het Kind (Kind en Gezin)',
  'Opbouw standen: KortRIJK aan Culturen 2027',
  'Tolken: Praattafel Overleie voor ouders van de kinderopvang Kind en Gezin',
  'Dialoogtafel met nieuwkomers en buurtbewoners over wonen, werken en naar school gaan in Kortrijk',
];
const VENUES = ['Ontmoetingsruimte FMDO', 'Bibliotheek, leeszaal', 'Grote Markt'];

/** Wednesday 30 September 2026, 19:00-20:30 in Brussels: long weekday and month names in most languages. */
const base: MessageVariables = {
  firstName: 'Mohammed',
  sessionTitle: TITLES[0],
  startsAt: utc('2026-09-30T17:00:00Z'),
  endsAt: utc('2026-09-30T18:30:00Z'),
  venueName: VENUES[0],
  venueAddress: 'Heulsekasteelstraat 8, 8500 Kortrijk',
  waitlistPosition: 13,
  previousStartsAt: utc('2026-09-23T17:00:00Z'),
  offerExpiresAt: utc('2026-09-30T14:00:00Z'),
  reason: 'De begeleider is ziek.',
  confirmedCount: 12,
  capacity: 16,
  waitlistCount: 14,
  lines: [],
  plotCode: 'B12',
  previousPlotCode: 'A3',
  siteMapUrl: 'https://www.kortrijk.be/kortrijk-aan-culturen/plan-2027.pdf',
  deadline: utc('2026-09-18T21:59:00Z'),
  freePlots: 7,
  code: '042917',
  message: 'Neem een pen mee.',
  colleagueName: 'Karim El Idrissi',
  link: 'https://oefenkansen.kortrijk.be/invitation/q3Vb0Yw2mJ8xT5nR1cK7hL4pZ9sA6dE0fG2iU8oW3yQ',
  slots: [],
};

/**
 * A personal link as a realistic production PUBLIC_BASE_URL makes it (issue 21): every message
 * about a registration carries one, and in GSM-7 it must still fit in one segment.
 */
const PERSONAL_LINK = 'https://oefenkansen.kortrijk.be/r/Xq3Vb0Yw2mJ8xT5nR1cK7h';
/** The messages about a registration (libs/registrations' participant kinds): each carries the person's own link. */
const ABOUT_A_REGISTRATION: readonly CatalogueKind[] = [
  'REGISTRATION_CONFIRMED',
  'WAITLISTED',
  'PROMOTED',
  'SESSION_REMINDER',
  'SESSION_MOVED',
  'REGISTRATION_CANCELLED',
  'SESSION_CANCELLED',
  'SEAT_OFFERED',
  'SEAT_OFFER_EXPIRED',
];
const varsOf = (kind: CatalogueKind, vars: MessageVariables): MessageVariables =>
  ABOUT_A_REGISTRATION.includes(kind) ? { ...vars, link: PERSONAL_LINK } : vars;

/** The renderer's date, computed independently (and checked against an SMS with a short title first). */
function longDate(date: Date, language: string): string {
  const candidates = ({ en: ['en-GB'], prs: ['prs', 'fa-AF', 'fa'], ps: ['ps', 'fa-AF', 'fa'] } as Record<string, string[]>)[language] ?? [language];
  const locale = candidates.find((candidate) => Intl.DateTimeFormat.supportedLocalesOf([candidate]).length > 0) ?? candidates[candidates.length - 1];
  return DateTime.fromJSDate(date, { zone: MESSAGE_TIME_ZONE })
    .setLocale(locale)
    .reconfigure({ outputCalendar: 'gregory', numberingSystem: 'latn' })
    .toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
}

/** What an SMS must never lose: every value its template always shows, except the title and the venue. */
function essentials(kind: CatalogueKind, language: string, vars: MessageVariables): string[] {
  const template = withoutOptionalParts(CATALOGUES[language as keyof typeof CATALOGUES][kind].sms, '');
  const value: Record<string, string | undefined> = {
    firstName: vars.firstName,
    date: longDate(vars.startsAt, language),
    time: '19:00',
    endTime: '20:30',
    until: '16:00',
    address: vars.venueAddress,
    confirmed: String(vars.confirmedCount),
    capacity: String(vars.capacity),
    waitlist: String(vars.waitlistCount),
    count: '0',
    plot: vars.plotCode ?? undefined,
    deadline: longDate(vars.deadline as Date, language),
    free: String(vars.freePlots),
    colleague: vars.colleagueName ?? undefined,
    code: vars.code ?? undefined,
    link: vars.link ?? undefined,
    message: vars.message ?? undefined,
  };
  return [...template.matchAll(/\{([A-Za-z]+)\}/g)]
    .map((match) => match[1])
    .filter((name) => name !== 'title' && name !== 'venue')
    .map((name) => {
      if (value[name] === undefined) throw new Error(`test has no value for {${name}}`);
      return smsForLanguage(value[name] as string, language);
    });
}

/** The title as the SMS shows it: whole, or a start of it followed by an ellipsis. */
function shownTitle(sms: string, title: string, language: string): string | null {
  const encoded = smsForLanguage(title, language);
  if (sms.includes(encoded)) return encoded;
  for (let keep = encoded.length - 1; keep >= 1; keep -= 1) {
    const start = encoded.slice(0, keep).replace(/[\s,;:–—-]+$/u, '');
    if (sms.includes(`${start}…`) || sms.includes(`${start}...`)) return start;
  }
  return null;
}

describe('SMS segment budget', () => {
  const cases = SUPPORTED_MESSAGE_LANGUAGES.flatMap((language) => MESSAGE_KINDS.map((kind) => [language, kind] as const));

  it.each(cases)(
    '%s %s fits its budget (GSM-7 with a link: one segment; otherwise MAX_SMS_SEGMENTS) with the longest titles and venues, keeping names, dates, times, codes and links',
    (language, kind) => {
      const withLink = CATALOGUES[language][kind].sms.includes('{link}');
      const short = renderMessage(kind, language, varsOf(kind, { ...base, sessionTitle: 'Babbel+', venueName: 'Refter' })).sms;
      // The test's own date and values are right: the SMS with a short title shows them all.
      for (const piece of essentials(kind, language, varsOf(kind, base))) expect({ piece, in: short.includes(piece) }).toEqual({ piece, in: true });

      for (const title of TITLES) {
        for (const venueName of VENUES) {
          const vars = varsOf(kind, { ...base, sessionTitle: title, venueName });
          const sms = renderMessage(kind, language, vars).sms;
          const length = smsLength(sms);
          if (length.segments > maxSegments(length.encoding, withLink))
            throw new Error(`${language} ${kind}: ${length.segments} ${length.encoding} segments (${length.units} units):\n${sms}`);
          for (const piece of essentials(kind, language, vars)) expect({ title, piece, in: sms.includes(piece) }).toEqual({ title, piece, in: true });
          if (CATALOGUES[language][kind].sms.includes('{title}'))
            expect({ title, shown: shownTitle(sms, title, language) !== null }).toEqual({ title, shown: true });
        }
      }
    },
  );

  it.each(SUPPORTED_MESSAGE_LANGUAGES)('%s: every message about a registration carries the personal link, in its SMS and its mail', (language) => {
    for (const kind of ABOUT_A_REGISTRATION) {
      const rendered = renderMessage(kind, language, varsOf(kind, base));
      expect({ kind, sms: rendered.sms.includes(PERSONAL_LINK) }).toEqual({ kind, sms: true });
      expect({ kind, text: rendered.text.split(/\s/).includes(PERSONAL_LINK) }).toEqual({ kind, text: true });
      expect({ kind, html: rendered.html.includes(`href="${PERSONAL_LINK}"`) }).toEqual({ kind, html: true });
    }
  });

  it('counts a GSM-7 SMS with a link over one segment as too long, and a UCS-2 one over two', () => {
    expect(MAX_GSM7_SEGMENTS_WITH_LINK).toBe(1);
    expect(maxSegments('GSM-7', true)).toBe(1);
    expect(maxSegments('UCS-2', true)).toBe(MAX_SMS_SEGMENTS);
    expect(maxSegments('GSM-7', false)).toBe(MAX_SMS_SEGMENTS);
    // The same rule the renderer keeps: a Dutch SMS one character over 160 no longer fits.
    const at = (units: number) => `${'a'.repeat(units - PERSONAL_LINK.length - 1)} ${PERSONAL_LINK}`;
    expect(smsLength(at(160)).segments).toBe(1);
    expect(smsLength(at(161)).segments).toBeGreaterThan(maxSegments('GSM-7', true));
  });

  it('shortens the title only when the shortest SMS does not fit, and only as much as needed', () => {
    const fits = renderMessage('REGISTRATION_CONFIRMED', 'ru', varsOf('REGISTRATION_CONFIRMED', { ...base, sessionTitle: 'Praattafel' })).sms;
    expect(fits).toContain('Praattafel');
    expect(fits).not.toContain('…');

    const title = TITLES[4];
    const sms = renderMessage('REGISTRATION_CONFIRMED', 'ru', varsOf('REGISTRATION_CONFIRMED', { ...base, sessionTitle: title })).sms;
    const start = shownTitle(sms, title, 'ru') as string;
    expect(start.length).toBeGreaterThan(0);
    expect(start.length).toBeLessThan(title.length);
    expect(smsLength(sms).segments).toBe(MAX_SMS_SEGMENTS);
    // One more character of the title would not fit.
    let keep = start.length + 1;
    while (title.slice(0, keep).replace(/[\s,;:–—-]+$/u, '') === start) keep += 1;
    const next = title.slice(0, keep).replace(/[\s,;:–—-]+$/u, '');
    const longer = sms.replace(`${start}…`, `${next}…`);
    expect(smsLength(longer).segments).toBeGreaterThan(MAX_SMS_SEGMENTS);
  });

  it('keeps the SMS of an unknown language (Dutch + English) within the budget too', () => {
    for (const kind of MESSAGE_KINDS) {
      for (const title of TITLES) {
        const sms = renderMessage(kind, 'xx', varsOf(kind, { ...base, sessionTitle: title })).sms;
        const length = smsLength(sms);
        if (length.segments > MAX_SMS_SEGMENTS) throw new Error(`xx ${kind}: ${length.segments} ${length.encoding} segments (${length.units} units):\n${sms}`);
        if (CATALOGUES.nl[kind].sms.includes('{time}')) expect(sms).toContain('19:00');
        if (CATALOGUES.nl[kind].sms.includes('{code}')) expect(sms).toContain('042917');
      }
    }
  });
});

describe('SMS encoding per language (SMS_ENCODING)', () => {
  const variants = TITLES.flatMap((sessionTitle) => [
    { ...base, sessionTitle },
    // Tuesday 8 December: "8 Aralık Salı", "marți, 8 decembrie".
    { ...base, sessionTitle, startsAt: utc('2026-12-08T18:00:00Z'), endsAt: utc('2026-12-08T19:30:00Z'), deadline: utc('2026-11-28T22:59:00Z') },
  ]);

  it.each(MESSAGE_KINDS)('Turkish %s keeps ç ı ş ğ İ, short or long, and is UCS-2', (kind) => {
    const template = CATALOGUES.tr[kind].sms;
    // The words of the template outside placeholders and optional parts: all must be sent as written.
    const words = withoutOptionalParts(template, ' ')
      .split(/\{[A-Za-z]+\}/)
      .flatMap((literal) => literal.split(/[\s.,:;!?()/]+/))
      .filter((word) => /[çışğİÇŞĞ]/u.test(word));
    for (const vars of [{ ...base, sessionTitle: 'Babbel+', venueName: 'Refter' }, ...variants]) {
      const sms = renderMessage(kind, 'tr', vars).sms;
      for (const word of words) expect({ kind, word, kept: sms.includes(word) }).toEqual({ kind, word, kept: true });
      expect({ kind, folded: /Aralik|Hatirlatma|Carsamba|Sali\b|icin|kaydiniz/.test(sms) }).toEqual({ kind, folded: false });
      // A broadcast is the coordinator's words: a GSM-7 text with no Turkish line is GSM-7.
      if (kind !== 'BROADCAST') expect({ kind, encoding: smsLength(sms).encoding }).toEqual({ kind, encoding: 'UCS-2' });
    }
  });

  it.each(['nl', 'fr', 'en', 'so', 'ro'])('%s SMS are always GSM-7, short or long', (language) => {
    for (const kind of MESSAGE_KINDS) {
      for (const vars of [{ ...base, sessionTitle: 'Babbel+', venueName: 'Refter' }, ...variants]) {
        const sms = renderMessage(kind, language, vars).sms;
        expect({ kind, encoding: smsLength(sms).encoding }).toEqual({ kind, encoding: 'GSM-7' });
      }
    }
  });

  it('names each language with a catalogue, and sends a language it does not know as written', () => {
    expect(Object.keys(SMS_ENCODING).sort()).toEqual([...SUPPORTED_MESSAGE_LANGUAGES].sort());
    expect(smsForLanguage('Ayşe, ș ê', 'xx')).toBe('Ayşe, ș ê');
    expect(smsForLanguage('Ayşe, ș ê', 'tr')).toBe('Ayşe, ș ê');
    expect(smsForLanguage('Ayşe, ș ê', 'ro')).toBe('Ayse, s e');
  });
});
