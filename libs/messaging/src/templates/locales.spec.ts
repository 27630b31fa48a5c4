import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_MESSAGE_LANGUAGES } from './catalogues';
import { LANGUAGE_INFO } from './languages';
import { entries, LOCALE_FILES, localeFolders, LOCALES_DIR, PSEUDO_LOCALE, pseudoTree, readLocaleFile, serialise, shapeOf } from './locale-files';
import { type CatalogueKind, MESSAGE_KINDS, type MessageVariables } from './message-kinds';
import { renderMessage, textDirection } from './render';

/** The translators' files, checked as they are: what a broken file would break in the worker or the web app. */
const OTHERS = SUPPORTED_MESSAGE_LANGUAGES.filter((language) => language !== 'nl');
const DUTCH = Object.fromEntries(LOCALE_FILES.map((file) => [file, entries(readLocaleFile('nl', file))]));

/** The locales CLDR plural rules are read with: the web app's (ICU may not know Dari or Pashto). */
const pluralCategories = (language: (typeof SUPPORTED_MESSAGE_LANGUAGES)[number]) =>
  new Intl.PluralRules([...LANGUAGE_INFO[language].locales]).resolvedOptions().pluralCategories;

describe('locales/', () => {
  it('has a folder with messages.json and web.json for each of the 12 languages, plus the pseudo-locale', () => {
    expect(localeFolders()).toEqual([...SUPPORTED_MESSAGE_LANGUAGES, PSEUDO_LOCALE].sort());
    expect(Object.keys(LANGUAGE_INFO).sort()).toEqual([...SUPPORTED_MESSAGE_LANGUAGES].sort());
    for (const language of SUPPORTED_MESSAGE_LANGUAGES) expect([language, LANGUAGE_INFO[language].dir]).toEqual([language, textDirection(language)]);
  });

  it('keeps the messages for the worker and the words for the web app apart', () => {
    expect(Object.keys(readLocaleFile('nl', 'messages.json'))).toEqual([...MESSAGE_KINDS, 'digestLabels', 'mailFooter']);
    const web = DUTCH['web.json'];
    expect(web.filter(([key]) => MESSAGE_KINDS.includes(key.split('.')[0] as CatalogueKind))).toEqual([]);
    expect(web.filter(([, message]) => message.includes('{firstName}'))).toEqual([]);
  });

  describe.each(LOCALE_FILES)('%s', (file) => {
    it.each(SUPPORTED_MESSAGE_LANGUAGES)('%s: every message is ICU MessageFormat that parses, none empty, no bidi marks', (language) => {
      for (const [key, message] of entries(readLocaleFile(language, file))) {
        expect([key, message.trim().length > 0]).toEqual([key, true]);
        expect(() => shapeOf(message)).not.toThrow();
        // Names are isolated by the rendering code; marks typed into a file would double or break it.
        expect([key, /[\u2066-\u2069\u202a-\u202e\u200e\u200f]/u.test(message)]).toEqual([key, false]);
      }
    });

    it.each(OTHERS)('%s: the keys of the Dutch file in the same order, each with the same placeholders', (language) => {
      const translated = entries(readLocaleFile(language, file));
      expect(translated.map(([key]) => key)).toEqual(DUTCH[file].map(([key]) => key));
      const dutch = new Map(DUTCH[file]);
      for (const [key, message] of translated) {
        const reference = shapeOf(dutch.get(key)!);
        const shape = shapeOf(message);
        expect([key, shape.plurals.length]).toEqual([key, reference.plurals.length]);
        if (file === 'web.json' || key.startsWith('digestLabels.')) {
          expect([key, shape.arguments]).toEqual([key, reference.arguments]);
        } else {
          // A message may say a value in another part (the SMS of one language leaves out the date to
          // stay short, another names the title): only values the Dutch message of this kind uses.
          const kind = key.split('.')[0];
          const allowed = new Set(DUTCH[file].filter(([other]) => other.startsWith(`${kind}.`)).flatMap(([, text]) => shapeOf(text).arguments));
          expect([key, shape.arguments.filter((name) => !allowed.has(name))]).toEqual([key, []]);
        }
      }
    });

    it.each(SUPPORTED_MESSAGE_LANGUAGES)('%s: plurals use exactly the CLDR categories of the language; selects have `other`', (language) => {
      const categories = [...pluralCategories(language)].sort();
      expect(categories).toContain('other');
      for (const [key, message] of entries(readLocaleFile(language, file))) {
        const shape = shapeOf(message);
        for (const options of shape.plurals) expect([key, options.filter((option) => !option.startsWith('=')).sort()]).toEqual([key, categories]);
        for (const options of shape.selects) expect([key, options.includes('other')]).toEqual([key, true]);
      }
    });
  });

  it('Arabic has six plural forms, Russian and Ukrainian four (one few many other)', () => {
    expect([...pluralCategories('ar')].sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    for (const language of ['ru', 'uk'] as const) expect([...pluralCategories(language)].sort()).toEqual(['few', 'many', 'one', 'other']);
    const results = new Map(entries(readLocaleFile('ar', 'web.json'))).get('schedule.results')!;
    expect(shapeOf(results).plurals).toEqual([['zero', 'one', 'two', 'few', 'many', 'other']]);
  });

  it('pseudo: is current with nl (run `npm run locales:pseudo` after changing a Dutch text)', () => {
    for (const file of LOCALE_FILES) {
      expect([file, readFileSync(join(LOCALES_DIR, PSEUDO_LOCALE, file), 'utf8') === serialise(pseudoTree(readLocaleFile('nl', file)))]).toEqual([file, true]);
    }
  });

  it('pseudo: keeps the placeholders and plurals of nl, accented and about 40 % longer', () => {
    const pseudo = new Map(entries(readLocaleFile(PSEUDO_LOCALE, 'web.json')));
    for (const [key, message] of DUTCH['web.json']) {
      const translated = pseudo.get(key)!;
      expect([key, shapeOf(translated)]).toEqual([key, shapeOf(message)]);
      const visible = (text: string) => text.replace(/\{\w+\}/g, '').length;
      if (!message.includes(', plural,')) expect([key, visible(translated) >= visible(message) * 1.3]).toEqual([key, true]);
    }
    const length = (texts: Iterable<string>) => [...texts].reduce((sum, text) => sum + text.length, 0);
    expect(length(pseudo.values()) / length(DUTCH['web.json'].map(([, message]) => message))).toBeGreaterThan(1.35);
    expect(pseudo.get('schedule.title')).toMatch(/^\[[^a-z]*~+\]$/u);
  });
});

describe('bidi isolation of names', () => {
  const vars: MessageVariables = {
    firstName: 'Fatima',
    sessionTitle: 'Schoolbabbel De Vlinder',
    startsAt: new Date('2026-09-08T17:00:00Z'),
    endsAt: new Date('2026-09-08T18:30:00Z'),
    offerExpiresAt: new Date('2026-09-08T14:00:00Z'),
    venueName: 'De Vlinder',
    venueAddress: 'Kortrijkstraat 1, 8500 Kortrijk',
    confirmedCount: 3,
    capacity: 8,
    waitlistCount: 2,
    code: '042917',
    colleagueName: 'Samira',
    link: 'https://oefenkansen.kortrijk.be/invitation/q3Vb0Yw2mJ8xT5nR1cK7hL4pZ9sA6dE0fG2iU8oW3yQ',
    plotCode: 'B12',
    deadline: new Date('2026-08-28T10:00:00Z'),
    freePlots: 4,
    message: 'Neem een pen mee.',
  };
  const rtl = SUPPORTED_MESSAGE_LANGUAGES.filter((language) => textDirection(language) === 'rtl');

  it.each(rtl)('%s: the name and the title are isolated in the text (FSI…PDI) and in <bdi> in the HTML', (language) => {
    for (const kind of MESSAGE_KINDS) {
      const message = renderMessage(kind, language, vars);
      if (message.text.includes('Fatima')) expect({ kind, isolated: message.text.includes('\u2068Fatima\u2069') }).toEqual({ kind, isolated: true });
      if (message.html.includes('Fatima')) expect({ kind, bdi: message.html.includes('<bdi>Fatima</bdi>') }).toEqual({ kind, bdi: true });
      if (message.text.includes('Schoolbabbel'))
        expect({ kind, isolated: message.text.includes('\u2068Schoolbabbel De Vlinder\u2069') }).toEqual({ kind, isolated: true });
    }
  });

  it('left-to-right languages get no isolation marks in the text', () => {
    expect(renderMessage('REGISTRATION_CONFIRMED', 'nl', vars).text).not.toMatch(/[\u2068\u2069]/u);
  });
});
