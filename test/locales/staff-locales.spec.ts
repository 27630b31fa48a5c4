import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntlMessageFormat as MessageFormat } from 'intl-messageformat' with { 'resolution-mode': 'import' };

// intl-messageformat is an ES module; Jest (transformed) loads it with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { IntlMessageFormat } = require('intl-messageformat') as { IntlMessageFormat: typeof MessageFormat };

/**
 * The back office's words (locales/<lang>/staff/<area>.json) in its three languages: the same
 * files, the same keys in the same order, the same placeholders and plurals, ICU that parses.
 * A key missing in French would show the raw key to a coordinator; a placeholder renamed would
 * show "{count}".
 */
const LOCALES = join(__dirname, '../../locales');
const STAFF_LANGUAGES = ['nl', 'en', 'fr'] as const;
type Element = ReturnType<MessageFormat['getAst']>[number];
const TYPE = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6 } as const;

function areaFiles(language: string): string[] {
  return readdirSync(join(LOCALES, language, 'staff')).sort();
}

function entries(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) => entries(child, [...path, key]));
}

function read(language: string, file: string): [string, string][] {
  return entries(JSON.parse(readFileSync(join(LOCALES, language, 'staff', file), 'utf8')));
}

/** The placeholder names and, per plural or select, its options. */
function shapeOf(message: string, locale: string): { names: string[]; plurals: string[][]; selects: string[][] } {
  const names = new Set<string>();
  const plurals: string[][] = [];
  const selects: string[][] = [];
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type >= TYPE.argument && element.type <= TYPE.plural) names.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        const options = (element as unknown as { options: Record<string, { value: Element[] }> }).options;
        (element.type === TYPE.plural ? plurals : selects).push(Object.keys(options));
        for (const option of Object.values(options)) walk(option.value);
      }
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
  return { names: [...names].sort(), plurals, selects };
}

describe('locales/<lang>/staff: the back office in nl, en and fr', () => {
  const dutchFiles = areaFiles('nl');

  it('has the same area files in every staff language, common.json among them', () => {
    expect(dutchFiles).toContain('common.json');
    for (const language of STAFF_LANGUAGES) expect([language, areaFiles(language)]).toEqual([language, dutchFiles]);
  });

  describe.each(dutchFiles)('%s', (file) => {
    const dutch = read('nl', file);

    it.each(STAFF_LANGUAGES)('%s: the Dutch keys in the same order, none empty', (language) => {
      const translated = read(language, file);
      expect(translated.map(([key]) => key)).toEqual(dutch.map(([key]) => key));
      expect(translated.filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    });

    it.each(STAFF_LANGUAGES)('%s: ICU that parses, the placeholders and plurals of the Dutch text, CLDR plural categories', (language) => {
      const reference = new Map(dutch.map(([key, text]) => [key, shapeOf(text, 'nl')]));
      const categories = new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
      for (const [key, text] of read(language, file)) {
        const shape = shapeOf(text, language);
        const expected = reference.get(key)!;
        expect([key, shape.names, shape.plurals.length]).toEqual([key, expected.names, expected.plurals.length]);
        for (const options of shape.plurals) {
          expect([key, options.includes('other'), options.filter((option) => !option.startsWith('=') && !categories.has(option as Intl.LDMLPluralRule))]).toEqual([key, true, []]);
        }
        for (const options of shape.selects) expect([key, options.includes('other')]).toEqual([key, true]);
      }
    });
  });
});
