import { Link } from 'wouter';
import { usePageTitle } from '../components/page-title';
import { useI18n } from '../i18n/i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t.notFound.title);
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.text}</p>
      <p>
        <Link href="/">{t.notFound.home}</Link>
      </p>
    </>
  );
}
