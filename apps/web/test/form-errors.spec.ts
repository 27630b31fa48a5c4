import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntlMessageFormat as MessageFormat } from 'intl-messageformat' with { 'resolution-mode': 'import' };
import { ErrorCode } from '@app/common';
import { SUPPORTED_MESSAGE_LANGUAGES, UI } from '../../../libs/messaging/src/templates/catalogues';
import { LANGUAGE_INFO } from '../../../libs/messaging/src/templates/languages';
import type { PluralForms } from '../../../libs/messaging/src/templates/ui-strings';
import { explainError, FORMS, type FormSpec, sayError, type Writer } from '../src/graphql/form-errors';

/** The API's own words, which must never reach a reader. */
const RAW = 'participant.phone is not a valid phone number (Belgian, or international with +country code)';

// An ES module (the web app imports it as one).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { IntlMessageFormat } = require('intl-messageformat') as { IntlMessageFormat: typeof MessageFormat };

/** format/plural as the web app's I18nProvider does them (createMessageFormatter). */
async function writerFor(language: string): Promise<Writer> {
  const t = UI[language as keyof typeof UI];
  const locales = [...LANGUAGE_INFO[language as keyof typeof LANGUAGE_INFO].locales];
  const numbers = new Intl.NumberFormat(locales);
  const icu = (message: string) => new IntlMessageFormat(message, locales, undefined, { ignoreTag: true });
  const format = (template: string, values: Record<string, string | number> = {}) =>
    String(
      icu(template).format(
        new Proxy(values, {
          has: () => true,
          get: (target, name) =>
            typeof name !== 'string'
              ? undefined
              : target[name] === undefined
                ? `{${name}}`
                : typeof target[name] === 'number'
                  ? numbers.format(target[name] as number)
                  : target[name],
        }),
      ),
    );
  return { t, format, plural: (forms: PluralForms, count: number) => String(icu(forms).format({ count })) };
}

/** An error as graphql/client.ts hands it to a form. */
const apiError = (code: string | undefined, extensions: Record<string, unknown> = {}) => Object.assign(new Error(RAW), { code, status: 200, extensions });

/** What the API adds to some codes: how long to wait, attempts left, a limit. */
const EXTRAS: Record<string, unknown>[] = [{}, { retryAfter: 45 }, { retryAfter: 600 }, { attemptsLeft: 2 }, { attemptsLeft: 0 }, { limit: 2 }];

const forms = Object.entries(FORMS) as [string, FormSpec][];
const codes = [...Object.values(ErrorCode), undefined];

describe('API errors in the forms of the web app', () => {
  it('every form of the list is used by a page (the list is the forms, not a sample)', () => {
    const pages = join(__dirname, '..', 'src');
    const sources = (readdirSync(pages, { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => readFileSync(join(pages, file), 'utf8'));
    for (const [name] of forms) expect([name, sources.some((source) => source.includes(`FORMS.${name}`))]).toEqual([name, true]);
  });

  it.each(SUPPORTED_MESSAGE_LANGUAGES)('%s: every code × field of every form has a sentence of its own, next to the field it is about', async (language) => {
    const writer = await writerFor(language);
    let checked = 0;
    for (const [name, form] of forms) {
      for (const code of codes) {
        for (const field of [undefined, 'somethingElse', ...Object.keys(form.fields)]) {
          for (const extra of EXTRAS) {
            const sentence = explainError(apiError(code, { ...extra, ...(field ? { field } : {}) }), form);
            const text = sayError(sentence, writer);
            const where = [language, name, code, field, JSON.stringify(extra)].join(' ');
            expect([where, text.trim().length > 0, /[{}]/.test(text), text.includes(RAW)]).toEqual([where, true, false, false]);
            // A refusal about a field of this form is shown at that field.
            const expectedField = field && field in form.fields ? form.fields[field] : null;
            if (code === 'BAD_USER_INPUT' || code === 'PHONE_NOT_ALLOWED') expect([where, sentence.fieldId]).toEqual([where, expectedField]);
            // Only "no answer" and real faults fall back to the form's "try again later".
            if (code !== undefined && code !== 'BAD_REQUEST' && code !== 'INTERNAL_SERVER_ERROR')
              expect([where, text === writer.t.loadError]).toEqual([where, false]);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('a school contact who types 0470 12 reads the phone sentence at the phone field, in Dutch and in Arabic', async () => {
    const error = apiError('BAD_USER_INPUT', { field: 'participant.phone' });
    const sentence = explainError(error, FORMS.registerParent);
    expect(sentence.fieldId).toBe('parent-phone');
    expect(sayError(sentence, await writerFor('nl'))).toBe(
      'Dit telefoonnummer klopt niet. Schrijf een Belgisch nummer, zoals 0470 12 34 56, of een buitenlands nummer met + en de landcode.',
    );
    expect(sayError(sentence, await writerFor('ar'))).toBe('رقم الهاتف هذا غير صحيح. اكتب رقمًا بلجيكيًا مثل 0470 12 34 56، أو رقمًا أجنبيًا مع + ورمز البلد.');
    expect(sayError(explainError(apiError('PHONE_NOT_ALLOWED', { field: 'phone' }), FORMS.newcomerDetails), await writerFor('nl'))).toBe(
      'Naar dit nummer kunnen we geen sms sturen. Gebruik een Belgisch gsm-nummer, zoals 0470 12 34 56.',
    );
  });

  it('says how long to wait, in seconds under two minutes, else in minutes, with the plural of the language', async () => {
    const [nl, ar, ru] = await Promise.all(['nl', 'ar', 'ru'].map(writerFor));
    const login = (code: string, retryAfter?: number) => explainError(apiError(code, retryAfter === undefined ? {} : { retryAfter }), FORMS.login);
    expect(sayError(login('TOO_MANY_REQUESTS', 1), nl)).toBe('Te veel foute pogingen. Aanmelden kan even niet. Probeer het opnieuw over 1 seconde.');
    expect(sayError(login('TOO_MANY_REQUESTS', 90), nl)).toBe('Te veel foute pogingen. Aanmelden kan even niet. Probeer het opnieuw over 90 seconden.');
    expect(sayError(login('TOO_MANY_REQUESTS', 121), nl)).toBe('Te veel foute pogingen. Aanmelden kan even niet. Probeer het opnieuw over 3 minuten.');
    expect(sayError(login('UNAUTHENTICATED', 30), nl)).toBe('Het e-mailadres of het wachtwoord is niet juist. Probeer het opnieuw over 30 seconden.');
    expect(sayError(login('UNAUTHENTICATED'), nl)).toBe('Het e-mailadres of het wachtwoord is niet juist.');
    expect(sayError(login('TOO_MANY_REQUESTS', 120), ar)).toBe('محاولات خاطئة كثيرة جدًا. لا يمكنك تسجيل الدخول لوقت قصير. حاول مرة أخرى بعد دقيقتين.');
    expect(sayError(login('TOO_MANY_REQUESTS', 300), ru)).toBe('Слишком много неверных попыток. Войти пока нельзя. Попробуйте снова через 5 минут.');
    expect(sayError(explainError(apiError('TOO_MANY_REQUESTS'), FORMS.newcomerDetails), nl)).toBe(
      'Te veel pogingen na elkaar. Probeer het over een paar minuten opnieuw.',
    );
  });
});
