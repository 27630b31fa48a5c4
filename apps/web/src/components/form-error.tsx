import { useCallback, useEffect, useState } from 'react';
import { type ErrorSentence, explainError, type FormSpec, sayError } from '../graphql/form-errors';
import { useI18n } from '../i18n/i18n';

export interface FormErrorState {
  /** Shows the error the API answered (or the network failure): next to its field, or above the form. */
  show(error: unknown): void;
  clear(): void;
  /** Whether an error is shown, above the form or at a field. */
  active: boolean;
  /** The sentence about the whole form, null when there is none or it is about a field. */
  formError: string | null;
  /** Props for an input: marked invalid and described by its sentence when it is the wrong one. */
  fieldProps(id: string, hintId?: string): { 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** The sentence under an input, when it is about that input. */
  fieldError(id: string): React.ReactNode;
}

/**
 * A form's refusals in the reader's language (graphql/form-errors.ts), kept as a sentence rather
 * than as text, so switching the language rewrites it. The wrong field takes the focus.
 */
export function useFormError(form: FormSpec): FormErrorState {
  const i18n = useI18n();
  const [sentence, setSentence] = useState<ErrorSentence | null>(null);
  const show = useCallback((error: unknown) => setSentence(explainError(error, form)), [form]);
  const clear = useCallback(() => setSentence(null), []);

  useEffect(() => {
    if (sentence?.fieldId) document.getElementById(sentence.fieldId)?.focus();
  }, [sentence]);

  const text = sentence ? sayError(sentence, i18n) : null;
  const wrong = (id: string) => sentence?.fieldId === id;
  return {
    show,
    clear,
    active: sentence !== null,
    formError: sentence && !sentence.fieldId ? text : null,
    fieldProps: (id, hintId) => {
      const describedBy = [wrong(id) ? `${id}-error` : null, hintId ?? null].filter(Boolean).join(' ');
      return { ...(wrong(id) ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
    },
    fieldError: (id) =>
      wrong(id) ? (
        <p id={`${id}-error`} className="field-error">
          {text}
        </p>
      ) : null,
  };
}
