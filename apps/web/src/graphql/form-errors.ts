// Relative, not @translations: the root typecheck (tests) reads this file too and knows no web aliases.
import type { ErrorCode } from '../../../../libs/common/src/error-code';
import type { PluralForms, UiStrings } from '../../../../libs/messaging/src/templates/ui-strings';

/**
 * The one mapping from what the API refuses (extensions.code × extensions.field) to a sentence of
 * the catalogues, used by every form: no API message (English, technical) ever reaches a reader.
 * A sentence about a field is shown next to that field; the rest above the form. No React here,
 * so the unit spec can walk every code × field of every form in every language.
 */
export type ApiErrorCode = `${ErrorCode}`;

/** What the forms need of a GraphQLRequestError (graphql/client.ts). */
export interface ApiError {
  code: string | undefined;
  extensions: Record<string, unknown>;
}

/** One piece of a sentence: a catalogue string, with the count (an ICU plural on {count}) or the values it needs. */
export interface Part {
  text(t: UiStrings): string | PluralForms;
  count?: number;
  values?: Record<string, string | number>;
}

export interface ErrorSentence {
  /** Said one after the other ("Too many tries." "Try again in 2 minutes."). */
  parts: Part[];
  /** The id of the input the sentence is about; null: about the whole form. */
  fieldId: string | null;
}

export interface FormSpec {
  /** Each field the API may name (extensions.field) → the id of the input that shows it. */
  fields: Readonly<Record<string, string>>;
  /** Codes this form says in its own words (reading the error's extensions if need be); null: the general rule. */
  codes?: Partial<Record<ApiErrorCode, (error: ApiError) => Part[] | null>>;
  /** When nothing else fits: no answer from the API, or an unexpected fault. */
  fallback(t: UiStrings): string;
}

/** childrenDetails.<i>.firstName / age / school → the inputs of the i-th child of a form that lists children (the zomerschool). */
export function listedChildFields(prefix: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let index = 0; index < 10; index += 1)
    for (const [field, id] of [
      ['firstName', 'first-name'],
      ['age', 'age'],
      ['school', 'school'],
    ])
      fields[`childrenDetails.${index}.${field}`] = `${prefix}-${index}-${id}`;
  return fields;
}

const part = (text: Part['text'], extra: Omit<Part, 'text'> = {}): Part => ({ text, ...extra });

/** "Try again in 40 seconds" under two minutes, else whole minutes rounded up. */
export function waitPart(retryAfterSeconds: unknown): Part {
  const seconds = typeof retryAfterSeconds === 'number' && Number.isFinite(retryAfterSeconds) ? Math.max(1, Math.ceil(retryAfterSeconds)) : null;
  if (seconds === null) return part((t) => t.formErrors.tryLater);
  return seconds < 120 ? part((t) => t.formErrors.waitSeconds, { count: seconds }) : part((t) => t.formErrors.waitMinutes, { count: Math.ceil(seconds / 60) });
}

/** By the field's last name ("participant.phone" → phone): the same kind of field reads the same everywhere. */
const FIELD_SENTENCES: Record<string, Part['text']> = {
  firstName: (t) => t.formErrors.firstName,
  lastName: (t) => t.formErrors.lastName,
  phone: (t) => t.formErrors.phone,
  email: (t) => t.formErrors.email,
  preferredLanguage: (t) => t.formErrors.language,
  contactChannel: (t) => t.formErrors.contactChannel,
  reason: (t) => t.formErrors.reason,
  code: (t) => t.formErrors.code,
  from: (t) => t.formErrors.date,
  to: (t) => t.formErrors.date,
  plotId: (t) => t.formErrors.choice,
  startsAt: (t) => t.formErrors.choice,
  children: (t) => t.formErrors.childrenCount,
  childrenDetails: (t) => t.formErrors.childrenList,
  age: (t) => t.formErrors.childAge,
};

function fieldSentence(field: string): Part['text'] {
  const kind = field.slice(field.lastIndexOf('.') + 1);
  return Object.prototype.hasOwnProperty.call(FIELD_SENTENCES, kind) ? FIELD_SENTENCES[kind] : (t) => t.formErrors.field;
}

