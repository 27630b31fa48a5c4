import { LANGUAGE_INFO } from '../../../libs/messaging/src/templates/languages';
import { pickBrowserLanguage } from '../src/i18n/browser-language';
import { createFormatters } from '../src/i18n/formatting';

const formatters = (language: keyof typeof LANGUAGE_INFO) => createFormatters(LANGUAGE_INFO[language].locales, LANGUAGE_INFO[language].dir);
// Monday 7 December 2026, 08:45–10:15 in Brussels.
const start = new Date('2026-12-07T07:45:00Z');
const end = new Date('2026-12-07T09:15:00Z');
/** Arabic-Indic and Extended Arabic-Indic (Persian, Urdu) digits, and Latin ones. */
const DIGIT = '[0-9\u0660-\u0669\u06F0-\u06F9]';

describe('dates, times and lists of the web app', () => {
  it('keeps the Dutch output as it was', () => {
    const nl = formatters('nl');
    expect(nl.when(start, end)).toBe('maandag 7 december, 08:45–10:15');
    expect(nl.day(start)).toBe('maandag 7 december');
    expect(nl.timeRange(start, end)).toBe('08:45–10:15');
    expect(nl.pieces(['Volzet', '1 persoon op de wachtlijst'])).toBe('Volzet · 1 persoon op de wachtlijst');
    expect(nl.pieces(['Volzet', null])).toBe('Volzet');
    expect(nl.list(['Arabisch', 'Turks', 'Dari'])).toBe('Arabisch, Turks en Dari');
  });

  it.each(['ar', 'prs', 'ps', 'ur'] as const)('%s: no Latin comma, no middle dot beside a digit', (language) => {
    const f = formatters(language);
    const texts = [
      f.when(start, end),
      f.day(start),
      f.timeRange(start, end),
      f.list(['A', 'B', 'C']),
      // The seat badge: "full" then the waiting list, which starts with a digit in these languages.
      f.pieces(['پُر است', '۲ نفر در لست انتظار']),
      f.pieces(['۲ نفر', 'پُر است']),
    ];
    for (const text of texts) {
      expect(text).not.toContain(',');
      expect(text).not.toMatch(new RegExp(`${DIGIT}\\s*[·•]|[·•]\\s*${DIGIT}`));
    }
    expect(f.pieces(['پُر است', '۲ نفر در لست انتظار'])).toBe('پُر است، ۲ نفر در لست انتظار');
    // The day and the time are both there.
    expect(f.when(start, end)).toContain(
      f
        .timeRange(start, end)
        .split(/[–-]| تا /)[0]
        .trim(),
    );
  });
});

describe("the browser's language on a first visit", () => {
  const supported = Object.keys(LANGUAGE_INFO) as (keyof typeof LANGUAGE_INFO)[];
  it.each([
    [['ar-EG', 'en'], 'ar'],
    [['fa-AF'], 'prs'],
    [['prs'], 'prs'],
    [['fa-IR', 'en'], 'prs'],
    [['ps-AF'], 'ps'],
    [['pbt'], 'ps'],
    [['ur-PK'], 'ur'],
    [['so-SO'], 'so'],
    [['tr-TR'], 'tr'],
    [['ro-RO'], 'ro'],
    [['ru-RU'], 'ru'],
    [['uk-UA'], 'uk'],
    [['fr-BE'], 'fr'],
    [['en-US'], 'en'],
    [['nl-BE', 'fr'], 'nl'],
    [['de-DE', 'uk'], 'uk'],
    [['ar_SA'], 'ar'],
  ])('%j → %s', (tags, language) => {
    expect(pickBrowserLanguage(tags, supported)).toBe(language);
  });

  it('finds nothing in languages the site does not speak', () => {
    expect(pickBrowserLanguage(['de-DE', 'zh-CN'], supported)).toBeNull();
    expect(pickBrowserLanguage([], supported)).toBeNull();
  });
});
