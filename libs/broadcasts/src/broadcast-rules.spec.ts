import { AppError } from '@app/common';
import { broadcastSms, checkBroadcastDraft, requireFitsSms, wordsFor } from './broadcast-rules';

const SESSION = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const NOW = new Date('2026-09-09T08:00:00Z');

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.details.field };
    throw error;
  }
  throw new Error('not refused');
};

describe('broadcast rules', () => {
  it.each([
    ['no audience', {}, 'audience'],
    ['two audiences', { audience: { sessionId: SESSION, programmeId: SESSION } }, 'audience'],
    ['an audience id that is no id', { audience: { seriesId: 'x' } }, 'audience.seriesId'],
    ['an empty text', { audience: { sessionId: SESSION }, text: '   ' }, 'text'],
    ['an unknown language', { audience: { sessionId: SESSION }, text: 'Hallo', translations: [{ language: 'de', text: 'Hallo' }] }, 'translations.0.language'],
    [
      'a translation into Dutch',
      { audience: { sessionId: SESSION }, text: 'Hallo', translations: [{ language: 'nl', text: 'Hallo' }] },
      'translations.0.language',
    ],
    [
      'two translations in one language',
      {
        audience: { sessionId: SESSION },
        text: 'Hallo',
        translations: [
          { language: 'fr', text: 'Salut' },
          { language: 'fr', text: 'Bonjour' },
        ],
      },
      'translations.1.language',
    ],
  ])('refuses %s with BAD_USER_INPUT at its field', (_what, input, field) => {
    expect(refusal(() => checkBroadcastDraft(input))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('keeps one audience, the trimmed text and the non-empty translations', () => {
    const draft = checkBroadcastDraft({
      audience: { sessionId: SESSION.toUpperCase() },
      text: ' Neem een pen mee. ',
      translations: [
        { language: 'fr', text: 'Apportez un stylo.' },
        { language: 'ar', text: ' ' },
      ],
    });
    expect(draft).toEqual({
      audience: { kind: 'SESSION', id: SESSION },
      text: 'Neem een pen mee.',
      translations: [{ language: 'fr', text: 'Apportez un stylo.' }],
    });
    expect(wordsFor(draft, 'fr')).toEqual({ message: 'Apportez un stylo.', inDutch: false, field: 'translations.0.text' });
    expect(wordsFor(draft, 'ar')).toEqual({ message: 'Neem een pen mee.', inDutch: true, field: 'text' });
    expect(wordsFor(draft, 'nl')).toEqual({ message: 'Neem een pen mee.', inDutch: false, field: 'text' });
  });

  it('writes the Arabic SMS as the Dutch text after the Arabic line saying it is Dutch; the Dutch SMS is the text alone', () => {
    const draft = checkBroadcastDraft({ audience: { sessionId: SESSION }, text: 'Neem een pen mee.' });
    expect(broadcastSms(draft, 'ar', 'Praattafel', NOW).sms).toBe('هذه الرسالة باللغة الهولندية. Neem een pen mee.');
    expect(broadcastSms(draft, 'nl', 'Praattafel', NOW).sms).toBe('Neem een pen mee.');
  });

  it('refuses a text too long for 2 SMS parts for the readers who would get it, at that text', () => {
    const long = `${'Beste deelnemer, '.repeat(8)}tot morgen.`;
    const draft = checkBroadcastDraft({ audience: { sessionId: SESSION }, text: long, translations: [{ language: 'fr', text: long.repeat(3) }] });
    expect(() => requireFitsSms(draft, ['nl'], 'Praattafel', NOW)).not.toThrow();
    expect(refusal(() => requireFitsSms(draft, ['ar'], 'Praattafel', NOW))).toEqual({ code: 'SMS_TOO_LONG', field: 'text' });
    expect(refusal(() => requireFitsSms(draft, ['nl', 'fr'], 'Praattafel', NOW))).toEqual({ code: 'SMS_TOO_LONG', field: 'translations.0.text' });
  });
});
