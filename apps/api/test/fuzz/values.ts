/**
 * The raw material of the fuzz test: values by GraphQL type, in three kinds.
 *
 * - NOISE_*: type-valid, may or may not pass the services (unicode oddities, edge dates); they fill
 *   the fields around the one broken field, so that requests get deep into the services.
 * - POISON_*, REFUSED_*, FORMAT_POISONS, MALFORMED_IDS: type-valid, but every service must refuse
 *   them in any field of their type (or of their format, for FORMAT_POISONS).
 * - BAD_*: refused by GraphQL's own coercion (wrong JSON type, impossible dates, unknown enum values).
 */

/** JSON text put into a body as it is: 1e400 (Infinity once parsed; JSON.stringify cannot write it) or deep nesting. */
export class RawJson {
  constructor(readonly text: string) {}
}

const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Texts that any text field may hold or refuse: none of them should ever cause a 500. */
export const NOISE_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t ',
  'Praattafel 🇧🇪 👩‍👩‍👧‍👦',
  'مرحبا بكم في طاولة الحديث',
  'שלום \u200F(עברית)\u200F',
  'evil\u202Etxt.exe\u202C',
  'zero\u200Bwidth\u200D\u2060joiner\uFEFF',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A combining',
  'Z̷̢̛̖̗͎̓̈́a̸̰̟̓l̶̡̻̐g̴̱̈o̷̹͝',
  '𝕳𝖊𝖑𝖑𝖔 𠜎𠜱𠝹 \u{1F600}\u{10FFFF}',
  'lone \uD800 high surrogate',
  'lone \uDFFF low surrogate',
  '\uFEFFbyte order mark',
  'non\u00A0breaking\u202Fspace',
  'ﷺ﷽ wide ligatures',
  'tab\there and\r\nnewline',
  "O'Brien-D'Hondt",
  'null',
  'undefined',
  'NaN',
  'true',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "' OR '1'='1",
  "Robert'); DROP TABLE participant;--",
  '${7*7}{{7*7}}#{7*7}',
  '%s%s%s%n%x',
  '../../../../etc/passwd',
  '=HYPERLINK("https://evil.example","klik")',
  '+32 470 12 34 56',
  'nl',
  'NL-be',
  'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
  '11:00',
  '24:00',
  'https://www.kortrijk.be/culturen',
  'javascript:alert(1)',
  'Ａｍｉｎａ fullwidth',
  repeatTo('Lange naam ', 201),
  repeatTo('ä€😀', 2_001),
];

/**
 * Characters no text field takes: NUL (PostgreSQL refuses it in text), the other C0 controls but tab
 * and line breaks, DEL, and unpaired surrogates (which would be stored as U+FFFD).
 */
export const REFUSED_CHARACTERS: readonly string[] = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\uD800', '\uDFFF'];

/** Texts every service must refuse in every text field. */
export const REFUSED_CHARACTER_STRINGS: readonly string[] = [
  'nul\u0000byte',
  '\u0000',
  'Amina\u0000; DROP TABLE participant;--',
  'bell\u0007',
  'escape\u001B[31mred',
  'delete\u007F',
  'backspace\u0008',
  '\u0001start of heading',
  'form\u000Cfeed',
  '2026-10-05\u0000',
  'nl\u0000',
  'FREQ=WEEKLY;BYDAY=TU\u0000',
  'https://www.kortrijk.be/\u0000',
  'x'.repeat(50) + '\u0000' + '😀'.repeat(50),
  'Amina \uD83D',
  '\uDE00 low surrogate first',
];

/**
 * Values in the neighbourhood of a field's own format that its rule must refuse, by field name:
 * e-mail addresses without a domain, phone numbers no country has, language tags no rule takes,
 * recurrence rules the scheduler does not support, addresses that are not http(s), impossible times.
 */
