import { homeOf } from '../../auth/auth';
import { SIGN_IN_ANSWER, signedInFrom, writeSignedIn } from '../../auth/signed-in';
import { usePageTitle } from '../../components/page-title';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { useI18n } from '../../i18n/i18n';
import { SetPasswordForm } from './set-password-form';

const ACCEPT_INVITATION = graphql(
  `
    mutation AcceptInvitation($token: String!, $password: String!) {
      acceptInvitation(token: $token, password: $password) {
        ...SignInAnswer
      }
    }
  `,
  [SIGN_IN_ANSWER],
);

/** /invitation/:token — the link of the invitation mail: the new user chooses a password and is signed in. */
export function AcceptInvitationPage(props: { token?: string }) {
  const { t } = useI18n();
  usePageTitle(t.accountRecovery.inviteTitle);
  const save = async (password: string) => {
    const { acceptInvitation } = await request(ACCEPT_INVITATION, { token: props.token ?? '', password });
    const user = signedInFrom(acceptInvitation);
    writeSignedIn(user);
    // A fresh load, so every part of the app starts from the signed-in user.
    window.location.replace(homeOf(user));
  };
  return (
    <>
      <h1>{t.accountRecovery.inviteTitle}</h1>
      <p>{t.accountRecovery.inviteIntro}</p>
      <SetPasswordForm save={save} />
    </>
  );
}
