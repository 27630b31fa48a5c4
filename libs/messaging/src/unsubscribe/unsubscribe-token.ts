import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Bytes of the part that names the address, and of the check that proves we made the token. */
const ADDRESS_BYTES = 18;
const CHECK_BYTES = 12;

/** The same address however it was typed: mailbox names are case-insensitive in practice. */
function normalise(address: string): string {
  return address.trim().toLowerCase();
}

function hmac(secret: string, text: string): Buffer {
  return createHmac('sha256', secret).update(text).digest();
}

function checkOf(secret: string, addressPart: Buffer): Buffer {
  return hmac(secret, `unsubscribe:check:v1:${addressPart.toString('base64url')}`).subarray(0, CHECK_BYTES);
}

/**
 * The unsubscribe token of an address (40 base64url characters): HMAC-SHA256 with
 * PERSONAL_LINK_SECRET over 'unsubscribe:v1:' + the address in lower case, then a check over that
 * part, so a token we did not make is refused without a look at the database. The same address
 * always gets the same token: nothing is stored to send it, and every mail's link works.
 */
export function unsubscribeToken(secret: string, address: string): string {
  const addressPart = hmac(secret, `unsubscribe:v1:${normalise(address)}`).subarray(0, ADDRESS_BYTES);
  return Buffer.concat([addressPart, checkOf(secret, addressPart)]).toString('base64url');
}

/** True when the token is one of ours (made with this secret), whichever address it is for. */
export function isUnsubscribeToken(secret: string, token: unknown): token is string {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{40}$/.test(token)) return false;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== ADDRESS_BYTES + CHECK_BYTES) return false;
  return timingSafeEqual(bytes.subarray(ADDRESS_BYTES), checkOf(secret, bytes.subarray(0, ADDRESS_BYTES)));
}

/** What mail_opt_out keeps of a token (and so of an address): its hex SHA-256. */
export function optOutHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