export const FORMAT_POISONS: readonly (readonly [RegExp, readonly string[]])[] = [
  [
    /email/i,
    ['amina@example', '@example.be', 'amina@@example.be', 'amina haddad@example.be', 'amina@example.be,other@example.be', 'a'.repeat(250) + '@example.be'],
  ],
  [/phone/i, ['abc', '12', '+999 1', '0470 12 34 56 78 90 12 34 56 78', '+32 470 12 34 56 ext 7']],
  [/language/i, ['klingon', 'n l', 'nl_BE', '123', 'nl-', 'x-klingon-tlhingan']],
  [
    /rrule/i,
    [
      'FREQ=HOURLY',
      'BYDAY=TU',
      'FREQ=WEEKLY;COUNT=0',
      'FREQ=WEEKLY;COUNT=100000',
      'FREQ=WEEKLY;INTERVAL=99',
      'FREQ=WEEKLY;BYHOUR=19',
      'FREQ=WEEKLY;DTSTART=20260908T170000Z',
      'FREQ=WEEKLY;TZID=Mars/Olympus',
      'FREQ=WEEKLY;BYDAY=XX',
    ],
  ],
  [
    /url/i,
    ['javascript:alert(1)', 'ftp://www.kortrijk.be/plan.pdf', 'not a url', 'http://', '//evil.example/plan.pdf', 'data:text/html,<script>alert(1)</script>'],
  ],
  [/country/i, ['ZZZ', 'S1', 'SYR', '🇸🇾']],
  [/^(from|to)$/, ['24:01', '25:00', '11:60', '11h00', '7', '-1:00', '11:00:00']],
  [/^code$/, ['-A1', 'A'.repeat(21), 'A1!', '.A1']],
  [/password/i, ['short', 'elf chars!!']],
];

/** Longer than any text rule allows (the longest, notes, allows 2,000); the longest, in ASCII, still fits in the 100 kB body limit. */
export const OVERLONG_LENGTHS: readonly number[] = [2_001, 2_500, 10_000, 20_000, 95_000];

/** Above this length a text is written in ASCII, so that it stays under the body limit and reaches the services. */
export const MULTIBYTE_OVERLONG_MAX = 20_000;

export function overlongString(length: number, unit: string): string {
  return repeatTo(unit, length);
}

export const OVERLONG_UNITS: readonly string[] = ['x', 'Lange tekst ', 'é', '\u200B', 'Z̷̢̛̖'];

/** Ids that cannot belong to any row: not UUIDs, other versions, injection strings. Random v4 UUIDs join them at run time. */
export const MALFORMED_IDS: readonly (string | number)[] = [
  '',
  ' ',
  'abc',
  'null',
  '0',
  0,
  -1,
  123456789,
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  // Version 1 and 7 layouts: well-formed, but the app only issues v4 and none of these exist.
  'c232ab00-9414-11ec-b3c8-9f6bdeced846',
  '018f3a5e-8b7c-7d2e-9a1b-3c4d5e6f7a8b',
  // A v4 shape with a non-RFC variant nibble.
  '5b0e7c2a-9d4f-4e61-ca3b-2f7c1d9e6a40',
  '5b0e7c2a9d4f4e618a3b2f7c1d9e6a40',
  '{5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a40}',
  '5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a40 ',
  '5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a40\n',
  '5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a40\u0000',
  '5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a4',
  '5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a400',
  '5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a4g',
  '５b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a40',
  '5b0e7c2a-9d4f-4e61-8a3b\u200B-2f7c1d9e6a40',
  "'; DROP TABLE participant;--",
  "1' OR '1'='1",
  '1 OR 1=1',
  "' UNION SELECT password_hash FROM app_user--",
  '%',
  '_',
  '*',
  '{"$gt":""}',
  '../../etc/passwd',
  '\uD800',
  repeatTo('5b0e7c2a-', 5_000),
];

export const NOISE_INTS: readonly number[] = [0, 1, 2, 3, 5, 7, 8, 12, 20, 24, 40, 50, 59, 60, 90, 100, 101, 365, 800, 1_439, 1_440, 10_000, 10_001];

/** Below every lower bound (counts, capacities, offsets, weekdays all start at 1 or more) or above every upper one. */
export const POISON_INTS: readonly number[] = [-1, -7, -1_000, -2_147_483_648, 2_147_483_647, 1_000_000_000];

export const NOISE_FLOATS: readonly number[] = [0, 0.5, 1, 3, 3.5, 10, 49.999999, 50, 99.9, 100, 0.1 + 0.2, 1e-7, 5e-324];

/** Negative (sizes, map positions) or astronomically large. */
export const POISON_FLOATS: readonly number[] = [-1, -0.001, -5e-324, -1e300, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE];

/** Every one of these passes the DateTime scalar: odd but real instants (DST gaps and overlaps, extreme offsets, range ends). */
export const NOISE_DATE_TIMES: readonly string[] = [
  '2026-08-15T10:00:00Z',
  '2026-08-15T09:59:59Z',
  '1900-01-01T00:00:00Z',
  '2200-12-31T23:59:59.999999-13:59',
  '2026-03-29T02:30:00+01:00',
  '2026-10-25T02:30:00+02:00',
  '2026-10-25T02:30:00+01:00',
  '2026-12-31T23:59:59+14:00',
  '2027-01-01T00:00:00-12:00',
  '2027-05-15T23:59+02:00',
  '2028-02-29T12:00:00.5Z',
];