/**
 * What each code means to a reader, whatever the form. null: nothing a reader can act on beyond
 * "try again later" (the form's fallback). BAD_USER_INPUT goes by field (explainError).
 */
const CODE_SENTENCES: Record<ApiErrorCode, (error: ApiError) => Part[] | null> = {
  BAD_USER_INPUT: () => [part((t) => t.formErrors.form)],
  UNAUTHENTICATED: () => [part((t) => t.formErrors.unauthenticated)],
  FORBIDDEN: () => [part((t) => t.formErrors.forbidden)],
  NOT_FOUND: () => [part((t) => t.formErrors.notFound)],
  CONFLICT: () => [part((t) => t.formErrors.conflict)],
  ALREADY_REGISTERED: () => [part((t) => t.formErrors.alreadyRegistered)],
  SESSION_CANCELLED: () => [part((t) => t.formErrors.sessionCancelled)],
  SESSION_IN_PAST: () => [part((t) => t.formErrors.sessionInPast)],
  STAND_UNAVAILABLE: () => [part((t) => t.festival.errorTakenNow)],
  OUTSIDE_OPENING_HOURS: () => [part((t) => t.festival.errorHours)],
  DEADLINE_PASSED: () => [part((t) => t.festival.errorDeadline)],
  STAND_LIMIT_REACHED: (error) => [part((t) => t.festival.errorLimit, { values: { limit: Number(error.extensions.limit) || 1 } })],
  SHIFT_FULL: () => [part((t) => t.formErrors.full)],
  VOLUNTEER_UNAVAILABLE: () => [part((t) => t.volunteer.unavailable)],
  // No public form plans at a venue; should one, a venue deactivated meanwhile is gone for its reader.
  DEACTIVATED: () => [part((t) => t.formErrors.notFound)],
  // Only the staff's broadcast sends a text of its writer's; no public form meets it.
  SMS_TOO_LONG: () => [part((t) => t.formErrors.tooLong)],
  BAD_REQUEST: () => null,
  PAYLOAD_TOO_LARGE: () => [part((t) => t.formErrors.tooLong)],
  TOO_MANY_REQUESTS: (error) => [part((t) => t.formErrors.tooMany), waitPart(error.extensions.retryAfter)],
  PHONE_NOT_ALLOWED: () => [part((t) => t.formErrors.phoneNotAllowed)],
  TEMPORARILY_UNAVAILABLE: () => [part((t) => t.formErrors.temporarilyUnavailable)],
  // Only the back office matches trajectories (its own words); should a public form, its reader cannot lift the screening rule.
  ORGANISATION_NOT_SCREENED: () => [part((t) => t.formErrors.forbidden)],
  VOLUNTEER_NOT_SCREENED: () => [part((t) => t.formErrors.forbidden)],
  // Only the host's walk-in form meets it.
  WALK_IN_CLOSED: () => [part((t) => t.walkIn.closed)],
  INTERNAL_SERVER_ERROR: () => null,
};

function apiErrorOf(error: unknown): ApiError | null {
  if (typeof error !== 'object' || error === null || !('extensions' in error) || !('code' in error)) return null;
  const { code, extensions } = error as { code: unknown; extensions: unknown };
  return {
    code: typeof code === 'string' ? code : undefined,
    extensions: typeof extensions === 'object' && extensions !== null ? (extensions as Record<string, unknown>) : {},
  };
}

const isKnownCode = (code: string): code is ApiErrorCode => Object.prototype.hasOwnProperty.call(CODE_SENTENCES, code);

/** The sentence for an error a form received, and the input it belongs next to. */
export function explainError(error: unknown, form: FormSpec): ErrorSentence {
  const fallback: ErrorSentence = { parts: [part(form.fallback)], fieldId: null };
  const api = apiErrorOf(error);
  if (!api?.code) return fallback;
  const field = typeof api.extensions.field === 'string' ? api.extensions.field : null;
  const fieldId = field !== null && Object.prototype.hasOwnProperty.call(form.fields, field) ? form.fields[field] : null;
  const own = isKnownCode(api.code) ? form.codes?.[api.code]?.(api) : undefined;
  if (own) return { parts: own, fieldId };
  if (api.code === 'BAD_USER_INPUT' && field !== null && fieldId !== null) return { parts: [part(fieldSentence(field))], fieldId };
  const generic = isKnownCode(api.code) ? CODE_SENTENCES[api.code](api) : null;
  return generic ? { parts: generic, fieldId } : fallback;
}

