// The translators' files (locales/<lang>/messages.json and web.json) read as ICU MessageFormat,
// for the checks over them (locales.spec.ts) and the pseudo-locale (npm run locales:pseudo).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat, type MessageFormat } from './message-format';

/** locales/ at the repository root (also from dist/, where the build copies it). */
export const LOCALES_DIR = join(__dirname, '../../../../locales');
export const LOCALE_FILES = ['messages.json', 'web.json'] as const;
export type LocaleFile = (typeof LOCALE_FILES)[number];
/** Not a language: nl with accents and 40 % longer, to see layout problems in the web app. */
export const PSEUDO_LOCALE = 'pseudo';

export interface LocaleTree {
  [key: string]: string | LocaleTree;
}

export function localeFolders(): string[] {
  return readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readLocaleFile(language: string, file: LocaleFile): LocaleTree {
  return JSON.parse(readFileSync(join(LOCALES_DIR, language, file), 'utf8')) as LocaleTree;
}

/** Every string with its dotted key, in file order. */
export function entries(tree: LocaleTree, prefix = ''): [key: string, message: string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value]] : entries(value, path);
  });
}

type Element = ReturnType<MessageFormat['getAst']>[number];

/** The syntax tree of one message; throws on malformed ICU. */
export function parseMessage(message: string, locale = 'en'): Element[] {
  return new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst();
}

/** ICU element types (@formatjs/icu-messageformat-parser TYPE). */
const LITERAL = 0;
const ARGUMENT = 1;
const SELECT = 5;
const PLURAL = 6;
const POUND = 7;

export interface MessageShape {
  /** Every argument name ({name}, and the names selects and plurals are on), sorted, unique. */
  arguments: string[];
  /** The option keys of each plural, in order. */
  plurals: string[][];
  /** The option keys of each select, in order. */
  selects: string[][];
}

export function shapeOf(message: string): MessageShape {
  const names = new Set<string>();
  const plurals: string[][] = [];
  const selects: string[][] = [];
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      if (element.type === ARGUMENT) names.add(element.value);
      else if (element.type === SELECT || element.type === PLURAL) {
        names.add(element.value);
        (element.type === SELECT ? selects : plurals).push(Object.keys(element.options));
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type !== LITERAL && element.type !== POUND) throw new Error(`unsupported ICU element (type ${element.type}) in: ${message}`);
    }
  };
  walk(parseMessage(message));
  return { arguments: [...names].sort(), plurals, selects };
}

// ---------------------------------------------------------------------------------------------
// Pseudo-locale

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
    letter,
    [...'áƀçđéƒĝĥíĵķļɱñóþǫŕšŧúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŦÚṼŴẊÝŽ'][index],
  ]),
);

/** Literal text for ICU: an apostrophe before a syntax character is doubled (DOUBLE_OPTIONAL). */
function icuLiteral(text: string, inPlural: boolean): string {
  const escaped = text.replace(/'/g, "''").replace(/[{}]/g, (brace) => `'${brace}'`);
  return inPlural ? escaped.replace(/#/g, "'#'") : escaped;
}

function pseudoText(text: string): string {
  return [...text].map((char) => ACCENTED[char] ?? char).join('');
}

function printPseudo(elements: Element[], inPlural: boolean): string {
  return elements
    .map((element) => {
      if (element.type === LITERAL) return icuLiteral(pseudoText(element.value), inPlural);
      if (element.type === ARGUMENT) return `{${element.value}}`;
      if (element.type === POUND) return '#';
      if (element.type === SELECT || element.type === PLURAL) {
        const options = Object.entries(element.options).map(([key, option]) => `${key} {${printPseudo(option.value, element.type === PLURAL)}}`);
        return `{${element.value}, ${element.type === SELECT ? 'select' : 'plural'}, ${options.join(' ')}}`;
      }
      throw new Error(`unsupported ICU element (type ${element.type})`);
    })
    .join('');
}

/** Characters a reader sees, values aside (of a plural or select: its longest option), for the ~40 % padding. */
function letterCount(elements: Element[]): number {
  return elements.reduce((sum, element) => {
    if (element.type === LITERAL) return sum + [...element.value].length;
    if (element.type === SELECT || element.type === PLURAL)
      return sum + Math.max(0, ...Object.values(element.options).map((option) => letterCount(option.value)));
    return sum;
  }, 0);
}

/** "[Ĥáļļó {firstName} ~~~~]": accented, bracketed (a cut shows), ~40 % longer; ICU syntax unchanged. */
export function pseudoMessage(message: string): string {
  if (message.trim().length === 0) return message;
  const elements = parseMessage(message);
  // "[", " " and "]" count towards the 40 %.
  const padding = Math.max(1, Math.ceil(letterCount(elements) * 0.4) - 3);
  return `[${printPseudo(elements, false)} ${'~'.repeat(padding)}]`;
}

export function pseudoTree(tree: LocaleTree): LocaleTree {
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, typeof value === 'string' ? pseudoMessage(value) : pseudoTree(value)]));
}

/** The file as written to disk: two-space JSON and a final newline, like every locale file. */
export function serialise(tree: LocaleTree): string {
  return `${JSON.stringify(tree, null, 2)}\n`;
}