export const NOISE_DATES: readonly string[] = ['1900-01-01', '2200-12-31', '2028-02-29', '2026-08-15', '2026-08-14', '2026-12-25', '2027-05-17', '2027-05-18'];

/** Refused by the DateTime scalar: impossible days, 24:00, years 0 and 99999, offsets beyond ±14:00, zone names, no offset. */
export const BAD_DATE_TIMES: readonly unknown[] = [
  '2026-02-30T10:00:00+01:00',
  '2026-02-29T10:00:00+01:00',
  '2026-13-01T10:00:00+01:00',
  '2026-00-10T10:00:00+01:00',
  '2026-03-02T24:00:00+01:00',
  '2026-03-02T24:00+01:00',
  '2026-03-02T23:60:00+01:00',
  '2026-03-02T23:59:60+01:00',
  '0000-01-01T00:00:00Z',
  '99999-01-01T00:00:00Z',
  '+099999-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z',
  '2201-01-01T00:00:00Z',
  '2026-03-02T15:30:00+25:00',
  '2026-03-02T15:30:00+02:99',
  '2026-03-02T15:30:00+14:30',
  '2026-03-02T15:30:00-15:00',
  '2026-03-02T15:30:00+0100',
  '2026-03-02T15:30:00',
  '2026-03-02T15:30:00[Mars/Olympus]',
  '2026-03-02T15:30:00+01:00[Mars/Olympus]',
  '2026-03-02T15:30:00 Mars/Olympus',
  '2026-03-02T15:30:00 Europe/Brussels',
  'Mars/Olympus',
  '2026-03-02',
  '2026-03-02T15:30:00.1234567Z',
  '2026-W10-1T10:00:00Z',
  '2026-061T10:00:00Z',
  '２０２６-03-02T15:30:00Z',
  '2026-03-02T15:30:00Z\u0000',
  ' 2026-03-02T15:30:00Z',
  '2026-03-02t15:30:00z',
  'Tue, 03 Mar 2026 10:00:00 GMT',
  '1772445000',
  'now',
  '',
  1_772_445_000_000,
  true,
  {},
  ['2026-03-02T15:30:00Z'],
  { $date: '2026-03-02T15:30:00Z' },
];

/** Refused by the Date scalar. */
export const BAD_DATES: readonly unknown[] = [
  '2026-02-30',
  '2026-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-10-00',
  '0000-01-01',
  '99999-01-01',
  '1899-12-31',
  '2201-01-01',
  '2026-1-5',
  '05-10-2026',
  '2026/10/05',
  '2026-10-05T00:00:00Z',
  '2026-10-05 ',
  '2026-10-05\n',
  '２０２６-10-05',
  'today',
  '',
  20261005,
  false,
  {},
  ['2026-10-05'],
];

/** Neither an Int nor representable in 32 bits; `1e400` is Infinity once parsed. */
export const BAD_INTS: readonly unknown[] = [
  2_147_483_648,
  -2_147_483_649,
  1e20,
  9_007_199_254_740_992,
  1.5,
  -0.5,
  '12',
  '1e3',
  'NaN',
  '',
  true,
  {},
  [1],
  new RawJson('1e400'),
  new RawJson('-1e400'),
];

export const BAD_FLOATS: readonly unknown[] = ['1.5', 'NaN', 'Infinity', '', false, {}, [1.5], new RawJson('1e400'), new RawJson('-1e400')];

export const BAD_BOOLEANS: readonly unknown[] = ['true', 'false', 1, 0, 'yes', '', {}, [true]];

export const BAD_STRINGS: readonly unknown[] = [12, -1, 1.5, true, false, {}, { toString: 'x' }, ['a'], [['nested']]];

/** The ID scalar takes strings and integers only. */
export const BAD_ID_TYPES: readonly unknown[] = [true, false, 1.5, -0.5, {}, { $ne: null }, ['5b0e7c2a-9d4f-4e61-8a3b-2f7c1d9e6a40'], new RawJson('1e400')];

/** Names a client could send for an enum value that is not one. */
export function badEnumValues(values: readonly string[]): unknown[] {
  const first = values[0] ?? 'VALUE';
  return ['UNKNOWN', '', first.toLowerCase(), ` ${first}`, `${first}\u0000`, `${first}_X`, '__proto__', 0, true, {}, [[first]]];
}

/** Field names that must never be accepted in an input object, prototype-pollution keys among them. */
export const UNKNOWN_FIELDS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'id', 'createdAt', 'role', 'isAdmin', '$where', 'fuzz'];

/** An object `depth` levels deep: JSON.parse and input coercion must not fall over on it. */
export function deeplyNested(depth: number, leaf: unknown = 'x'): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

export function deeplyNestedList(depth: number, leaf: unknown = 'x'): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
