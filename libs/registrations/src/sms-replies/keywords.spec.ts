import { KEYWORDS_BY_LANGUAGE, keywordOf, keywordTable, normaliseWord, SmsKeyword } from './keywords';

const LANGUAGES = ['nl', 'en', 'fr', 'ar', 'prs', 'ps', 'ur', 'so', 'tr', 'ro', 'ru', 'uk'];

/** Every spelling of the table, with its language and keyword. */
const ENTRIES = Object.entries(KEYWORDS_BY_LANGUAGE).flatMap(([language, byKeyword]) =>
  Object.values(SmsKeyword).flatMap((keyword) => byKeyword[keyword].map((spelling) => ({ language, keyword, spelling }))),
);

describe('SMS reply keywords', () => {
  it('has STOP, NO and YES in each of the twelve languages', () => {
    expect(Object.keys(KEYWORDS_BY_LANGUAGE).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES)
      for (const keyword of Object.values(SmsKeyword)) expect(KEYWORDS_BY_LANGUAGE[language][keyword].length).toBeGreaterThan(0);
  });

  it('gives no spelling two meanings', () => {
    expect(() => keywordTable()).not.toThrow();
    expect(() => keywordTable({ ...KEYWORDS_BY_LANGUAGE, xx: { STOP: ['ja'], NO: ['x'], YES: ['y'] } })).toThrow(/both/);
  });

  it.each(ENTRIES)('$language $keyword "$spelling": alone, shouted, with punctuation, emoji and more words', ({ keyword, spelling }) => {
    expect(keywordOf(spelling)).toBe(keyword);
    expect(keywordOf(spelling.toUpperCase())).toBe(keyword);
    expect(keywordOf(`  ${spelling}!!! 🙏`)).toBe(keyword);
    expect(keywordOf(`"${spelling}."`)).toBe(keyword);
    expect(keywordOf(`${spelling}, ok`)).toBe(keyword);
    expect(keywordOf(`${spelling}\nmerci`)).toBe(keyword);
  });

  it.each([
    // Latin: diacritics and stretched letters
    ['ARRÊT', SmsKeyword.STOP],
    ['Arret', SmsKeyword.STOP],
    ['STOPP', SmsKeyword.STOP],
    ['Stopppp!!', SmsKeyword.STOP],
    ['Jooji', SmsKeyword.STOP],
    ['DUR', SmsKeyword.STOP],
    ['Neeeee', SmsKeyword.NO],
    ['NEEN', SmsKeyword.NO],
    ['HAYIR', SmsKeyword.NO],
    ['HAYİR', SmsKeyword.NO],
    ['hayir', SmsKeyword.NO],
    ['MAYA', SmsKeyword.NO],
    ['Nu.', SmsKeyword.NO],
    ['jaaa 👍', SmsKeyword.YES],
    ['Oké', SmsKeyword.YES],
    ['OUI', SmsKeyword.YES],
    ['D’accord', SmsKeyword.YES],
    ['EVET', SmsKeyword.YES],
    ['HAA', SmsKeyword.YES],
    ['Da', SmsKeyword.YES],
    // Cyrillic: upper and lower case, ё/й folded
    ['СТОП', SmsKeyword.STOP],
    ['Стоп.', SmsKeyword.STOP],
    ['НЕТ', SmsKeyword.NO],
    ['нет, спасибо', SmsKeyword.NO],
    ['НІ', SmsKeyword.NO],
    ['ДА', SmsKeyword.YES],
    ['ТАК!', SmsKeyword.YES],
    // Arabic script: tashkeel, alef forms, Persian vs Arabic yeh and kaf, tatweel, presentation forms
    ['تَوَقَّفْ', SmsKeyword.STOP],
    ['توقـــف', SmsKeyword.STOP],
    ['ﻻ', SmsKeyword.NO],
    ['لَا', SmsKeyword.NO],
    ['لا شكرا', SmsKeyword.NO],
    ['نَعَمْ', SmsKeyword.YES],
    ['نعم!', SmsKeyword.YES],
    ['بله', SmsKeyword.YES],
    ['آره', SmsKeyword.YES],
    ['اره', SmsKeyword.YES],
    ['هو', SmsKeyword.YES],
    ['نخير', SmsKeyword.NO], // Arabic yeh for the Persian one
    ['نه', SmsKeyword.NO],
    ['نہیں', SmsKeyword.NO],
    ['نهيں', SmsKeyword.NO], // Arabic heh and yeh, as some Urdu keyboards write it
    ['ہاں', SmsKeyword.YES],
    ['هاں', SmsKeyword.YES],
    ['جی', SmsKeyword.YES],
    ['جي', SmsKeyword.YES],
    ['جی نہیں', SmsKeyword.NO], // the phrase wins over its first word
    ['جی ہاں', SmsKeyword.YES],
    ['هوکې', SmsKeyword.YES],
    ['هوكي', SmsKeyword.YES],
  ])('%s → %s', (text, keyword) => {
    expect(keywordOf(text)).toBe(keyword);
  });

  it('counts a keyword only as the first word', () => {
    expect(keywordOf('Nee, ik kom morgen niet')).toBe(SmsKeyword.NO);
    expect(keywordOf('no thanks')).toBe(SmsKeyword.NO);
    expect(keywordOf('Ik kom niet')).toBeNull();
    expect(keywordOf('Ik kan niet, sorry. Nee.')).toBeNull();
    expect(keywordOf('Please stop')).toBeNull();
    expect(keywordOf('Waar is het?')).toBeNull();
    expect(keywordOf('')).toBeNull();
    expect(keywordOf('👍')).toBeNull();
    expect(keywordOf('?!')).toBeNull();
    expect(keywordOf('nothing')).toBeNull();
    expect(keywordOf('Noor hier')).toBeNull();
    expect(keywordOf('Stoptrein')).toBeNull();
    // A shortened word is another word: Turkish "ne" (what) is not Dutch "nee", "ha" is no Somali "haa".
    expect(keywordOf('Ne zaman?')).toBeNull();
    expect(keywordOf('ne')).toBeNull();
    expect(keywordOf('ha ha')).toBeNull();
    expect(keywordOf('sto')).toBeNull();
  });

  it('folds a word the same way whatever its script', () => {
    expect(normaliseWord('ARRÊT')).toBe('arret');
    expect(normaliseWord('Ёлка')).toBe('елка');
    expect(normaliseWord('ک')).toBe(normaliseWord('ك'));
    expect(normaliseWord('ی')).toBe(normaliseWord('ي'));
    expect(normaliseWord('أ')).toBe(normaliseWord('ا'));
    expect(normaliseWord('إ')).toBe(normaliseWord('آ'));
  });
});
