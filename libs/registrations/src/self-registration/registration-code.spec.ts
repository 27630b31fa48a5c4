import { AppError, ErrorCode } from '@app/common';
import { hashRegistrationCode, newRegistrationCode, normaliseRegistrationCode, registrationCodeMatches } from './registration-code';
import { requireCodePhone } from './sms-code-policy';

describe('registration codes', () => {
  it('are six digits', () => {
    for (let i = 0; i < 50; i += 1) expect(newRegistrationCode()).toMatch(/^\d{6}$/);
  });

  it('are read with the spaces people copy, and leading zeros kept', () => {
    expect(normaliseRegistrationCode('123 456')).toBe('123456');
    expect(normaliseRegistrationCode(' 042917 ')).toBe('042917');
  });

  it('cannot be anything but six digits', () => {
    for (const input of ['12345', '1234567', 'abcdef', '12345a', '', '１２３４５６']) expect(normaliseRegistrationCode(input)).toBeNull();
    expect(normaliseRegistrationCode(123456 as unknown as string)).toBeNull();
  });

  it('are stored salted, and match only themselves', async () => {
    const stored = await hashRegistrationCode('042917');
    expect(stored).not.toContain('042917');
    expect(await hashRegistrationCode('042917')).not.toBe(stored);
    expect(await registrationCodeMatches('042917', stored)).toBe(true);
    expect(await registrationCodeMatches('042918', stored)).toBe(false);
    expect(await registrationCodeMatches('042917', 'not-a-stored-code')).toBe(false);
  });
});

describe('which phones a code is sent to', () => {
  const refusal = (phone: string, countries: string[]) => {
    try {
      requireCodePhone('phone', phone, countries);
      return null;
    } catch (error) {
      return (error as AppError).code;
    }
  };

  it('a Belgian mobile, by default', () => {
    expect(refusal('+32470123456', ['BE'])).toBeNull();
  });

  it('not a landline (Kortrijk 056), nor a mobile of a country not configured', () => {
    expect(refusal('+3256123456', ['BE'])).toBe(ErrorCode.PHONE_NOT_ALLOWED);
    expect(refusal('+31612345678', ['BE'])).toBe(ErrorCode.PHONE_NOT_ALLOWED);
    expect(refusal('+31612345678', ['BE', 'NL'])).toBeNull();
  });
});
