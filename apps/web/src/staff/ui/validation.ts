import { z } from 'zod';

/**
 * Zod schemas whose messages are keys of the staff catalogue's `validation` group ("tooLong:200"
 * = key and its number), so the form says them in the reader's language (see errorText in
 * fields.tsx). The API checks the same rules again and names the field when it refuses.
 */
export const v = {
  text: (max = 200) =>
    z
      .string()
      .trim()
      .min(1, { error: 'required' })
      .max(max, { error: `tooLong:${max}` }),
  optionalText: (max = 2000) =>
    z
      .string()
      .trim()
      .max(max, { error: `tooLong:${max}` }),
  int: (min: number, max: number) =>
    z
      .number({ error: 'number' })
      .int({ error: 'number' })
      .min(min, { error: `min:${min}` })
      .max(max, { error: `max:${max}` }),
  optionalInt: (min: number, max: number) => v.int(min, max).nullable(),
  email: () =>
    z
      .string()
      .trim()
      .min(1, { error: 'required' })
      .pipe(z.email({ error: 'email' })),
  optionalEmail: () =>
    z.union([
      z.literal(''),
      z
        .string()
        .trim()
        .pipe(z.email({ error: 'email' })),
    ]),
  /** Digits, spaces and + ( ) . / - as the API accepts; the API checks the number itself. */
  optionalPhone: () =>
    z
      .string()
      .trim()
      .regex(/^$|^[+0-9 ()./-]{6,30}$/, { error: 'phone' }),
  /** YYYY-MM-DD, as the date fields keep it. */
  date: () => z.string({ error: 'date' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' }),
  /** HH:mm, as the time fields keep it. */
  time: () => z.string({ error: 'time' }).regex(/^\d{2}:\d{2}$/, { error: 'time' }),
  choice: () => z.string({ error: 'choose' }).min(1, { error: 'choose' }),
};
