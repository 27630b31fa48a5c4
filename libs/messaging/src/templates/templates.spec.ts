import type { Catalogue } from './catalogue';
import { CATALOGUES, DIGEST_LABELS, SUPPORTED_MESSAGE_LANGUAGES } from './catalogues';
import { type CatalogueKind, MESSAGE_KINDS, type MessageVariables } from './message-kinds';
import { type CatalogueSet, renderMessage, resolveMessageLanguage, textDirection } from './render';
import { foldToGsm7, smsForLanguage, smsLength } from './sms';

const utc = (iso: string) => new Date(iso);

/** Realistic values: a schoolbabbel on Tuesday 8 September 2026, 19:00-20:30 Brussels (summer time). */
const vars: MessageVariables = {
  firstName: 'Fatima',
  sessionTitle: 'Schoolbabbel De Vlinder',
  startsAt: utc('2026-09-08T17:00:00Z'),
  endsAt: utc('2026-09-08T18:30:00Z'),
  venueName: 'Basisschool De Vlinder',
  venueAddress: 'Lange Steenstraat 12, 8500 Kortrijk',
  waitlistPosition: 3,
  previousStartsAt: utc('2026-09-01T17:00:00Z'),
  offerExpiresAt: utc('2026-09-01T14:00:00Z'),
  reason: 'De begeleider is ziek.',
  confirmedCount: 12,
  capacity: 12,
  waitlistCount: 14,
  lines: [
    {
      firstName: 'Amina',
      lastName: 'Haidari',
      sessionTitle: 'Schoolbabbel De Vlinder',
      startsAt: utc('2026-09-08T17:00:00Z'),
      language: 'prs',
      phone: '+32 470 12 34 56',
      how: 'SMS in het Dari',
    },
    {
      firstName: 'Oksana',
      lastName: null,
      sessionTitle: 'Schoolbabbel De Vlinder',
      startsAt: utc('2026-09-08T17:00:00Z'),
      language: 'uk',
      phone: '+32 485 98 76 54',
      how: 'Bellen',
    },
    {
      firstName: 'Mohamed',
      lastName: 'El Amrani',
      sessionTitle: 'Praattafel Overleie',
      startsAt: utc('2026-09-08T07:30:00Z'),
      language: 'ar',
      phone: null,
      how: 'Via de juf aan de schoolpoort',
    },
  ],
  plotCode: 'B12',
  previousPlotCode: 'A3',
  siteMapUrl: 'https://www.kortrijk.be/culturen/plan.pdf',
  deadline: utc('2026-08-28T21:59:00Z'),
  freePlots: 7,
  code: '042917',
  message: 'Neem een pen mee.',
  colleagueName: 'Karim El Idrissi',
  // A personal link of a registration (issue 21); account links are longer, but mail-only.
  link: 'https://oefenkansen.kortrijk.be/r/Xq3Vb0Yw2mJ8xT5nR1cK7h',
  slots: [
    { plotCode: 'B12', startsAt: utc('2026-09-08T17:00:00Z'), endsAt: utc('2026-09-08T18:30:00Z') },
    { plotCode: 'C4', startsAt: utc('2026-09-09T09:00:00Z'), endsAt: utc('2026-09-09T13:00:00Z') },
  ],
};

const RTL = ['ar', 'ur', 'prs', 'ps'];
const KNOWN_PLACEHOLDERS = new Set([
  'firstName',
  'title',
  'date',
  'time',
  'endTime',
  'venue',
  'address',
  'position',
  'previousDate',
  'previousTime',
  'until',
  'reason',
  'confirmed',
  'capacity',
  'waitlist',
  'count',
  'lines',
  'plot',
  'previousPlot',
  'map',
  'deadline',
  'free',
  'slots',
  'code',
  'colleague',
  'contactPhone',
  'link',
  'message',
]);

