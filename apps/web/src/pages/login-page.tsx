import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { homeOf, useAuth } from '../auth/auth';
import { useFormError } from '../components/form-error';
import { usePageTitle } from '../components/page-title';
import { FORMS } from '../graphql/form-errors';
import { useI18n } from '../i18n/i18n';

/** Only paths of this app: a crafted ?next=https://elsewhere must not send anyone away. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useAuth();
  const [, navigate] = useLocation();
  const [searchParams] = useSearchParams();
  const problem = useFormError(FORMS.login);
  const [busy, setBusy] = useState(false);
  usePageTitle(t.account.loginTitle);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    problem.clear();
    try {
      const user = await login(String(form.get('email')), String(form.get('password')));
      navigate(safeNext(searchParams.get('next')) ?? homeOf(user), { replace: true });
    } catch (caught) {
      problem.show(caught);
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t.account.loginTitle}</h1>
      <p>{t.account.loginIntro}</p>
      <form className="form" onSubmit={(event) => void submit(event)}>
        {problem.formError && (
          <p role="alert" className="notice notice--error">
            {problem.formError}
          </p>
        )}
        <div className="field">
          <label htmlFor="email">{t.account.email}</label>
          <input id={FORMS.login.fields.email} name="email" type="email" autoComplete="username" required {...problem.fieldProps(FORMS.login.fields.email)} />
          {problem.fieldError(FORMS.login.fields.email)}
        </div>
        <div className="field">
          <label htmlFor="password">{t.account.password}</label>
          <input
            id={FORMS.login.fields.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            {...problem.fieldProps(FORMS.login.fields.password)}
          />
          {problem.fieldError(FORMS.login.fields.password)}
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {busy ? t.loading : t.account.login}
          </button>
        </p>
      </form>
      <p>
        <Link href="/forgot-password">{t.accountRecovery.forgotLink}</Link>
      </p>
    </>
  );
}
