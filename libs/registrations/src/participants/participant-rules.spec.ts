import { AppError, ErrorCode } from '@app/common';
import { ContactChannel } from '../entities';
import { NewParticipantCommand, normaliseLanguage, normalisePhone, validateNewParticipant } from './participant-rules';

const ORGANISATION = '7d0f2c9e-4d6b-4f6a-9a51-1c2b3d4e5f60';

function refusal(run: () => unknown): { code: ErrorCode; field: unknown; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, field: error.details.field, message: error.message };
  }
}

const command = (overrides: Partial<NewParticipantCommand>): NewParticipantCommand => ({
  firstName: 'Amal',
  preferredLanguage: 'ar',
  contactChannel: ContactChannel.NONE,
  consentToContact: false,
  ...overrides,
});

describe('a new participant', () => {
  it('needs only a first name; empty optional fields become null', () => {
    expect(validateNewParticipant(command({ firstName: '  Amal ', lastName: ' ', phone: '', email: null }), null)).toEqual({
      firstName: 'Amal',
      lastName: null,
      phone: null,
      email: null,
      preferredLanguage: 'ar',
      contactChannel: ContactChannel.NONE,
      consentToContact: false,
      referralChannel: null,
    });
    expect(refusal(() => validateNewParticipant(command({ firstName: '  ' }), null))).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'participant.firstName',
    });
  });

  it('is reached by SMS only with a phone number and consent', () => {
    expect(refusal(() => validateNewParticipant(command({ contactChannel: ContactChannel.SMS, consentToContact: true }), null))).toMatchObject({
      field: 'participant.contactChannel',
      message: expect.stringContaining('needs a phone number'),
    });
    expect(refusal(() => validateNewParticipant(command({ contactChannel: ContactChannel.SMS, phone: '0470 12 34 56' }), null))).toMatchObject({
      message: expect.stringContaining('needs consentToContact'),
    });
    expect(validateNewParticipant(command({ contactChannel: ContactChannel.SMS, phone: '0470 12 34 56', consentToContact: true }), null).phone).toBe(
      '+32470123456',
    );
  });

  it('is reached by e-mail only with an address and consent', () => {
    expect(refusal(() => validateNewParticipant(command({ contactChannel: ContactChannel.EMAIL, consentToContact: true }), null))).toMatchObject({
      message: expect.stringContaining('needs an e-mail address'),
    });
    expect(refusal(() => validateNewParticipant(command({ contactChannel: ContactChannel.EMAIL, email: 'amal@example.org' }), null))).toMatchObject({
      message: expect.stringContaining('needs consentToContact'),
    });
    expect(validateNewParticipant(command({ contactChannel: ContactChannel.EMAIL, email: ' Amal@Example.org ', consentToContact: true }), null).email).toBe(
      'amal@example.org',
    );
  });

  it('counts consent only when it is exactly true', () => {
    const truthy = { consentToContact: 'yes' as unknown as boolean };
    expect(validateNewParticipant(command(truthy), null).consentToContact).toBe(false);
    expect(refusal(() => validateNewParticipant(command({ ...truthy, contactChannel: ContactChannel.SMS, phone: '0470123456' }), null))).toMatchObject({
      message: expect.stringContaining('needs consentToContact'),
    });
  });

  it('is reached through an organisation only when one registers them', () => {
    expect(refusal(() => validateNewParticipant(command({ contactChannel: ContactChannel.VIA_ORGANISATION }), null))).toMatchObject({
      message: expect.stringContaining('needs the organisation'),
    });
    expect(validateNewParticipant(command({ contactChannel: ContactChannel.VIA_ORGANISATION }), ORGANISATION).contactChannel).toBe(
      ContactChannel.VIA_ORGANISATION,
    );
  });

  it('refuses a contact channel that does not exist', () => {
    expect(refusal(() => validateNewParticipant(command({ contactChannel: 'PIGEON' as ContactChannel }), ORGANISATION))).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'participant.contactChannel',
    });
  });
});

describe('phone numbers and languages', () => {
  it('reads Belgian numbers as typed and foreign ones with their country code, as E.164', () => {
    expect(normalisePhone('phone', '0470 12 34 56')).toBe('+32470123456');
    expect(normalisePhone('phone', '+32 (470) 12.34.56')).toBe('+32470123456');
    expect(normalisePhone('phone', '+31 6 12345678')).toBe('+31612345678');
  });

  it('refuses what cannot be a phone number', () => {
    for (const input of ['0470', 'call me', '0470 12 34 56 78 90 12 34 56 78 90 12 34', '+32 470 12 34 56 7']) {
      expect(refusal(() => normalisePhone('phone', input))).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'phone' });
    }
  });

  it('takes the supported languages in any case, and nothing else', () => {
    expect(normaliseLanguage('language', ' PRS ')).toBe('prs');
    expect(refusal(() => normaliseLanguage('language', 'xx'))).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'language' });
    expect(refusal(() => normaliseLanguage('language', 'nl-BE'))).toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
  });
});
