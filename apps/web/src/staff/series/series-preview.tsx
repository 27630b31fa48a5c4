import { useEffect, useState } from 'react';
import { GraphQLRequestError } from '../../graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { QueryStatus } from '../ui/query-status';

const PREVIEW_QUERY = graphql(`
  query StaffSeriesPreview($input: CreateSessionSeriesInput!) {
    previewSessionSeries(input: $input) {
      startsAt
      endsAt
      skippedBecause {
        label
        kind
      }
    }
  }
`);

export type SeriesInput = VariablesOf<typeof PREVIEW_QUERY>['input'];
type PreviewDate = ResultOf<typeof PREVIEW_QUERY>['previewSessionSeries'][number];

const ZONE = 'Europe/Brussels';
/** How long typing may pause before the preview asks the API again. */
const SETTLE_MS = 400;

function useSettled<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), SETTLE_MS);
    return () => clearTimeout(timer);
    // The key stands for the value: a new object with the same fields is no change.
  }, [key]);
  return settled;
}

/**
 * The dates a series would get, grouped by month, each created date and each skipped one with its
 * reason, computed by the API from the same code that saves it. `input` is null while the form is
 * not complete enough to ask.
 */
export function SeriesPreview(props: { input: SeriesInput | null }) {
  const { s } = useStaffI18n();
  const input = useSettled(props.input);
  const preview = useStaffQuery(PREVIEW_QUERY, { input: input as SeriesInput }, { enabled: input !== null });
  return (
    <section className="series-preview" aria-labelledby="series-preview-title" aria-busy={preview.isFetching || undefined}>
      <h2 id="series-preview-title">{s.series.preview.title}</h2>
      {input === null ? (
        <p className="notice">{s.series.preview.incomplete}</p>
      ) : preview.error instanceof GraphQLRequestError && preview.error.code ? (
        <p role="alert" className="notice notice--error">
          {s.series.preview.refused}
        </p>
      ) : (
        <QueryStatus query={preview}>{(data) => <PreviewMonths dates={data.previewSessionSeries} />}</QueryStatus>
      )}
    </section>
  );
}

function PreviewMonths(props: { dates: readonly PreviewDate[] }) {
  const { s, format, language } = useStaffI18n();
  const { dates } = props;
  const month = new Intl.DateTimeFormat(language, { timeZone: ZONE, month: 'long', year: 'numeric' });
  const day = new Intl.DateTimeFormat(language, { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short' });
  const time = new Intl.DateTimeFormat(language, { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const groups = new Map<string, PreviewDate[]>();
  for (const date of dates) {
    const key = month.format(new Date(date.startsAt));
    groups.set(key, [...(groups.get(key) ?? []), date]);
  }
  const created = dates.filter((d) => !d.skippedBecause).length;
  const skipped = dates.length - created;
  return (
    <>
      <p id="series-preview-summary" role="status" className={created === 0 ? 'notice notice--error' : 'notice'}>
        {created === 0 ? s.series.preview.none : format(s.series.preview.summary, { created, skipped })}
      </p>
      {[...groups.entries()].map(([name, monthDates]) => (
        <div key={name} className="series-preview__month">
          <h3>{name}</h3>
          <ul>
            {monthDates.map((date) => (
              <li
                key={date.startsAt}
                className={date.skippedBecause ? 'series-preview__date series-preview__date--skipped' : 'series-preview__date'}
                data-skipped={date.skippedBecause ? 'true' : undefined}
              >
                <span className="series-preview__when">
                  {day.format(new Date(date.startsAt))}, {time.format(new Date(date.startsAt))}–{time.format(new Date(date.endsAt))}
                </span>{' '}
                {date.skippedBecause ? (
                  <span className="series-preview__reason">
                    {format(s.series.preview.skipped, { label: date.skippedBecause.label, kind: s.series.closureKinds[date.skippedBecause.kind] })}
                  </span>
                ) : (
                  <span className="series-preview__created">{s.series.preview.created}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
