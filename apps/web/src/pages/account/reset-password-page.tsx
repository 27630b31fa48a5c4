import { useState } from 'react';
import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { useI18n } from '../../i18n/i18n';
import { SetPasswordForm } from './set-password-form';

const RESET_PASSWORD = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }
`);

/** /reset-password/:token — the link of the reset mail: a new password, then signing in with it. */
export function ResetPasswordPage(props: { token?: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  usePageTitle(t.accountRecovery.resetTitle);
  return (
    <>
      <h1>{t.accountRecovery.resetTitle}</h1>
      {done ? (
        <>
          <p role="status" className="notice notice--ok">
            {t.accountRecovery.passwordChanged}
          </p>
          <p>
            <Link href="/login">{t.accountRecovery.toLogin}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t.accountRecovery.resetIntro}</p>
          <SetPasswordForm
            save={async (password) => {
              await request(RESET_PASSWORD, { token: props.token ?? '', password });
              setDone(true);
            }}
          />
        </>
      )}
    </>
  );
}
