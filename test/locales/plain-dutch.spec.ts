import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntlMessageFormat as MessageFormat } from 'intl-messageformat' with { 'resolution-mode': 'import' };

// intl-messageformat is an ES module; Jest (transformed) loads it with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { IntlMessageFormat } = require('intl-messageformat') as { IntlMessageFormat: typeof MessageFormat };

/**
 * The Dutch texts are the ones every other language is translated from, and many readers are
 * still learning Dutch (A2): short sentences, everyday words, and one way of addressing people
 * ("je", as a school or a neighbour would), never the official "u".
 */
const MAX_WORDS_PER_SENTENCE = 20;
/** Officialese that has an everyday word (gelieve → graag, indien → als, reeds → al, middels → met …). */
const OFFICIALESE = ['gelieve', 'middels', 'teneinde', 'derhalve', 'alsmede', 'omtrent', 'inzake', 'betreffende', 'desgewenst', 'reeds', 'indien', 'onverwijld', 'conform', 'hieromtrent', 'bijgevoegd', 'dienen', 'aldus', 'ingevolge', 'voornoemd', 'thans', 'alvorens', 'jegens'];
const FORMAL_ADDRESS = ['u', 'uw', 'uzelf'];

type Texts = [key: string, text: string][];
type Element = ReturnType<MessageFormat['getAst']>[number];
/** ICU element types (the parser's TYPE enum, which intl-messageformat does not re-export). */
const TYPE = { literal: 0, select: 5, plural: 6, pound: 7, tag: 8 } as const;

/** A catalogue of locales/nl: messages, web, or the back office's staff/<area> files as one. */
function texts(file: string): Texts {
  if (file === 'staff') {
    const folder = join(__dirname, '../../locales/nl/staff');
    return readdirSync(folder)
      .sort()
      .flatMap((area) => texts(`staff/${area.replace(/\.json$/, '')}`).map(([key, text]): [string, string] => [`${area}:${key}`, text]));
  }
  const tree: unknown = JSON.parse(readFileSync(join(__dirname, '../../locales/nl', `${file}.json`), 'utf8'));
  const out: Texts = [];
  const walk = (node: unknown, path: string[]): void => {
    if (typeof node === 'string') out.push([path.join('.'), node]);
    else for (const [key, child] of Object.entries(node as Record<string, unknown>)) walk(child, [...path, key]);
  };
  walk(tree, []);
  return out;
}

/** Values that make every part of a message show: a select takes its `other` branch, a plural 2. */
function sampleValues(elements: Element[], values: Record<string, string | number> = {}): Record<string, string | number> {
  for (const element of elements) {
    if (element.type === TYPE.select) {
      values[element.value] = 'other';
      for (const option of Object.values(element.options)) sampleValues(option.value, values);
    } else if (element.type === TYPE.plural) {
      values[element.value] = 2;
      for (const option of Object.values(element.options)) sampleValues(option.value, values);
    } else if (element.type === TYPE.tag) sampleValues(element.children, values);
    else if (element.type !== TYPE.literal && element.type !== TYPE.pound) values[element.value] ??= 'Naam';
  }
  return values;
}

/** The message as a reader sees it with short values put in, cut into sentences and lines. */
function sentences(text: string): string[] {
  const format = new IntlMessageFormat(text, 'nl', undefined, { ignoreTag: true });
  const shown = String(format.format(sampleValues(format.getAst())));
  return shown.split(/[.!?:;]\s+|\n+/).filter((sentence) => sentence.trim() !== '');
}

const words = (sentence: string): string[] => sentence.toLowerCase().match(/\p{L}+/gu) ?? [];

describe.each(['messages', 'web', 'staff'] as const)('plain Dutch in locales/nl/%s.json', (file) => {
  const all = texts(file);

  it('has texts to check', () => {
    expect(all.length).toBeGreaterThan(file === 'staff' ? 30 : 50);
  });

  it(`keeps every sentence at ${MAX_WORDS_PER_SENTENCE} words or fewer`, () => {
    const long = all.flatMap(([key, text]) => sentences(text).filter((sentence) => words(sentence).length > MAX_WORDS_PER_SENTENCE).map((sentence) => `${key}: ${sentence}`));
    expect(long).toEqual([]);
  });

  it('uses everyday words, not officialese', () => {
    const found = all.flatMap(([key, text]) => words(sentences(text).join(' ')).filter((word) => OFFICIALESE.includes(word)).map((word) => `${key}: ${word}`));
    expect(found).toEqual([]);
  });

  it('says "je", never the formal "u"', () => {
    const found = all.flatMap(([key, text]) => words(sentences(text).join(' ')).filter((word) => FORMAL_ADDRESS.includes(word)).map((word) => `${key}: ${word}`));
    expect(found).toEqual([]);
  });
});

describe('the plain-Dutch checks themselves', () => {
  it('see a long sentence inside an optional part, and officialese and "u" in a plural', () => {
    const long = `{reason, select, none {} other {${'woord '.repeat(MAX_WORDS_PER_SENTENCE)}en nog een.}}`;
    expect(sentences(long).some((sentence) => words(sentence).length > MAX_WORDS_PER_SENTENCE)).toBe(true);
    const words2 = words(sentences('{count, plural, one {Gelieve # plaats} other {Indien u # plaatsen wilt}}').join(' '));
    expect(words2).toEqual(expect.arrayContaining(['indien', 'u']));
  });
});
