import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_MESSAGE_LANGUAGES } from '../templates/catalogues';
import { isTransactional, MESSAGE_KIND_INFO, MESSAGE_KINDS, type MessageVariables } from '../templates/message-kinds';
import { renderMessage } from '../templates/render';
import { withUnsubscribeLink } from '../templates/unsubscribe-footer';
import { isUnsubscribeToken, optOutHash, unsubscribeToken } from './unsubscribe-token';

const SECRET = 'k'.repeat(40);

describe('which mail a reader may unsubscribe from', () => {
  it('classifies every message kind, with a reason', () => {
    expect(MESSAGE_KINDS.length).toBeGreaterThanOrEqual(28);
    for (const kind of MESSAGE_KINDS) {
      const info = MESSAGE_KIND_INFO[kind];
      expect([kind, typeof info.transactional, info.why.trim().length > 10]).toEqual([kind, 'boolean', true]);
    }
    // Unknown kinds are never withheld.
    expect(isTransactional('NOT_A_KIND')).toBe(true);
  });

  it('keeps registrations, bookings, shifts, accounts and codes transactional; broadcasts, digests and staff alerts are not', () => {
    const optional = MESSAGE_KINDS.filter((kind) => !isTransactional(kind));
    for (const kind of ['REGISTRATION_CONFIRMED', 'PROMOTED', 'SESSION_REMINDER', 'STAND_CONFIRMED', 'SHIFT_REMINDER', 'REGISTRATION_CODE', 'PASSWORD_RESET'])
      expect([kind, isTransactional(kind)]).toEqual([kind, true]);
    for (const kind of ['BROADCAST', 'HOST_DIGEST', 'SCHOOL_DIGEST', 'SESSION_FULL', 'SHIFT_UNDERSTAFFED']) expect(optional).toContain(kind);
  });

  it('README "Messages" has the same table: every kind once, with its class', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \| (transactional|can unsubscribe) \|/gm)].map((match) => [match[1], match[2]]);
    expect(rows).toEqual(MESSAGE_KINDS.map((kind) => [kind, isTransactional(kind) ? 'transactional' : 'can unsubscribe']));
  });
});

describe('unsubscribe tokens', () => {
  it('are URL-safe, 40 characters, the same for an address however it is typed, and ours only', () => {
    const token = unsubscribeToken(SECRET, 'Fatima@Example.org ');
    expect(token).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(unsubscribeToken(SECRET, 'fatima@example.org')).toBe(token);
    expect(unsubscribeToken(SECRET, 'samira@example.org')).not.toBe(token);
    expect(isUnsubscribeToken(SECRET, token)).toBe(true);
    expect(isUnsubscribeToken('x'.repeat(40), token)).toBe(false);
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    expect(isUnsubscribeToken(SECRET, flipped)).toBe(false);
    for (const forged of ['', 'abc', 'A'.repeat(40), `${token}=`, token.slice(1), 42, null]) expect(isUnsubscribeToken(SECRET, forged)).toBe(false);
    expect(optOutHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(optOutHash(token)).not.toContain(token);
  });
});

describe('the unsubscribe line under a mail', () => {
  const vars: MessageVariables = {
    firstName: 'Fatima',
    sessionTitle: 'Schoolbabbel De Vlinder',
    startsAt: new Date('2026-09-08T17:00:00Z'),
    endsAt: new Date('2026-09-08T18:30:00Z'),
    venueName: 'De Vlinder',
    venueAddress: 'Kortrijkstraat 1, 8500 Kortrijk',
    message: 'Neem een pen mee.',
  };
  const url = 'https://oefenkansen.kortrijk.be/u/q3Vb0Yw2mJ8xT5nR1cK7hL4pZ9sA6dE0fG2iU8o?lang=ar';

  it.each(SUPPORTED_MESSAGE_LANGUAGES)('%s: a visible link in the text and the HTML, in the language of the mail', (language) => {
    const message = withUnsubscribeLink(renderMessage('BROADCAST', language, vars), url);
    expect(message.text).toMatch(new RegExp(`\\s${url.replace(/[?.]/g, '\\$&')}$`));
    expect(message.html).toContain(`<a href="${url}"`);
    expect(message.html.indexOf('<a href')).toBeLessThan(message.html.indexOf('</main>'));
  });

  it('a mail in Dutch and English (no catalogue of the language) says it in both', () => {
    const message = withUnsubscribeLink(renderMessage('BROADCAST', 'xx', vars), url);
    expect(message.text).toContain('Uitschrijven:');
    expect(message.text).toContain('Unsubscribe:');
  });
});
