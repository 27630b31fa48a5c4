/**
 * The words a newcomer may answer an SMS with, in the twelve languages the platform writes in.
 *
 * The rule: only a reply whose FIRST word (or first words, for a phrase such as "جی نہیں") is a
 * keyword counts. "Nee, ik kom morgen niet" is NO, "no thanks" is NO, "Ik kom niet" is not a
 * keyword (it starts with "ik") and gets the short help answer with the personal link, where the
 * person can say it with a button. A longer phrase wins over its first word ("جی نہیں" is NO although
 * "جی" alone is YES). Case, diacritics, Arabic-script letter variants, punctuation, emoji and
 * stretched letters ("jaaa", "STOPP") do not matter; a shortened word is another word ("ne" is not "nee").
 */
export enum SmsKeyword {
  STOP = 'STOP',
  NO = 'NO',
  YES = 'YES',
}

/** Per language, the spellings people use; each is normalised like a reply before it is compared. */
export const KEYWORDS_BY_LANGUAGE: Record<string, Record<SmsKeyword, string[]>> = {
  nl: {
    STOP: ['stop', 'stopp', 'stoppen', 'uitschrijven', 'afmelden'],
    NO: ['nee', 'neen', 'annuleren', 'annuleer', 'afzeggen'],
    YES: ['ja', 'jawel', 'jep', 'ok', 'oké', 'okee', 'akkoord'],
  },
  en: {
    STOP: ['stop', 'stopall', 'unsubscribe', 'end', 'quit'],
    NO: ['no', 'nope', 'nah', 'cancel'],
    YES: ['yes', 'yeah', 'yep', 'yup', 'okay', 'sure'],
  },
  fr: {
    STOP: ['arrêt', 'arret', 'arrêter', 'arrête', 'désabonner', 'désinscrire'],
    NO: ['non', 'annuler', 'annule'],
    YES: ['oui', 'ouais', "d'accord"],
  },
  // Arabic: both the standard words and the ones of Moroccan and Algerian Darija people write.
  ar: {
    STOP: ['توقف', 'أوقف', 'إيقاف', 'قف', 'ستوب'],
    NO: ['لا', 'لأ', 'كلا', 'إلغاء', 'الغي'],
    YES: ['نعم', 'أيوه', 'أيوا', 'واخا', 'سأحضر'],
  },
  // Dari (Afghan Persian).
  prs: {
    STOP: ['توقف', 'ایست', 'بس کن', 'قطع', 'استوپ'],
    NO: ['نه', 'نخیر', 'لغو'],
    YES: ['بله', 'بلی', 'آره', 'هو', 'میایم'],
  },
  ps: {
    STOP: ['ودرېږه', 'بس', 'توقف', 'ودروئ'],
    NO: ['نه', 'نخیر', 'نا'],
    YES: ['هو', 'هوکې', 'هو کې', 'ښه', 'بلې', 'درځم'],
  },
  // Urdu in its script and as it is often typed in Latin letters (Roman Urdu).
  ur: {
    STOP: ['رکو', 'روکو', 'بند', 'بند کرو', 'سٹاپ'],
    NO: ['نہیں', 'نہ', 'جی نہیں', 'nahi', 'nahin', 'nhi'],
    YES: ['ہاں', 'جی', 'جی ہاں', 'ٹھیک', 'haan', 'han', 'ji'],
  },
  so: {
    STOP: ['jooji', 'joogso', 'jooj'],
    NO: ['maya'],
    YES: ['haa', 'haye', 'waan imanayaa'],
  },
  tr: {
    STOP: ['dur', 'durdur', 'ret'],
    NO: ['hayır', 'yok', 'iptal'],
    YES: ['evet', 'tamam', 'olur', 'geliyorum'],
  },
  ro: {
    STOP: ['oprire', 'oprește', 'opreste', 'dezabonare'],
    NO: ['nu', 'anulez', 'anulare'],
    YES: ['da', 'sigur', 'vin'],
  },
  ru: {
    STOP: ['стоп', 'хватит', 'отписаться', 'отписка'],
    NO: ['нет', 'не', 'отмена', 'отменить'],
    YES: ['да', 'ага', 'ок', 'хорошо', 'приду'],
  },
  uk: {
    STOP: ['стоп', 'відписатися', 'досить', 'зупинити'],
    NO: ['ні', 'не', 'скасувати'],
    YES: ['так', 'да', 'ок', 'добре', 'прийду'],
  },
};

