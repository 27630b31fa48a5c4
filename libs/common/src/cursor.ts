import { AppError } from './app-error';

/** Opaque keyset cursor over (timestamp, id): stable under inserts, unlike offsets. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const bad = () => AppError.badInput('after is not a cursor returned by this API', 'after');
  if (cursor.length > 200) throw bad();
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw bad();
  return { at, id };
}
