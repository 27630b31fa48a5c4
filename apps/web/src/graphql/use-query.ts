import type { TadaDocumentNode } from 'gql.tada';
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from './client';

export type QueryState<Result> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: Error }
  | { status: 'done'; data: Result; error?: undefined };

/**
 * Runs a query when the component mounts and whenever its variables change (compared by value),
 * cancelling the request in flight. `retry` runs it again (after an error, or to refresh after a
 * change): the data already shown stays until the new answer arrives.
 */
export function useQuery<Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables: Variables): QueryState<Result> & { retry(): void } {
  const [state, setState] = useState<QueryState<Result>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  const shownKey = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    if (shownKey.current !== key) setState({ status: 'loading' });
    shownKey.current = key;
    request(document, JSON.parse(key) as Variables, controller.signal).then(
      (data) => setState({ status: 'done', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [document, key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