/** What every translation must keep in the e-mail text, so no language silently drops the essentials. */
const REQUIRED_IN_TEXT: Record<CatalogueKind, string[]> = {
  ['REGISTRATION_CONFIRMED']: ['firstName', 'title', 'date', 'time', 'endTime', 'venue', 'address'],
  ['WAITLISTED']: ['firstName', 'title', 'date', 'position'],
  ['PROMOTED']: ['firstName', 'title', 'date', 'time', 'endTime', 'venue', 'address'],
  ['REGISTRATION_CANCELLED']: ['firstName', 'title', 'date', 'time', 'reason'],
  ['SESSION_REMINDER']: ['firstName', 'title', 'date', 'time', 'endTime', 'venue', 'address'],
  ['SESSION_CANCELLED']: ['firstName', 'title', 'date', 'time', 'reason'],
  ['SESSION_MOVED']: ['firstName', 'title', 'date', 'time', 'endTime', 'venue', 'address', 'previousDate', 'previousTime'],
  ['SEAT_OFFERED']: ['firstName', 'title', 'date', 'time', 'endTime', 'venue', 'address', 'until', 'link'],
  ['SEAT_OFFER_EXPIRED']: ['firstName', 'title', 'date', 'time', 'link'],
  ['SESSION_FULL']: ['firstName', 'title', 'date', 'time', 'confirmed', 'capacity', 'waitlist'],
  ['WAITLIST_LONG']: ['firstName', 'title', 'date', 'waitlist'],
  ['UNDER_BOOKED']: ['firstName', 'title', 'date', 'time', 'confirmed', 'capacity'],
  ['HOST_DIGEST']: ['firstName', 'date', 'lines'],
  ['SCHOOL_DIGEST']: ['firstName', 'title', 'date', 'time', 'venue', 'lines'],
  ['STAND_APPLICATION_RECEIVED']: ['firstName', 'title', 'slots'],
  ['STAND_CONFIRMED']: ['firstName', 'title', 'slots', 'venue', 'address', 'map'],
  ['STAND_REFUSED']: ['firstName', 'title', 'plot', 'date', 'time', 'endTime', 'reason'],
  ['STAND_MOVED']: ['firstName', 'title', 'plot', 'date', 'time', 'endTime', 'venue', 'address', 'previousPlot', 'previousDate', 'previousTime', 'map'],
  ['STAND_CANCELLED']: ['firstName', 'title', 'plot', 'date', 'time', 'endTime', 'reason'],
  ['STAND_REMINDER']: ['firstName', 'title', 'date', 'slots', 'venue', 'address', 'map'],
  ['FESTIVAL_DEADLINE_NEAR']: ['firstName', 'title', 'deadline', 'free', 'date'],
  ['SHIFT_REMINDER']: ['firstName', 'title', 'date', 'time', 'endTime', 'venue', 'address'],
  ['SHIFT_UNDERSTAFFED']: ['firstName', 'title', 'date', 'time', 'confirmed', 'capacity', 'venue', 'address'],
  ['REGISTRATION_CODE']: ['firstName', 'code', 'title', 'date', 'time'],
  ['SMS_CODE_BUDGET_REACHED']: ['firstName', 'date', 'time', 'capacity'],
  ['SHIFT_SWAP_REQUESTED']: ['firstName', 'colleague', 'title', 'date', 'time', 'endTime', 'venue', 'address'],
  ['USER_INVITATION']: ['firstName', 'link', 'date', 'time'],
  ['PASSWORD_RESET']: ['firstName', 'link', 'date', 'time'],
  ['TRAJECTORY_FOLLOW_UP_DUE']: ['firstName', 'title', 'date', 'link'],
  ['BROADCAST']: ['firstName', 'message'],
  ['SMS_STOPPED']: ['firstName'],
  ['SMS_REPLY_HELP']: ['firstName', 'title', 'date', 'time', 'link'],
};

const placeholdersIn = (template: string) => [...template.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]);

