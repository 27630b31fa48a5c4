import { SUPPORTED_MESSAGE_LANGUAGES } from './catalogues';
import { type MessageVariables } from './message-kinds';
import { renderMessage, textDirection } from './render';

/** Every message whose text says "let us know" (or "tell the city / the coordinator") gives a number to call. */
const LET_US_KNOW = [
  'REGISTRATION_CONFIRMED',
  'PROMOTED',
  'REGISTRATION_CANCELLED',
  'SESSION_REMINDER',
  'SESSION_MOVED',
  'STAND_REFUSED',
  'STAND_MOVED',
  'STAND_CANCELLED',
  'STAND_REMINDER',
  'SHIFT_REMINDER',
];

const vars: MessageVariables = {
  firstName: 'Fatima',
  sessionTitle: 'Praattafel Venning',
  startsAt: new Date('2026-09-08T17:00:00Z'),
  endsAt: new Date('2026-09-08T18:30:00Z'),
  venueName: 'Wijkcentrum Venning',
  venueAddress: 'Sint-Denijsestraat 60, 8500 Kortrijk',
  plotCode: 'B12',
  slots: [{ plotCode: 'B12', startsAt: new Date('2026-09-08T17:00:00Z'), endsAt: new Date('2026-09-08T18:30:00Z') }],
  contactPhone: '+3256278330',
  link: 'https://oefenkansen.kortrijk.be/r/Xq3Vb0Yw2mJ8xT5nR1cK7h',
};

describe('the number to call', () => {
  const cases = SUPPORTED_MESSAGE_LANGUAGES.flatMap((language) => LET_US_KNOW.map((kind) => [language, kind] as const));

  it.each(cases)('%s %s gives it in text and HTML, not in the SMS', (language, kind) => {
    const message = renderMessage(kind, language, vars);
    const readable = '+32 56 27 83 30';
    expect(message.text).toContain(textDirection(language) === 'rtl' ? `\u2068${readable}\u2069` : readable);
    expect(message.html).toContain(`<a href="tel:+3256278330" style="color:#0b57d0;text-decoration:underline;"><bdi>${readable}</bdi></a>`);
    expect(message.sms).not.toContain('27 83 30');

    const without = renderMessage(kind, language, { ...vars, contactPhone: null });
    expect(without.text).not.toContain('27 83 30');
    expect(without.text.split('\n').length).toBe(message.text.split('\n').length - 1);
    expect(without.sms).toBe(message.sms);
  });
});
