import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { GraphQLRequestError } from '../graphql/client';
import type { QueryState } from '../graphql/use-query';
import { useI18n } from '../i18n/i18n';
import { LoadError, Loading } from './load-states';

/**
 * Whether a session query found nothing. An id that is no session at all (not a uuid) is refused
 * as bad input: to a visitor, both are "not found".
 */
export function sessionNotFound(result: QueryState<{ session: unknown }>): boolean {
  return (result.status === 'done' && !result.data.session) || (result.error instanceof GraphQLRequestError && result.error.code === 'BAD_USER_INPUT');
}

/** The frame of a page about one session: a way back, then loading, "not found", an error to retry, or the page itself. */
export function SessionFrame<S>(props: { back: { href: string; label: string }; result: QueryState<{ session: S | null }> & { retry(): void }; children: (session: S) => ReactNode }) {
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
        <>
          <h1>{t.notFound.title}</h1>
          <p>{t.session.notFound}</p>
        </>
      ) : (
        <>
          {result.status === 'error' && <LoadError retry={result.retry} />}
          {session && props.children(session)}
        </>
      )}
    </>
  );
}