// An independent SMS counter (GSM 03.38 default alphabet + extension table; otherwise UCS-2).
const GSM_BASIC = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
const GSM_EXTENDED = new Set('\f^{}\\[~]|€');
function smsSegments(text: string): { encoding: 'GSM-7' | 'UCS-2'; segments: number; units: number } {
  const chars = [...text];
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c))) {
    const units = chars.reduce((n, c) => n + (GSM_EXTENDED.has(c) ? 2 : 1), 0);
    return { encoding: 'GSM-7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length; // UTF-16 code units
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

function expectClean(output: string, where: string): void {
  const problems = [
    /\{[^}]*\}/.test(output) && 'an unreplaced {placeholder}',
    /\[\[|\]\]/.test(output) && 'a left-over [[optional part]]',
    /\bundefined\b/.test(output) && '"undefined"',
    /\bnull\b/.test(output) && '"null"',
    /\bNaN\b/.test(output) && '"NaN"',
    /Invalid DateTime/.test(output) && '"Invalid DateTime"',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`${where} contains ${problems.join(', ')}:\n${output}`);
}

describe('catalogues', () => {
  it('lists the 12 message languages, each with a catalogue and digest labels', () => {
    expect([...SUPPORTED_MESSAGE_LANGUAGES]).toEqual(['nl', 'fr', 'en', 'ar', 'ru', 'prs', 'ps', 'so', 'ro', 'ur', 'uk', 'tr']);
    expect(Object.keys(CATALOGUES).sort()).toEqual([...SUPPORTED_MESSAGE_LANGUAGES].sort());
    expect(Object.keys(DIGEST_LABELS).sort()).toEqual([...SUPPORTED_MESSAGE_LANGUAGES].sort());
    expect(MESSAGE_KINDS).toHaveLength(32);
    expect(new Set(MESSAGE_KINDS).size).toBe(MESSAGE_KINDS.length);
  });

  describe.each([...SUPPORTED_MESSAGE_LANGUAGES])('%s', (language) => {
    const catalogue = CATALOGUES[language] as Partial<Catalogue>;

    it('has subject, text and sms for every message kind, and nothing else', () => {
      const missing = MESSAGE_KINDS.flatMap((kind) =>
        (['subject', 'text', 'sms'] as const)
          .filter((field) => typeof catalogue[kind]?.[field] !== 'string' || catalogue[kind]![field].trim() === '')
          .map((field) => `${kind}.${field}`),
      );
      expect(missing).toEqual([]);
      expect(Object.keys(catalogue).sort()).toEqual([...MESSAGE_KINDS].sort());
    });

    it('has every digest label', () => {
      const labels = DIGEST_LABELS[language] as unknown as Record<string, unknown>;
      for (const key of ['name', 'session', 'when', 'language', 'phone', 'how', 'empty', 'hostCaption', 'schoolCaption']) {
        expect([key, typeof labels[key] === 'string' && (labels[key] as string).trim().length > 0]).toEqual([key, true]);
      }
    });

    it('uses only known placeholders, keeps the essentials in the text and the date in the SMS', () => {
      for (const kind of MESSAGE_KINDS) {
        const entry = catalogue[kind]!;
        for (const field of ['subject', 'text', 'sms'] as const) {
          const unknown = placeholdersIn(entry[field]).filter((name) => !KNOWN_PLACEHOLDERS.has(name));
          expect({ kind, field, unknown }).toEqual({ kind, field, unknown: [] });
        }
        expect({ kind, lists: placeholdersIn(entry.subject + entry.sms).filter((name) => name === 'lines' || name === 'slots') }).toEqual({ kind, lists: [] });
        const inText = new Set(placeholdersIn(entry.text));
        expect({ kind, missing: REQUIRED_IN_TEXT[kind].filter((name) => !inText.has(name)) }).toEqual({ kind, missing: [] });
        // The waiting-list SMS may leave out the date to stay short in non-Latin scripts; a broadcast is the coordinator's words only;
        // a stop's confirmation is about no session.
        if (kind !== 'WAITLISTED' && kind !== 'BROADCAST' && kind !== 'SMS_STOPPED')
          expect({ kind, smsHasDate: placeholdersIn(entry.sms).includes('date') }).toEqual({ kind, smsHasDate: true });
      }
    });
  });
});

describe('renderMessage in every language', () => {
  const cases = SUPPORTED_MESSAGE_LANGUAGES.flatMap((language) => MESSAGE_KINDS.map((kind) => [language, kind] as const));

  it.each(cases)('%s %s renders completely, within 2 SMS segments', (language, kind) => {
    const message = renderMessage(kind, language, vars);
    expect(message.language).toBe(language); // no silent fallback
    for (const field of ['subject', 'text', 'html', 'sms'] as const) {
      expect(message[field].trim().length).toBeGreaterThan(0);
      expectClean(message[field], `${language} ${kind} ${field}`);
    }
    expect(message.subject).not.toMatch(/\n/);
    expect(message.sms).not.toMatch(/\n/);

    const sms = smsSegments(message.sms);
    if (sms.segments > 2) throw new Error(`${language} ${kind}: SMS is ${sms.segments} ${sms.encoding} segments (${sms.units} units):\n${message.sms}`);
    expect(smsLength(message.sms).segments).toBe(sms.segments);

    const rtl = RTL.includes(language);
    expect(message.direction).toBe(rtl ? 'rtl' : 'ltr');
    expect(message.html).toContain(`<html lang="${language}" dir="${rtl ? 'rtl' : 'ltr'}">`);
    expect(message.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(message.html).toContain('<meta charset="utf-8">');
    expect(message.html).not.toMatch(/<style|<script|class="/);

    expect(message.text).toContain('Fatima');
    if (kind === 'HOST_DIGEST' || kind === 'SCHOOL_DIGEST') {
      expect(message.html).toContain('<table');
      expect(message.html.match(/<th scope="col"/g)).toHaveLength(6);
      expect(message.html.match(/<tr>/g)).toHaveLength(4); // heading + 3 people
      expect(message.html).toContain('<a href="tel:+32470123456"');
      for (const name of ['Amina Haidari', 'Oksana', 'Mohamed El Amrani']) {
        expect(message.text).toContain(name);
        expect(message.html).toContain(name);
      }
      expect(message.text).toContain('09:30'); // 07:30Z in summer time
    } else {
      expect(message.html).not.toContain('<table');
    }
    if (placeholdersIn(CATALOGUES[language][kind].text).includes('slots')) {
      expect(message.html.match(/<li /g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      for (const code of ['B12', 'C4']) {
        expect(message.text).toContain(code);
        expect(message.html).toContain(code);
      }
    }
    // The festival's messages about one booking name its plot in the SMS too.
    const aboutOneBooking: string[] = ['STAND_CONFIRMED', 'STAND_REFUSED', 'STAND_MOVED', 'STAND_CANCELLED', 'STAND_REMINDER'];
    if (aboutOneBooking.includes(kind)) expect(message.sms).toContain('B12');
  });

  it('formats dates and times for the language', () => {
    const text = (language: string) => renderMessage('REGISTRATION_CONFIRMED', language, vars).text;
    expect(text('nl')).toContain('dinsdag 8 september, van 19:00 tot 20:30');
    expect(text('fr')).toContain('mardi 8 septembre, de 19:00 à 20:30');
    expect(text('en')).toContain('Tuesday 8 September, from 19:00 to 20:30');
    expect(text('ru')).toContain('8 сентября');
    expect(text('uk')).toContain('8 вересня');
    expect(text('tr')).toContain('8 Eylül Salı');
    expect(text('ro')).toContain('8 septembrie');
    // Gregorian calendar and Western digits for the Persian-script languages too.
    for (const language of ['ar', 'prs', 'ps', 'ur']) {
      expect(text(language)).toContain('19:00');
      expect(text(language)).toMatch(/\b8\b/);
      expect(text(language)).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
    }
  });

  it('leaves out optional parts without a value and renders empty digests', () => {
    const bare: MessageVariables = {
      ...vars,
      waitlistPosition: null,
      previousStartsAt: null,
      previousPlotCode: null,
      siteMapUrl: null,
      reason: '  ',
      lines: [],
    };
    for (const language of SUPPORTED_MESSAGE_LANGUAGES) {
      for (const kind of MESSAGE_KINDS) {
        const message = renderMessage(kind, language, kind === 'SESSION_FULL' ? { ...bare, waitlistCount: undefined } : bare);
        for (const field of ['subject', 'text', 'html', 'sms'] as const) expectClean(message[field], `${language} ${kind} ${field}`);
        expect(message.text).not.toContain('De begeleider');
        expect(message.text).not.toContain('1 september');
        expect(message.text).not.toContain('plan.pdf');
        expect(message.text).not.toContain('A3');
      }
      const digest = renderMessage('HOST_DIGEST', language, bare);
      expect(digest.text).toContain(DIGEST_LABELS[language].empty);
      expect(digest.html).not.toContain('<table');
    }
    expect(renderMessage('WAITLISTED', 'nl', bare).text).toContain('Je staat op de wachtlijst.');
    expect(renderMessage('WAITLISTED', 'nl', vars).text).toContain('Je staat op de wachtlijst (nummer 3).');
    expect(renderMessage('SESSION_CANCELLED', 'nl', vars).text).toContain('Reden: De begeleider is ziek.');
    expect(renderMessage('STAND_CONFIRMED', 'en', vars).text).toContain('Site map: https://www.kortrijk.be/culturen/plan.pdf');
    expect(renderMessage('STAND_MOVED', 'en', vars).text).toContain('Old: plot A3, Tuesday 1 September at 19:00.');
    expect(renderMessage('STAND_CONFIRMED', 'en', vars).text).toContain('• B12: Tuesday 8 September 19:00–20:30\n• C4: Wednesday 9 September 11:00–15:00');
    expect(renderMessage('FESTIVAL_DEADLINE_NEAR', 'en', vars).text).toContain('deadline for Schoolbabbel De Vlinder is Friday 28 August.');
  });

  it('throws when a template needs a value that is not given', () => {
    const { confirmedCount: _c, capacity: _k, ...withoutCounts } = vars;
    expect(() => renderMessage('SESSION_FULL', 'nl', withoutCounts)).toThrow(/\{confirmed\}/);
    expect(() => renderMessage('UNDER_BOOKED', 'ar', withoutCounts)).toThrow(/no value/);
    expect(() => renderMessage('REGISTRATION_CONFIRMED', 'nl', { ...vars, firstName: ' ' })).toThrow(/\{firstName\}/);
    expect(() => renderMessage('REGISTRATION_CONFIRMED', 'nl', { ...vars, startsAt: new Date('nope') })).toThrow(/startsAt/);
    const broken: CatalogueSet = {
      ...CATALOGUES,
      nl: { ...CATALOGUES.nl, ['SESSION_REMINDER']: { ...CATALOGUES.nl.SESSION_REMINDER, sms: 'Tot {tomorrow}!' } },
    };
    expect(() => renderMessage('SESSION_REMINDER', 'nl', vars, broken)).toThrow(/\{tomorrow\}/);
    const malformed: CatalogueSet = { ...CATALOGUES, nl: { ...CATALOGUES.nl, ['SESSION_REMINDER']: { ...CATALOGUES.nl.SESSION_REMINDER, sms: 'Tot {date!' } } };
    expect(() => renderMessage('SESSION_REMINDER', 'nl', vars, malformed)).toThrow(/malformed/);
  });
});

describe('direction', () => {
  it.each(RTL)('%s is right-to-left, with dir="rtl" in the HTML', (language) => {
    const message = renderMessage('SESSION_REMINDER', language, vars);
    expect(message.direction).toBe('rtl');
    expect(message.html).toContain(`<html lang="${language}" dir="rtl">`);
    expect(message.html).toContain('<body dir="rtl"');
    expect(message.html).toContain('direction:rtl;text-align:right;');
    // Only a web address (the personal link) is isolated left-to-right, as its Latin letters read.
    expect(message.html.replace(/<a [^>]*>/g, '')).not.toContain('dir="ltr"');
  });

  it('tells directions apart for any tag', () => {
    expect(['ar', 'ur', 'prs', 'ps', 'fa', 'AR-ma'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['nl', 'fr', 'en', 'ru', 'so', 'ro', 'uk', 'tr', 'xx'].map(textDirection).every((d) => d === 'ltr')).toBe(true);
  });
});

describe('fallback to Dutch + English', () => {
  it('renders an unknown language as Dutch first, then English', () => {
    const message = renderMessage('REGISTRATION_CONFIRMED', 'xx', vars);
    expect(message.language).toBe('nl');
    expect(message.direction).toBe('ltr');
    expect(message.subject).toBe('Je bent ingeschreven: Schoolbabbel De Vlinder / You are registered: Schoolbabbel De Vlinder');
    const dutch = message.text.indexOf('Je bent ingeschreven voor Schoolbabbel De Vlinder.');
    const english = message.text.indexOf('You are registered for Schoolbabbel De Vlinder.');
    expect(dutch).toBeGreaterThanOrEqual(0);
    expect(english).toBeGreaterThan(dutch);
    expect(message.text).toContain('dinsdag 8 september');
    expect(message.text).toContain('Tuesday 8 September');
    expect(message.html).toContain('<html lang="nl" dir="ltr">');
    expect(message.html.indexOf('<section lang="nl">')).toBeLessThan(message.html.indexOf('<section lang="en" dir="ltr">'));
    expect(message.sms.indexOf('je bent ingeschreven')).toBeLessThan(message.sms.indexOf('you are registered'));
    expect(message.sms.indexOf('je bent ingeschreven')).toBeGreaterThanOrEqual(0);
  });

  it.each(MESSAGE_KINDS)('renders %s for an unknown language cleanly, within 2 SMS segments', (kind) => {
    for (const language of ['xx', '', 'ti', 'es']) {
      const message = renderMessage(kind, language, vars);
      expect(message.language).toBe('nl');
      for (const field of ['subject', 'text', 'html', 'sms'] as const) expectClean(message[field], `${language} ${kind} ${field}`);
      expect(message.text).toContain(renderMessage(kind, 'nl', vars).text);
      expect(message.text).toContain(renderMessage(kind, 'en', vars).text);
      const sms = smsSegments(message.sms);
      if (sms.segments > 2) throw new Error(`${language} ${kind}: fallback SMS is ${sms.segments} segments:\n${message.sms}`);
    }
  });

  it('falls back for a message missing from a catalogue, and for an empty entry', () => {
    const { SESSION_FULL: _dropped, ...arabicWithoutFull } = CATALOGUES.ar;
    const catalogues: CatalogueSet = {
      ...CATALOGUES,
      ar: arabicWithoutFull,
      ru: { ...CATALOGUES.ru, ['SESSION_REMINDER']: { subject: 'Напоминание', text: '', sms: '' } },
    };
    const full = renderMessage('SESSION_FULL', 'ar', vars, catalogues);
    expect(full.language).toBe('nl');
    expect(full.direction).toBe('ltr');
    expect(full.subject).toBe('Vol: Schoolbabbel De Vlinder op dinsdag 8 september / Full: Schoolbabbel De Vlinder on Tuesday 8 September');
    expect(renderMessage('SESSION_REMINDER', 'ru', vars, catalogues).language).toBe('nl');
    // The rest of Arabic still works.
    expect(renderMessage('SESSION_REMINDER', 'ar', vars, catalogues).language).toBe('ar');
  });

  it('maps regional and related tags onto a catalogue', () => {
    expect(resolveMessageLanguage('nl-BE')).toBe('nl');
    expect(resolveMessageLanguage(' FR ')).toBe('fr');
    expect(resolveMessageLanguage('uk_UA')).toBe('uk');
    expect(resolveMessageLanguage('fa')).toBe('prs');
    expect(resolveMessageLanguage('fa-AF')).toBe('prs');
    expect(resolveMessageLanguage('xx')).toBeNull();
    expect(renderMessage('PROMOTED', 'ar-SY', vars).language).toBe('ar');
  });
});

describe('HTML', () => {
  it('escapes variables, e.g. a <script> in the first name, in every language', () => {
    const hostile: MessageVariables = {
      ...vars,
      firstName: '<script>alert("x")</script>',
      venueName: 'Buurthuis "De Zon" & Co',
      lines: [{ ...vars.lines![0], firstName: '<img src=x onerror=alert(1)>', how: 'SMS <b>nu</b>' }],
    };
    for (const language of [...SUPPORTED_MESSAGE_LANGUAGES, 'xx']) {
      for (const kind of MESSAGE_KINDS) {
        const { html, text } = renderMessage(kind, language, hostile);
        expect(html).not.toMatch(/<script|<img|<b>/i);
        if (/Fatima/.test(renderMessage(kind, language, vars).html)) {
          expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
          expect(text).toContain('<script>alert("x")</script>'); // plain text stays as typed
        }
      }
    }
    const school = renderMessage('SCHOOL_DIGEST', 'nl', hostile).html;
    expect(school).toContain('Buurthuis &quot;De Zon&quot; &amp; Co');
    expect(school).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('is a small accessible document: lang, title, heading, table with caption and header cells', () => {
    const { html } = renderMessage('HOST_DIGEST', 'nl', vars);
    expect(html).toContain('<title>Morgen: je overzicht voor dinsdag 8 september</title>');
    expect(html).toContain('<h1 style=');
    expect(html).toContain('<caption style=');
    expect(html).toContain('Deelnemers van morgen');
    expect(html).toContain('<th scope="row"');
    expect(html).toContain('Dari');
    expect(html).toContain('Oekraïens');
    const under = renderMessage('UNDER_BOOKED', 'nl', vars).html;
    expect(under.match(/<li /g)).toHaveLength(2);
  });
});

describe('Brussels time', () => {
  it('renders 19:00 on both sides of the end of summer time (25 October 2026)', () => {
    const before = { ...vars, startsAt: utc('2026-10-20T17:00:00Z'), endsAt: utc('2026-10-20T18:30:00Z') };
    const after = { ...vars, startsAt: utc('2026-10-27T18:00:00Z'), endsAt: utc('2026-10-27T19:30:00Z') };
    expect(renderMessage('SESSION_REMINDER', 'nl', before).text).toContain('dinsdag 20 oktober, van 19:00 tot 20:30');
    expect(renderMessage('SESSION_REMINDER', 'nl', after).text).toContain('dinsdag 27 oktober, van 19:00 tot 20:30');
    for (const language of SUPPORTED_MESSAGE_LANGUAGES) {
      for (const session of [before, after]) {
        const message = renderMessage('SESSION_REMINDER', language, session);
        expect(message.text).toContain('19:00');
        expect(message.text).toContain('20:30');
        expect(message.sms).toContain('19:00');
        expect(message.text).not.toMatch(/1[78]:00/);
      }
    }
  });

  it('shows the old time of a moved session in Brussels time too', () => {
    const moved = { ...vars, previousStartsAt: utc('2026-10-20T17:00:00Z'), startsAt: utc('2026-10-27T18:00:00Z'), endsAt: utc('2026-10-27T19:30:00Z') };
    expect(renderMessage('SESSION_MOVED', 'nl', moved).text).toContain(
      'Niet meer op: dinsdag 20 oktober om 19:00.\nNieuw: dinsdag 27 oktober, van 19:00 tot 20:30.',
    );
  });
});

describe('SMS length', () => {
  it('counts GSM-7 and UCS-2 segments like the independent counter', () => {
    const samples = [
      'a'.repeat(160),
      'a'.repeat(161),
      'é'.repeat(306),
      'é'.repeat(307),
      '€'.repeat(80),
      '€'.repeat(81),
      'ش'.repeat(70),
      'ش'.repeat(71),
      'ш'.repeat(134),
      'ш'.repeat(135),
    ];
    for (const sample of samples) expect(smsLength(sample).segments).toBe(smsSegments(sample).segments);
    expect(smsLength('a'.repeat(306))).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
    expect(smsLength('ш'.repeat(134))).toEqual({ encoding: 'UCS-2', units: 134, segments: 2 });
  });

  it('simplifies Latin diacritics for the languages whose SMS are written in GSM-7, long or short', () => {
    expect(foldToGsm7('Bună ziua, înscrierea la ședință: marți, ora 19:00. Sıra, İyi, çok, être, ’')).toBe(
      "Buna ziua, inscrierea la sedinta: marti, ora 19:00. Sira, Iyi, cok, etre, '",
    );
    expect(foldToGsm7('Schoolbabbel: é à ü ñ')).toBe('Schoolbabbel: é à ü ñ');
    expect(foldToGsm7('مرحبا')).toBe('مرحبا');
    expect(smsForLanguage('Bună ziua! Ne vedem marți.', 'ro')).toBe('Buna ziua! Ne vedem marti.');
    const long = `Bună ziua! ${'Întâlnirea este marți. '.repeat(8)}`;
    expect(smsSegments(long).segments).toBeGreaterThan(2);
    expect(smsSegments(smsForLanguage(long, 'ro'))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(smsForLanguage('Merhaba Ayşe, 8 Aralık Salı.', 'tr')).toBe('Merhaba Ayşe, 8 Aralık Salı.');
  });

  it('drops optional parts of a too long SMS rather than sending a third segment', () => {
    const long = { ...vars, reason: 'De begeleider is ziek en er is deze week geen vervanger beschikbaar in de school of in het buurthuis' };
    for (const language of [...SUPPORTED_MESSAGE_LANGUAGES, 'xx']) {
      const sms = renderMessage('SESSION_CANCELLED', language, long).sms;
      expect([language, smsSegments(sms).segments <= 2]).toEqual([language, true]);
    }
    // With the personal link a Dutch SMS is one segment (160): the reason fits beside a short title.
    expect(renderMessage('SESSION_CANCELLED', 'nl', { ...vars, sessionTitle: 'Praattafel' }).sms).toContain('Reden: De begeleider is ziek.');
  });
});