/** Arabic-script letters written in several ways that readers take for one. */
const ARABIC_LETTER_VARIANTS: Record<string, string> = {
  // yeh: Persian/Urdu yeh, alef maksura, Pashto and Urdu forms → Arabic yeh
  ی: 'ي',
  ى: 'ي',
  ې: 'ي',
  ۍ: 'ي',
  ێ: 'ي',
  ے: 'ي',
  // kaf: keheh (Persian) → Arabic kaf
  ک: 'ك',
  // heh: heh goal (Urdu), heh doachashmee, ae, teh marbuta → heh
  ہ: 'ه',
  ھ: 'ه',
  ە: 'ه',
  ة: 'ه',
  // noon ghunna (Urdu) → noon
  ں: 'ن',
  // alef wasla → alef (hamza and madda forms lose their mark in NFKD below)
  ٱ: 'ا',
};

/** One word as the table knows it: compatibility forms unfolded, marks stripped, Arabic-script variants as one, lower case. */
export function normaliseWord(word: string): string {
  const unfolded = word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // diacritics, tashkeel, hamza and madda above/below
    .replace(/\u0640|\u200c|\u200d|\u200e|\u200f/g, '') // tatweel, zero-width (non-)joiners, direction marks
    .replace(/[\u0600-\u06ff]/g, (letter) => ARABIC_LETTER_VARIANTS[letter] ?? letter)
    .replace(/ı/g, 'i')
    .toLowerCase();
  return unfolded;
}

/** The word with each run of one letter written once: "jaaa" and "ja", "stopp" and "stop" look the same. */
const squeezed = (word: string) => word.replace(/(\p{L})\1+/gu, '$1');

/**
 * A reply's word is the table's, or a stretched spelling of it ("jaaa", "STOPP", "neeee"); never a
 * shorter one: "ne" (Turkish "what", French "not") is not "nee", "ha" is not "haa".
 */
function sameWord(typed: string, known: string): boolean {
  return typed === known || (typed.length > known.length && squeezed(typed) === squeezed(known));
}

/** The words of a reply, without punctuation, emoji or spaces between them. */
export function wordsOf(text: string): string[] {
  // An apostrophe inside a word ("d'accord") keeps the word whole.
  // Marks go first: a split on what is not a letter would cut a word at its tashkeel.
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map(normaliseWord);
}

interface Entry {
  words: string[];
  keyword: SmsKeyword;
}

/** Every spelling of every language, longest phrase first, so "جی نہیں" is tried before "جی". */
export function keywordTable(table = KEYWORDS_BY_LANGUAGE): Entry[] {
  const entries = new Map<string, Entry>();
  for (const spellings of Object.values(table)) {
    for (const keyword of Object.values(SmsKeyword)) {
      for (const spelling of spellings[keyword]) {
        const words = wordsOf(spelling);
        const key = words.join(' ');
        const known = entries.get(key);
        if (known && known.keyword !== keyword) throw new Error(`"${spelling}" means both ${known.keyword} and ${keyword}`);
        entries.set(key, { words, keyword });
      }
    }
  }
  return [...entries.values()].sort((a, b) => b.words.length - a.words.length);
}

const TABLE = keywordTable();

/** The keyword a reply starts with, or null when it starts with anything else. */
export function keywordOf(text: string): SmsKeyword | null {
  const words = wordsOf(text);
  for (const entry of TABLE) {
    if (entry.words.length <= words.length && entry.words.every((word, i) => sameWord(words[i], word))) return entry.keyword;
  }
  return null;
}
