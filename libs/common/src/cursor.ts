import { AppError } from './app-error';
import { isUuid } from './validate';

/** What encodeCursor writes; anything else (a uuid-shaped '---…', year -271821) would reach PostgreSQL and fail there. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque keyset cursor over (timestamp, id): stable under inserts, unlike offsets. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const bad = () => AppError.badInput('after is not a cursor returned by this API', 'after');
  if (cursor.length > 200) throw bad();
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !ISO_INSTANT.test(iso ?? '') || Number.isNaN(at.getTime()) || !isUuid(id)) throw bad();
  return { at, id };
}