/** What the page needs to write a sentence: the language's strings, placeholders, plural rules. */
export interface Writer {
  t: UiStrings;
  format(template: string, values?: Record<string, string | number>): string;
  plural(forms: PluralForms, count: number): string;
}

export function sayError(sentence: ErrorSentence, writer: Writer): string {
  return sentence.parts
    .map(({ text, count, values }) => {
      const chosen = text(writer.t);
      // A part with a count is an ICU plural on {count}.
      return count === undefined ? writer.format(chosen, values) : writer.plural(chosen, count);
    })
    .join(' ');
}

/**
 * Every form of the web app, with the fields the API names in its errors. The pages take their
 * input ids from here, so the spec's walk over code × field covers what the forms can show.
 */
export const FORMS = {
  login: {
    fields: { email: 'email', password: 'password' },
    codes: {
      UNAUTHENTICATED: (error) => [
        part((t) => t.account.wrongLogin),
        ...(error.extensions.retryAfter === undefined ? [] : [waitPart(error.extensions.retryAfter)]),
      ],
      TOO_MANY_REQUESTS: (error) => [part((t) => t.formErrors.lockedOut), waitPart(error.extensions.retryAfter)],
    },
    fallback: (t) => t.loadError,
  },
  /** The invitation and reset pages: a dead link is said above the form (with a way to a new one), a refused password at the field. */
  setPassword: {
    fields: { password: 'new-password' },
    codes: {
      BAD_USER_INPUT: (error) => [part((t) => (error.extensions.field === 'token' ? t.accountRecovery.linkDead : t.accountRecovery.tooShort))],
    },
    fallback: (t) => t.loadError,
  },
  /** The account page: the current password checked by the API, a new one that must differ from it. */
  changePassword: {
    fields: { currentPassword: 'current-password', newPassword: 'new-password' },
    codes: {
      BAD_USER_INPUT: (error) => [part((t) => (error.extensions.field === 'currentPassword' ? t.accountRecovery.wrongCurrent : t.accountRecovery.mustDiffer))],
      TOO_MANY_REQUESTS: (error) => [part((t) => t.formErrors.lockedOut), waitPart(error.extensions.retryAfter)],
    },
    fallback: (t) => t.loadError,
  },
  forgotPassword: {
    fields: { email: 'forgot-email' },
    codes: { TOO_MANY_REQUESTS: (error) => [part((t) => t.formErrors.tooMany), waitPart(error.extensions.retryAfter)] },
    fallback: (t) => t.loadError,
  },
  registerParent: {
    fields: {
      'participant.firstName': 'parent-first-name',
      'participant.lastName': 'parent-last-name',
      'participant.phone': 'parent-phone',
      'participant.preferredLanguage': 'parent-language',
      'participant.contactChannel': 'parent-contact',
      children: 'parent-children',
      childrenDetails: 'parent-children-list',
      ...listedChildFields('parent-child'),
    },
    fallback: (t) => t.loadError,
  },
  newcomerDetails: {
    fields: { firstName: 'newcomer-first-name', phone: 'newcomer-phone', preferredLanguage: 'newcomer-language' },
    codes: {
      ALREADY_REGISTERED: () => [part((t) => t.newcomer.alreadyRegistered)],
      SESSION_IN_PAST: () => [part((t) => t.newcomer.closed)],
      SESSION_CANCELLED: () => [part((t) => t.newcomer.closed)],
    },
    fallback: (t) => t.loadError,
  },
  newcomerCode: {
    fields: { code: 'newcomer-code' },
    codes: {
      BAD_USER_INPUT: (error) => {
        const left = error.extensions.attemptsLeft;
        if (typeof left !== 'number') return [part((t) => t.formErrors.code)];
        return left > 0 ? [part((t) => t.newcomer.wrongCode, { values: { count: left } })] : [part((t) => t.newcomer.newCodeNeeded)];
      },
      CONFLICT: () => [part((t) => t.newcomer.newCodeNeeded)],
      ALREADY_REGISTERED: () => [part((t) => t.newcomer.alreadyRegistered)],
      SESSION_IN_PAST: () => [part((t) => t.newcomer.closed)],
      SESSION_CANCELLED: () => [part((t) => t.newcomer.closed)],
    },
    fallback: (t) => t.loadError,
  },
  /** The host's "add walk-in" form: the name, phone and language of a named one, the children of any. */
  walkIn: {
    fields: {
      'participant.firstName': 'walk-in-first-name',
      'participant.phone': 'walk-in-phone',
      'participant.preferredLanguage': 'walk-in-language',
      preferredLanguage: 'walk-in-language',
      children: 'walk-in-children',
    },
    codes: {
      // Children are only asked here; every other field reads as on the other forms.
      BAD_USER_INPUT: (error) => (error.extensions.field === 'children' ? [part((t) => t.walkIn.childrenError)] : null),
    },
    fallback: (t) => t.loadError,
  },
  cancelSession: {
    fields: { reason: 'cancel-reason' },
    codes: { SESSION_IN_PAST: () => [part((t) => t.host.tooLate)] },
    fallback: (t) => t.loadError,
  },
  /**
   * A stand asked for, confirmed, refused, moved or cancelled: the slot's details of a refusal are
   * told by festival/stand-errors.ts, the rest here. The small forms close after each try, so
   * everything is said above the plan.
   */
  standRequest: { fields: {}, fallback: (t) => t.loadError },
  volunteerSignUp: {
    fields: {},
    codes: { SHIFT_FULL: () => [part((t) => t.volunteer.shiftFull)] },
    fallback: (t) => t.loadError,
  },
  volunteerDrop: {
    fields: {},
    codes: { SESSION_IN_PAST: () => [part((t) => t.volunteer.tooLate)] },
    fallback: (t) => t.loadError,
  },
  /** Asking a colleague to take over a shift (swapShift by the volunteer who holds it). */
  shiftSwapAsk: {
    fields: {},
    codes: { VOLUNTEER_UNAVAILABLE: () => [part((t) => t.shiftSwap.cannotAsk)], CONFLICT: () => [part((t) => t.shiftSwap.noLongerOpen)] },
    fallback: (t) => t.loadError,
  },
  /** Taking over a colleague's shift: the API checks again that it fits now. */
  shiftSwapAccept: {
    fields: {},
    codes: { VOLUNTEER_UNAVAILABLE: () => [part((t) => t.shiftSwap.cannotAccept)], CONFLICT: () => [part((t) => t.shiftSwap.noLongerOpen)] },
    fallback: (t) => t.loadError,
  },
  /** Declining a question, or withdrawing one's own. */
  shiftSwapAnswer: { fields: {}, codes: { CONFLICT: () => [part((t) => t.shiftSwap.noLongerOpen)] }, fallback: (t) => t.loadError },
  coordinatorResend: { fields: {}, fallback: (t) => t.loadError },
  /** The CSV downloads: the period is chosen in the filter above, already checked by the reports shown. */
  coordinatorDownload: { fields: {}, fallback: (t) => t.loadError },
  /** The buttons of a personal link's page (/r/<token>); afterwards the page shows the registration as it is now. */
  selfService: {
    fields: {},
    codes: {
      SESSION_IN_PAST: () => [part((t) => t.selfService.tooLate)],
      SESSION_CANCELLED: () => [part((t) => t.selfService.statusSessionCancelled)],
      CONFLICT: () => [part((t) => t.selfService.changed)],
      // The link died meanwhile (revoked with its registration, or its session is over).
      NOT_FOUND: () => [part((t) => t.selfService.deadLinkText)],
      // The registration is no longer what the page showed (nothing to confirm, no offer to decline).
      BAD_USER_INPUT: () => [part((t) => t.selfService.changed)],
    },
    fallback: (t) => t.loadError,
  },
} satisfies Record<string, FormSpec>;

export type FormName = keyof typeof FORMS;
