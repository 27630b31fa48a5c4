import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { isNotFound, LoadError, Loading, NotFound } from '../../components/load-states';
import { usePageTitle } from '../../components/page-title';
import { Seats } from '../../components/seats';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useI18n } from '../../i18n/i18n';
import { closureRuns } from '../../staff/series/closure-runs';
import { addDays, brusselsDay } from '../../time';

const SERIES_QUERY = graphql(`
  query CoordinatorSeries($id: ID!) {
    sessionSeries(id: $id) {
      id
      title
      skipSchoolHolidays
      programme {
        name
      }
      venue {
        name
        organisation {
          id
        }
      }
      sessions {
        id
        startsAt
        endsAt
        status
        availableSeats
        waitlistCount
      }
    }
  }
`);

const CLOSURE_DAYS_QUERY = graphql(`
  query SeriesClosureDays($from: Date!, $to: Date!, $organisationId: ID) {
    closureDays(from: $from, to: $to, organisationId: $organisationId) {
      date
      kind
      label
    }
  }
`);

type Series = NonNullable<ResultOf<typeof SERIES_QUERY>['sessionSeries']>;

/** The API gives closure days for at most two years at a time. */
const MAX_CLOSURE_SPAN_DAYS = 2 * 365;

/** A series' dates in order, with the holidays and free days of its venue's organisation between them. */
export function SeriesPage(props: { id: string }) {
  const { t } = useI18n();
  const result = useQuery(SERIES_QUERY, { id: props.id });
  const series = result.status === 'done' ? result.data.sessionSeries : null;
  const notFound = isNotFound(result, (data) => data.sessionSeries);
  usePageTitle(series?.title ?? (notFound ? t.notFound.title : null));
  return (
    <>
      <p className="back-link">
        <Link href="/coordinator">{t.coordinator.backToOverview}</Link>
      </p>
      {result.status === 'loading' && <Loading />}
      {notFound ? <NotFound text={t.notFound.text} /> : result.status === 'error' && <LoadError retry={result.retry} />}
      {series && (
        <>
          <h1>{series.title}</h1>
          <p>{t.coordinator.seriesIntro}</p>
          <p>
            <Link href={`/staff/series/${series.id}`}>{t.coordinator.editSeries}</Link>
          </p>
          <dl className="facts">
            <div>
              <dt>{t.coordinator.programme}</dt>
              <dd>{series.programme.name}</dd>
            </div>
            <div>
              <dt>{t.coordinator.place}</dt>
              <dd>{series.venue.name}</dd>
            </div>
          </dl>
          <p className="notice">{series.skipSchoolHolidays ? t.coordinator.skipsHolidays : t.coordinator.runsInHolidays}</p>
          <h2>{t.coordinator.datesHeading}</h2>
          {series.sessions.length === 0 ? <p className="notice">{t.coordinator.noDates}</p> : <SeriesCalendar series={series} />}
        </>
      )}
    </>
  );
}

function SeriesCalendar(props: { series: Series }) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const { series } = props;
  const first = brusselsDay(new Date(series.sessions[0].startsAt));
  const lastSession = brusselsDay(new Date(series.sessions[series.sessions.length - 1].startsAt));
  const last = lastSession < addDays(first, MAX_CLOSURE_SPAN_DAYS) ? lastSession : addDays(first, MAX_CLOSURE_SPAN_DAYS);
  const closures = useQuery(CLOSURE_DAYS_QUERY, { from: first, to: last, organisationId: series.venue.organisation.id });
  const runs = closures.status === 'done' ? closureRuns(closures.data.closureDays) : [];

  // Noon in Brussels names the right calendar day in every time zone.
  const dayName = (day: string) => i18n.formatDay(new Date(`${day}T12:00:00+02:00`));
  const entries: { day: string; node: ReactNode }[] = [
    ...series.sessions.map((session) => ({
      day: brusselsDay(new Date(session.startsAt)),
      node: (
        <li key={session.id} className={`calendar__session${session.status === 'CANCELLED' ? ' calendar__session--cancelled' : ''}`}>
          <span className="calendar__when">{i18n.formatWhen(new Date(session.startsAt), new Date(session.endsAt))}</span>
          {session.status === 'CANCELLED' ? (
            <span className="seats seats--full">{t.coordinator.cancelled}</span>
          ) : (
            <Seats availableSeats={session.availableSeats} waitlistCount={session.waitlistCount} />
          )}
        </li>
      ),
    })),
    ...runs.map((run) => ({
      day: run.first,
      node: (
        <li key={`closure-${run.first}-${run.label}`} className="calendar__closure">
          <span className="calendar__when">{run.first === run.last ? dayName(run.first) : `${dayName(run.first)} – ${dayName(run.last)}`}</span>
          <span>
            {format(t.coordinator.closed, { label: run.label })} <span className="muted">({t.coordinator.closureKinds[run.kind]})</span>
          </span>
        </li>
      ),
    })),
  ];
  entries.sort((a, b) => a.day.localeCompare(b.day));
  return (
    <>
      {closures.status === 'error' && <LoadError retry={closures.retry} />}
      <ol id="series-calendar" className="calendar">
        {entries.map((entry) => entry.node)}
      </ol>
    </>
  );
}
