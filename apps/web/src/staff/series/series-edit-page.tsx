import { Link, useLocation } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { SERIES_QUERY } from './series-detail-page';
import { SERIES_API_FIELDS, SeriesForm } from './series-form';
import { brusselsParts, fieldsOfRule, seriesInputOf, seriesSchema } from './series-rule';

const UPDATE_SERIES = graphql(`
  mutation StaffUpdateSeries($id: ID!, $input: UpdateSessionSeriesInput!, $from: Date) {
    updateSessionSeries(id: $id, input: $input, from: $from) {
      createdSessions
      removedSessions
    }
  }
`);

type Series = NonNullable<ResultOf<typeof SERIES_QUERY>['sessionSeries']>;

/** /staff/series/:id/edit: change the series from a date on ("this and following"), with the preview of the new dates. */
export function SeriesEditPage(props: { id: string }) {
  const { s } = useStaffI18n();
  usePageTitle(s.series.edit.title);
  const series = useStaffQuery(SERIES_QUERY, { id: props.id });
  return (
    <>
      <p className="back-link">
        <Link href={`/${props.id}`}>{series.data?.sessionSeries?.title ?? s.series.detail.title}</Link>
      </p>
      <h1>{s.series.edit.title}</h1>
      <p>{s.series.edit.intro}</p>
      <QueryStatus query={series}>
        {(data) => (data.sessionSeries ? <EditForm series={data.sessionSeries} /> : <p className="notice">{s.series.detail.notFound}</p>)}
      </QueryStatus>
    </>
  );
}

function EditForm(props: { series: Series }) {
  const { s } = useStaffI18n();
  const { series } = props;
  const [, navigate] = useLocation();
  const update = useStaffMutation(UPDATE_SERIES);
  const next = series.sessions.find((session) => session.status === 'SCHEDULED' && new Date(session.startsAt).getTime() > Date.now());
  const form = useStaffForm({
    schema: seriesSchema,
    defaultValues: {
      programmeId: series.programme.id,
      venueId: series.venue.id,
      title: series.title,
      firstDate: next ? brusselsParts(next.startsAt).date : '',
      time: brusselsParts(series.firstStartsAt).time,
      durationMinutes: series.durationMinutes,
      ...fieldsOfRule(series.rrule),
      capacity: series.capacity ?? null,
      skipSchoolHolidays: series.skipSchoolHolidays,
    },
    apiFields: SERIES_API_FIELDS,
  });
  return (
    <SeriesForm
      form={form}
      fixedPlace
      firstDateLabel={s.series.edit.from}
      submitLabel={s.series.edit.save}
      onSubmit={form.submit(async (values) => {
        const { programmeId: _programme, venueId: _venue, ...input } = seriesInputOf(values);
        await update.mutateAsync({ id: series.id, input, from: values.firstDate });
        navigate(`/${series.id}`);
      })}
    />
  );
}
