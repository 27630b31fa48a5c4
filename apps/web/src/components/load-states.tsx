import { GraphQLRequestError } from '../graphql/client';
import type { QueryState } from '../graphql/use-query';
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

/**
 * Whether a query for one thing by id (a session, a series) found nothing: an answer without it,
 * an id that is no id at all (refused as bad input), or NOT_FOUND. To the reader all three are
 * "not found", never an error to retry.
 */
export function isNotFound<Result>(result: QueryState<Result>, found: (data: Result) => unknown): boolean {
  if (result.status === 'done') return !found(result.data);
  return result.error instanceof GraphQLRequestError && (result.error.code === 'BAD_USER_INPUT' || result.error.code === 'NOT_FOUND');
}

export function NotFound(props: { text: string }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>{props.text}</p>
    </>
  );
}
