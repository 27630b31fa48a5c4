import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { useFormError } from '../../components/form-error';
import { FORMS } from '../../graphql/form-errors';
import { useI18n } from '../../i18n/i18n';

/** The API's rule (MIN_PASSWORD_LENGTH in @app/auth), checked here first so the reader hears it at once. */
export const MIN_PASSWORD_LENGTH = 12;

const ids = FORMS.changePassword.fields;

/**
 * A new password typed twice, with the rule shown. Checked here (length, the two the same), then
 * by the API: a dead link is said above the form with the way to a new one. With `askCurrent`
 * (the account page) the current password comes first and goes to save as the second argument.
 */
export function SetPasswordForm(props: { askCurrent?: boolean; save(password: string, currentPassword: string): Promise<void> }) {
  const { t } = useI18n();
  const problem = useFormError(props.askCurrent ? FORMS.changePassword : FORMS.setPassword);
  const [local, setLocal] = useState<{ field: 'password' | 'repeat'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const linkDead = problem.formError === t.accountRecovery.linkDead;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    problem.clear();
    if (password.length < MIN_PASSWORD_LENGTH) return showLocal('password', t.accountRecovery.tooShort);
    if (password !== String(form.get('repeat'))) return showLocal('repeat', t.accountRecovery.notSame);
    setLocal(null);
    setBusy(true);
    try {
      await props.save(password, String(form.get('current') ?? ''));
    } catch (caught) {
      problem.show(caught);
      setBusy(false);
    }
  };
  const showLocal = (field: 'password' | 'repeat', text: string) => {
    setLocal({ field, text });
    document.getElementById(field === 'password' ? ids.newPassword : 'repeat-password')?.focus();
  };
  const localProps = (field: 'password' | 'repeat', id: string) =>
    local?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-local-error${field === 'password' ? ' password-rules' : ''}` } : {};

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      {problem.formError && (
        <div role="alert" className="notice notice--error">
          <p>{problem.formError}</p>
          {linkDead && (
            <p>
              <Link href="/forgot-password">{t.accountRecovery.askNewLink}</Link>
            </p>
          )}
        </div>
      )}
      {props.askCurrent && (
        <div className="field">
          <label htmlFor={ids.currentPassword}>{t.accountRecovery.currentPassword}</label>
          <input
            id={ids.currentPassword}
            name="current"
            type="password"
            autoComplete="current-password"
            required
            maxLength={1024}
            {...problem.fieldProps(ids.currentPassword)}
          />
          {problem.fieldError(ids.currentPassword)}
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.newPassword}>{t.accountRecovery.newPassword}</label>
        <input
          id={ids.newPassword}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={256}
          {...(local?.field === 'password' ? localProps('password', ids.newPassword) : problem.fieldProps(ids.newPassword, 'password-rules'))}
        />
        <p id="password-rules" className="muted">
          {t.accountRecovery.passwordRules}
        </p>
        {local?.field === 'password' ? (
          <p id={`${ids.newPassword}-local-error`} className="field-error">
            {local.text}
          </p>
        ) : (
          problem.fieldError(ids.newPassword)
        )}
      </div>
      <div className="field">
        <label htmlFor="repeat-password">{t.accountRecovery.repeatPassword}</label>
        <input
          id="repeat-password"
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          maxLength={256}
          {...localProps('repeat', 'repeat-password')}
        />
        {local?.field === 'repeat' && (
          <p id="repeat-password-local-error" className="field-error">
            {local.text}
          </p>
        )}
      </div>
      <p>
        <button type="submit" disabled={busy}>
          {busy ? t.loading : t.accountRecovery.savePassword}
        </button>
      </p>
    </form>
  );
}
