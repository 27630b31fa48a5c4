import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useStaffI18n } from '../staff-strings';

/** Loading, a failure with a retry button, or the data: the same three states on every staff page. */
export function QueryStatus<Result>(props: { query: UseQueryResult<Result>; children: (data: Result) => ReactNode }) {
  const { s } = useStaffI18n();
  const { query } = props;
  if (query.data !== undefined) return <>{props.children(query.data)}</>;
  if (query.isError)
    return (
      <div role="alert" className="notice notice--error">
        <p>{s.common.loadError}</p>
        <button type="button" onClick={() => void query.refetch()}>
          {s.common.retry}
        </button>
      </div>
    );
  return (
    <p role="status" className="status">
      {s.common.loading}
    </p>
  );
}
