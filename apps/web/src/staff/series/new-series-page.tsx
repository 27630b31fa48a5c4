import { useLocation, useSearch } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { graphql } from '../../graphql/graphql';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { useStaffForm } from '../ui/use-staff-form';
import { SERIES_API_FIELDS, SeriesForm } from './series-form';
import { emptySeries, seriesInputOf, seriesSchema } from './series-rule';

const CREATE_SERIES = graphql(`
  mutation StaffCreateSeries($input: CreateSessionSeriesInput!) {
    createSessionSeries(input: $input) {
      id
    }
  }
`);

/** /staff/series/new?programme=<id>: the series editor; saving goes to the new series. */
export function NewSeriesPage() {
  const { s } = useStaffI18n();
  usePageTitle(s.series.newSeries);
  const programme = new URLSearchParams(useSearch()).get('programme') ?? '';
  const [, navigate] = useLocation();
  const create = useStaffMutation(CREATE_SERIES);
  const form = useStaffForm({ schema: seriesSchema, defaultValues: emptySeries(programme), apiFields: SERIES_API_FIELDS });
  return (
    <>
      <h1>{s.series.newSeries}</h1>
      <p>{s.series.newIntro}</p>
      <SeriesForm
        form={form}
        submitLabel={s.series.form.create}
        onSubmit={form.submit(async (values) => {
          const result = await create.mutateAsync({ input: seriesInputOf(values) });
          navigate(`/${result.createSessionSeries.id}`);
        })}
      />
    </>
  );
}
