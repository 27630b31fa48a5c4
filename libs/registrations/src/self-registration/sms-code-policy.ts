import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { AppError, ErrorCode } from '@app/common';

/** Hour over which the code SMS budget (SMS_CODE_BUDGET_PER_HOUR) is counted. */
export const SMS_CODE_BUDGET_WINDOW_MS = 60 * 60_000;

/**
 * Codes go only to mobile numbers of the configured countries (SMS_CODE_COUNTRIES, Belgium by
 * default): anyone may ask for a code, and each one is a text message we pay for, so a number
 * abroad (premium routes, "SMS pumping") or a landline is refused before anything is sent.
 * Needs the full metadata ("max") of libphonenumber-js: the default one cannot tell a mobile.
 */
export function requireCodePhone(field: string, phone: string, countries: readonly string[]): void {
  const parsed = parsePhoneNumberWithError(phone);
  const type = parsed.getType();
  const mobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  if (parsed.country && countries.includes(parsed.country) && mobile) return;
  throw new AppError(
    ErrorCode.PHONE_NOT_ALLOWED,
    `${field}: codes are sent only to mobile numbers of ${countries.join(', ')}; ask the organisers to register you`,
    { field, countries: [...countries] },
  );
}
