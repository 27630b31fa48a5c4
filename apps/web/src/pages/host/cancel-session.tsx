import { type FormEvent, useState } from 'react';
import { useFormError } from '../../components/form-error';
import { request } from '../../graphql/client';
import { FORMS } from '../../graphql/form-errors';
import { graphql } from '../../graphql/graphql';
import { useI18n } from '../../i18n/i18n';

const CANCEL_SESSION_MUTATION = graphql(`
  mutation CancelSession($id: ID!, $reason: String) {
    cancelSession(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

/** The API's limit on a cancellation reason. */
const REASON_MAX_LENGTH = 1000;

/**
 * Cancelling takes two steps (open, then confirm with the message), so a stray tap on a phone
 * cannot call off a session. The reason is what every registered person reads in their message.
 */
export function CancelSession(props: { sessionId: string; onCancelled(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const problem = useFormError(FORMS.cancelSession);
  const reasonId = FORMS.cancelSession.fields.reason;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    setBusy(true);
    problem.clear();
    try {
      await request(CANCEL_SESSION_MUTATION, { id: props.sessionId, reason });
      props.onCancelled();
    } catch (caught) {
      problem.show(caught);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="cancel-heading" className="cancel-session">
      <h2 id="cancel-heading">{t.host.cancelHeading}</h2>
      <p>{t.host.cancelIntro}</p>
      {!open ? (
        <button type="button" className="button--danger" onClick={() => setOpen(true)}>
          {t.host.cancelOpen}
        </button>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)}>
          {problem.formError && (
            <p role="alert" className="notice notice--error">
              {problem.formError}
            </p>
          )}
          <div className="field">
            <label htmlFor={reasonId}>{t.host.reason}</label>
            <textarea
              id={reasonId}
              name="reason"
              rows={3}
              required
              maxLength={REASON_MAX_LENGTH}
              autoFocus
              {...problem.fieldProps(reasonId, 'cancel-reason-hint')}
            />
            {problem.fieldError(reasonId)}
            <p id="cancel-reason-hint" className="muted">
              {t.host.reasonHint}
            </p>
          </div>
          <p className="button-row">
            <button type="submit" className="button--danger" disabled={busy}>
              {busy ? t.loading : t.host.cancelConfirm}
            </button>
            <button type="button" className="button--secondary" onClick={() => setOpen(false)}>
              {t.host.keep}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
