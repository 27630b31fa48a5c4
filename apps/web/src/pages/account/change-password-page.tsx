import { useState } from 'react';
import { SIGN_IN_ANSWER, signedInFrom, writeSignedIn } from '../../auth/signed-in';
import { usePageTitle } from '../../components/page-title';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { useI18n } from '../../i18n/i18n';
import { SetPasswordForm } from './set-password-form';

const CHANGE_PASSWORD = graphql(
  `
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
      changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
        ...SignInAnswer
      }
    }
  `,
  [SIGN_IN_ANSWER],
);

/**
 * /account — a signed-in user changes their password. The API revokes every older token and
 * answers a fresh one: this tab keeps working with it, other devices have to sign in again.
 */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  usePageTitle(t.accountRecovery.changeTitle);
  return (
    <>
      <h1>{t.accountRecovery.changeTitle}</h1>
      {done ? (
        <p role="status" className="notice notice--ok">
          {t.accountRecovery.changed}
        </p>
      ) : (
        <>
          <p>{t.accountRecovery.changeIntro}</p>
          <SetPasswordForm
            askCurrent
            save={async (newPassword, currentPassword) => {
              const { changePassword } = await request(CHANGE_PASSWORD, { currentPassword, newPassword });
              writeSignedIn(signedInFrom(changePassword));
              setDone(true);
            }}
          />
        </>
      )}
    </>
  );
}
