import { SUPPORTED_MESSAGE_LANGUAGES } from './catalogues';
import * as translations from './catalogues';
import { LANGUAGE_INFO } from './languages';
import { textDirection } from './render';
import type { PluralForms, UiStrings } from './ui-strings';

/** The web strings of every translation file (export `ui`), checked against the Dutch ones. */
const uiOf = async (language: string): Promise<UiStrings> => ((await import(`./catalogues/${language}`)) as { ui: UiStrings }).ui;

type Leaf = string | PluralForms;
function leaves(strings: object, prefix = ''): [string, Leaf][] {
  return Object.entries(strings).flatMap(([key, value]): [string, Leaf][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || 'other' in value) return [[path, value as Leaf]];
    return leaves(value as object, path);
  });
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('web strings in the translation files', () => {
  it('exist for every message language, with the direction the messages use', () => {
    expect(Object.keys(LANGUAGE_INFO).sort()).toEqual([...SUPPORTED_MESSAGE_LANGUAGES].sort());
    for (const language of SUPPORTED_MESSAGE_LANGUAGES) expect([language, LANGUAGE_INFO[language].dir]).toEqual([language, textDirection(language)]);
    expect(Object.keys(translations)).not.toContain('ui'); // the index stays messages-only
  });

  it.each(SUPPORTED_MESSAGE_LANGUAGES.filter((language) => language !== 'nl'))('%s: every string filled in, with the placeholders of the Dutch one', async (language) => {
    const dutch = new Map(leaves(await uiOf('nl')));
    const translated = leaves(await uiOf(language));
    expect(translated.map(([path]) => path)).toEqual([...dutch.keys()]);
    for (const [path, value] of translated) {
      const reference = dutch.get(path)!;
      if (typeof value === 'string') {
        expect([path, value.trim().length > 0]).toEqual([path, true]);
        expect([path, placeholders(value)]).toEqual([path, placeholders(reference as string)]);
      } else {
        for (const [form, text] of Object.entries(value)) expect([path, form, placeholders(text).every((name) => name === 'count')]).toEqual([path, form, true]);
      }
    }
  });

  it.each(SUPPORTED_MESSAGE_LANGUAGES)('%s: plural strings have a form for each plural category of the language', async (language) => {
    const locales = [...LANGUAGE_INFO[language].locales];
    // "zero" only matters where a count can be 0 (results); 0 free seats or 0 waiting are never shown.
    const categories = new Intl.PluralRules(locales).resolvedOptions().pluralCategories.filter((category) => category !== 'zero');
    for (const [path, value] of leaves(await uiOf(language))) {
      if (typeof value === 'string') continue;
      for (const category of categories) expect([path, category, category in value]).toEqual([path, category, true]);
    }
  });
});
