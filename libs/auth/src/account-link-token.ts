import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: unguessable, and short enough for a mail link. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashLinkToken(token) };
}

/** Only this hash is stored; a fast hash is enough for a random 256-bit secret. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
