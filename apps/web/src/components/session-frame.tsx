import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { QueryState } from '../graphql/use-query';
import { useI18n } from '../i18n/i18n';
import { isNotFound, LoadError, Loading, NotFound } from './load-states';

/** Whether a session query found nothing (or was given an id that is no session id). */
export function sessionNotFound(result: QueryState<{ session: unknown }>): boolean {
  return isNotFound(result, (data) => data.session);
}

/** The frame of a page about one session: a way back, then loading, "not found", an error to retry, or the page itself. */
export function SessionFrame<S>(props: {
  back: { href: string; label: string };
  result: QueryState<{ session: S | null }> & { retry(): void };
  children: (session: S) => ReactNode;
}) {
  const { t } = useI18n();
  const { result } = props;
  const session = result.status === 'done' ? result.data.session : null;
  return (
    <>
      <p className="back-link">
        <Link href={props.back.href}>{props.back.label}</Link>
      </p>
      {result.status === 'loading' && <Loading />}
      {sessionNotFound(result) ? (
        <NotFound text={t.session.notFound} />
      ) : (
        <>
          {result.status === 'error' && <LoadError retry={result.retry} />}
          {session && props.children(session)}
        </>
      )}
    </>
  );
}
