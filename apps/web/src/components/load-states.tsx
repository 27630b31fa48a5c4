import { useI18n } from '../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="status">
      {t.loading}
    </p>
  );
}

export function LoadError(props: { retry(): void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice notice--error">
      <p>{t.loadError}</p>
      <button type="button" onClick={props.retry}>
        {t.retry}
      </button>
    </div>
  );
}
