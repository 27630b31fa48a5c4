import { usePageTitle } from '../../components/page-title';
import { useI18n } from '../../i18n/i18n';

/** Placeholder until the people area's account pages land. */
export function ForgotPasswordPage(props: { token?: string }) {
  const { t } = useI18n();
  usePageTitle(t.siteName);
  return <h1 data-token={props.token}>{t.siteName}</h1>;
}
