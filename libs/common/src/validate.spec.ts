import { AppError } from './app-error';
import { validate } from './validate';

const codeOf = (check: () => unknown) => {
  try {
    check();
  } catch (error) {
    return error instanceof AppError ? error.code : error;
  }
  return 'accepted';
};

describe('validate.email', () => {
  it('normalises a valid address', () => {
    expect(validate.email('email', '  Amina.Haddad@Example.BE ')).toBe('amina.haddad@example.be');
  });

  // Control characters pass the shape check ("not whitespace, not @"): NUL would reach PostgreSQL, which refuses it.
  it.each(['amina\u0000@example.be', 'amina@exa\u0007mple.be', 'amina@example.be\u007F', '\u001B[31mamina@example.be', 'amina\uD800@example.be'])(
    'refuses %j',
    (address) => {
      expect(codeOf(() => validate.email('email', address))).toBe('BAD_USER_INPUT');
    },
  );
});

describe('validate.text', () => {
  it.each(['nul\u0000byte', 'bell\u0007', 'delete\u007F'])('refuses control characters in %j', (text) => {
    expect(codeOf(() => validate.text('name', text))).toBe('BAD_USER_INPUT');
  });

  // PostgreSQL would store U+FFFD instead: the text saved would not be the text sent.
  it.each(['Amina \uD800', '\uDFFF', 'x\uDE00\uD83D'])('refuses the unpaired surrogate in %j', (text) => {
    expect(codeOf(() => validate.text('name', text))).toBe('BAD_USER_INPUT');
  });

  it('keeps characters outside the BMP (surrogate pairs) as they are', () => {
    expect(validate.text('name', 'Amina 😀 𠜎')).toBe('Amina 😀 𠜎');
  });

  it('keeps tabs and line breaks, and trims', () => {
    expect(validate.text('notes', ' regel 1\n\tregel 2 ', { max: 2000 })).toBe('regel 1\n\tregel 2');
  });
});
