// The messages' ICU MessageFormat (locales/<lang>/messages.json), formatted by intl-messageformat
// into pieces: literal text and values, so each output (text, HTML, SMS) treats values its own way.
import type { IntlMessageFormat as MessageFormat } from 'intl-messageformat' with { 'resolution-mode': 'import' };

// intl-messageformat is an ES module; Node (>= 22.12) and Jest (transformed) load it with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { IntlMessageFormat } = require('intl-messageformat') as { IntlMessageFormat: typeof MessageFormat };

export type { MessageFormat };

export type Values = Record<string, string | undefined>;

export interface Renderer {
  literal: (text: string) => string;
  value: (name: string, value: string) => string;
}

export const plain: Renderer = { literal: (s) => s, value: (_name, value) => value };

/**
 * A placeholder's value as the messages see it. A select on it (an optional part) reads `none`
 * when there is no value and `other` when there is; a plain {name} is handed back to us as this
 * object, so each output (text, HTML, SMS) wraps or escapes the value its own way.
 */
export class Slot {
  constructor(
    readonly name: string,
    readonly value: string | undefined,
    private readonly forceNone: boolean,
  ) {}

  get missing(): boolean {
    return this.value === undefined || this.value === '';
  }

  toString(): string {
    return this.forceNone || this.missing ? 'none' : 'other';
  }
}

/** A piece of a formatted message: literal text, or a placeholder's value. */
export type Token = string | Slot;

const compiled = new Map<string, MessageFormat>();

function compile(template: string, locale: string, where: string): MessageFormat {
  const key = `${locale}\u0000${template}`;
  let format = compiled.get(key);
  if (!format) {
    try {
      // ignoreTag: "<" and ">" are text in our messages, not rich-text tags.
      format = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
    } catch (error) {
      throw new Error(`Template ${where}: malformed message (${(error as Error).message})`, { cause: error });
    }
    compiled.set(key, format);
  }
  return format;
}

/**
 * The message as literal text and values. Every name is given (as a Slot), so an unknown or
 * missing one reaches us and fails with its name. withoutOptionalParts: every select reads `none`.
 */
export function tokens(template: string, values: Values, where: string, locale: string, options: { withoutOptionalParts?: boolean } = {}): Token[] {
  const args = new Proxy({} as Record<string, Slot>, {
    has: () => true,
    get: (_target, name) =>
      typeof name === 'string' ? new Slot(name, hasValue(values, name) ? values[name] : undefined, !!options.withoutOptionalParts) : undefined,
  });
  return compile(template, locale, where)
    .formatToParts<Slot>(args)
    .map((part) => (typeof part.value === 'string' ? part.value : (part.value as Slot)));
}

function hasValue(values: Values, name: string): boolean {
  return values[name] !== undefined && values[name] !== '';
}

/** Joins the pieces; throws when a value is missing. */
export function render(pieces: Token[], where: string, renderer: Renderer): string {
  return pieces
    .map((piece) => {
      if (typeof piece === 'string') return renderer.literal(piece);
      if (piece.missing) throw new Error(`Template ${where}: no value for {${piece.name}}`);
      return renderer.value(piece.name, piece.value as string);
    })
    .join('');
}

export function fill(template: string, values: Values, where: string, renderer: Renderer, locale: string): string {
  return render(tokens(template, values, where, locale), where, renderer);
}

/** The lines of a formatted message, each a list of pieces (a value never spans two lines). */
function linesOf(pieces: Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      lines[lines.length - 1].push(piece);
      continue;
    }
    piece.split('\n').forEach((text, index) => {
      if (index > 0) lines.push([]);
      if (text.length > 0) lines[lines.length - 1].push(text);
    });
  }
  return lines;
}

export function isBlank(line: Token[]): boolean {
  return line.every((piece) => typeof piece === 'string' && piece.trim().length === 0);
}

/** Paragraphs: runs of lines between empty lines. */
export function paragraphs(pieces: Token[]): Token[][][] {
  const out: Token[][][] = [[]];
  for (const line of linesOf(pieces)) {
    if (isBlank(line)) out.push([]);
    else out[out.length - 1].push(line);
  }
  return out.filter((paragraph) => paragraph.length > 0);
}

export function trimLine(line: Token[]): Token[] {
  const out = [...line];
  while (typeof out[0] === 'string') {
    const text = out[0].trimStart();
    if (text.length > 0) {
      out[0] = text;
      break;
    }
    out.shift();
  }
  while (typeof out[out.length - 1] === 'string') {
    const text = (out[out.length - 1] as string).trimEnd();
    if (text.length > 0) {
      out[out.length - 1] = text;
      break;
    }
    out.pop();
  }
  return out;
}
