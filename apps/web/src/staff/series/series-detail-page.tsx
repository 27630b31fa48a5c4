import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { AddDateForm, EndSeriesForm, RemoveDateForm } from './series-actions';

export const SERIES_QUERY = graphql(`
  query StaffSeries($id: ID!) {
    sessionSeries(id: $id) {
      id
      title
      rrule
      firstStartsAt
      durationMinutes
      capacity
      skipSchoolHolidays
      programme {
        id
        name
      }
      venue {
        id
        name
        organisation {
          id
          name
        }
      }
      sessions {
        id
        startsAt
        endsAt
        status
        capacity
        cancellationReason
      }
    }
  }
`);

type SessionRow = NonNullable<ResultOf<typeof SERIES_QUERY>['sessionSeries']>['sessions'][number];

const ZONE = 'Europe/Brussels';

/** /staff/series/:id: the series, its sessions, and changing it from a date on, ending it, adding or removing one date. */
export function SeriesDetailPage(props: { id: string }) {
  const { s, format, language } = useStaffI18n();
  const series = useStaffQuery(SERIES_QUERY, { id: props.id });
  const found = series.data?.sessionSeries;
  usePageTitle(found?.title ?? s.series.detail.title);
  const day = new Intl.DateTimeFormat(language, { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = new Intl.DateTimeFormat(language, { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const upcoming = (row: SessionRow) => row.status === 'SCHEDULED' && new Date(row.startsAt).getTime() > Date.now();
  const columns: ColumnDef<SessionRow, unknown>[] = [
    {
      id: 'date',
      header: s.series.detail.date,
      accessorFn: (row) => row.startsAt,
      cell: ({ row }) => <Link href={`~/staff/sessions/${row.original.id}`}>{day.format(new Date(row.original.startsAt))}</Link>,
    },
    {
      id: 'time',
      header: s.series.detail.time,
      enableSorting: false,
      accessorFn: (row) => `${time.format(new Date(row.startsAt))}–${time.format(new Date(row.endsAt))}`,
    },
    {
      id: 'status',
      header: s.series.detail.status,
      accessorFn: (row) => (row.status === 'CANCELLED' ? s.series.detail.cancelled : s.series.detail.scheduled),
    },
    {
      id: 'actions',
      header: s.series.detail.actions,
      enableSorting: false,
      cell: ({ row }) =>
        upcoming(row.original) ? (
          <DialogButton label={format(s.series.detail.removeDateOf, { date: day.format(new Date(row.original.startsAt)) })} title={s.series.detail.removeDate}>
            {(close) => <RemoveDateForm sessionId={row.original.id} onSaved={close} />}
          </DialogButton>
        ) : null,
    },
  ];
  return (
    <>
      <p className="back-link">
        <Link href="/">{s.series.title}</Link>
      </p>
      <QueryStatus query={series}>
        {(data) =>
          data.sessionSeries ? (
            <>
              <h1>{data.sessionSeries.title}</h1>
              <dl className="facts">
                <div>
                  <dt>{s.series.form.programme}</dt>
                  <dd>{data.sessionSeries.programme.name}</dd>
                </div>
                <div>
                  <dt>{s.series.form.venue}</dt>
                  <dd>
                    {data.sessionSeries.venue.name} ({data.sessionSeries.venue.organisation.name})
                  </dd>
                </div>
                <div>
                  <dt>{s.series.detail.holidays}</dt>
                  <dd>{data.sessionSeries.skipSchoolHolidays ? s.series.detail.skipsHolidays : s.series.detail.runsInHolidays}</dd>
                </div>
              </dl>
              <div className="toolbar">
                <Link href={`/${data.sessionSeries.id}/edit`} className="button--secondary">
                  {s.series.detail.edit}
                </Link>
                <DialogButton label={s.series.detail.addDate} title={s.series.detail.addDate}>
                  {(close) => <AddDateForm seriesId={data.sessionSeries!.id} firstStartsAt={data.sessionSeries!.firstStartsAt} onSaved={close} />}
                </DialogButton>
                <DialogButton label={s.series.detail.end} title={s.series.detail.end}>
                  {(close) => <EndSeriesForm seriesId={data.sessionSeries!.id} onSaved={close} />}
                </DialogButton>
              </div>
              <DataTable
                caption={format(s.series.detail.caption, { count: data.sessionSeries.sessions.length })}
                columns={columns}
                data={data.sessionSeries.sessions}
                rowId={(row) => row.id}
                initialSort={[{ id: 'date', desc: false }]}
                pageSize={50}
              />
            </>
          ) : (
            <p className="notice">{s.series.detail.notFound}</p>
          )
        }
      </QueryStatus>
    </>
  );
}
