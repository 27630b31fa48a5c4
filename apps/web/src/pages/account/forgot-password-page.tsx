import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { useFormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { request } from '../../graphql/client';
import { FORMS } from '../../graphql/form-errors';
import { graphql } from '../../graphql/graphql';
import { useI18n } from '../../i18n/i18n';

const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const EMAIL_ID = FORMS.forgotPassword.fields.email;

/** /forgot-password — asks for a reset mail; the answer is the same whether the address has an account or not. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const problem = useFormError(FORMS.forgotPassword);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  usePageTitle(t.accountRecovery.forgotTitle);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email')).trim();
    problem.clear();
    setBusy(true);
    try {
      await request(REQUEST_PASSWORD_RESET, { email });
      setSent(true);
    } catch (caught) {
      problem.show(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t.accountRecovery.forgotTitle}</h1>
      {sent ? (
        <>
          <p role="status" className="notice notice--ok">
            {t.accountRecovery.linkSent}
          </p>
          <p>
            <Link href="/login">{t.accountRecovery.toLogin}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t.accountRecovery.forgotIntro}</p>
          <form className="form" onSubmit={(event) => void submit(event)}>
            {problem.formError && (
              <p role="alert" className="notice notice--error">
                {problem.formError}
              </p>
            )}
            <div className="field">
              <label htmlFor={EMAIL_ID}>{t.account.email}</label>
              <input id={EMAIL_ID} name="email" type="email" autoComplete="username" required maxLength={254} {...problem.fieldProps(EMAIL_ID)} />
              {problem.fieldError(EMAIL_ID)}
            </div>
            <p>
              <button type="submit" disabled={busy}>
                {busy ? t.loading : t.accountRecovery.sendLink}
              </button>
            </p>
          </form>
        </>
      )}
    </>
  );
}
