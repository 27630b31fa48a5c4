import { parsePhoneNumberWithError } from 'libphonenumber-js';
import { AppError } from './app-error';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * C0 controls but tab, line feed and carriage return, DEL, and unpaired UTF-16 surrogates. PostgreSQL
 * refuses U+0000 in text outright; a lone surrogate (JSON allows one, GraphQL string literals do not)
 * would be stored as U+FFFD, silently changing what the client sent.
 */
// eslint-disable-next-line no-control-regex
const UNACCEPTABLE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Surrogate}/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Small input guards shared by the services. Each throws BAD_USER_INPUT naming the field,
 * so every entry point (GraphQL today, jobs and scripts too) validates the same way.
 */
export const validate = {
  text(field: string, value: string, { min = 1, max = 200 }: { min?: number; max?: number } = {}): string {
    const trimmed = value.trim();
    if (trimmed.length < min) throw AppError.badInput(`${field} must not be empty`, field);
    if (trimmed.length > max) throw AppError.badInput(`${field} must be at most ${max} characters`, field);
    if (UNACCEPTABLE_CHARACTERS.test(trimmed)) {
      throw AppError.badInput(`${field} contains control characters or broken Unicode`, field);
    }
    return trimmed;
  },

  optionalText(field: string, value: string | null | undefined, max = 2000): string | null {
    if (value === null || value === undefined) return null;
    const trimmed = value.trim();
    return trimmed === '' ? null : validate.text(field, trimmed, { max });
  },

  /** A phone number in E.164 (+3256…): Belgian numbers may be typed as 056 27 70 00, foreign ones need their +country code. */
  phone(field: string, value: string): string {
    const raw = value.trim();
    if (raw.length > 30 || !/^[+0-9 ()./-]+$/.test(raw)) throw AppError.badInput(`${field} is not a valid phone number`, field);
    try {
      const phone = parsePhoneNumberWithError(raw, 'BE');
      if (!phone.isValid()) throw new Error('invalid');
      return phone.format('E.164');
    } catch {
      throw AppError.badInput(`${field} is not a valid phone number (Belgian, or international with +country code)`, field);
    }
  },

  int(field: string, value: number, min: number, max: number): number {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw AppError.badInput(`${field} must be a whole number from ${min} to ${max}`, field);
    }
    return value;
  },

  uuid(field: string, value: string): string {
    if (!UUID.test(value)) throw AppError.badInput(`${field} is not a valid id`, field);
    return value.toLowerCase();
  },

  email(field: string, value: string): string {
    const email = value.trim().toLowerCase();
    if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || UNACCEPTABLE_CHARACTERS.test(email)) {
      throw AppError.badInput(`${field} is not a valid e-mail address`, field);
    }
    return email;
  },

  /** A calendar date that exists, written like 2026-11-11 (the example names the field's kind of date). */
  isoDate(field: string, value: string, example = '2026-11-11'): string {
    if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
      throw AppError.badInput(`${field} must be a date like ${example}`, field);
    }
    return value;
  },

  range(startField: string, startsAt: Date, endsAt: Date): void {
    if (endsAt.getTime() <= startsAt.getTime()) {
      throw AppError.badInput(`endsAt must be after ${startField}`, 'endsAt');
    }
  },
};

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
