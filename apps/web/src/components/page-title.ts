import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

/** Every page has its own <title>: "<page> – Oefenkansen Kortrijk". */
export function usePageTitle(title: string | null): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} – ${t.siteName}` : t.siteName;
  }, [title, t.siteName]);
}
