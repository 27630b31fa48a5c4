import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/** How long a code sent by SMS stays valid. */
export const REGISTRATION_CODE_TTL_MINUTES = 10;
/** Wrong codes a request survives: the fifth wrong one ends it, and the newcomer asks for a new code. */
export const MAX_WRONG_REGISTRATION_CODES = 5;
/** Code requests per phone number per hour, whatever the session (the API's rate limit): SMS cost money and reach real people. */
export const REGISTRATION_CODES_PER_PHONE_PER_HOUR = 3;

const CODE_DIGITS = 6;
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** Six random digits, leading zeros kept ("042917"). */
export function newRegistrationCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** Digits only, spaces allowed (people copy "123 456"); null when it cannot be a code at all. */
export function normaliseRegistrationCode(input: string): string | null {
  const digits = typeof input === 'string' ? input.replace(/\s+/g, '') : '';
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits) ? digits : null;
}

/**
 * "salt:hash" (hex) with scrypt: a million possible codes are quick to try against a plain hash,
 * against scrypt (about 50 ms each) trying them all takes far longer than the code lives.
 */
export async function hashRegistrationCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(code, salt, 32);
  return `${salt.toString('hex')}:${hash.toString('hex')}`;
}

export async function registrationCodeMatches(code: string, stored: string): Promise<boolean> {
  const [saltHex, hashHex] = stored.split(':');
  const expected = Buffer.from(hashHex ?? '', 'hex');
  const actual = await scryptAsync(code, Buffer.from(saltHex ?? '', 'hex'), 32);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
