import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { graphql } from '../../graphql/graphql';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { CheckboxInput, DateInputField, FormProblem, NumberInput, SelectInput, SubmitButton, TextInput, TimeInputField } from '../ui/fields';
import type { StaffForm } from '../ui/use-staff-form';
import { EndKindField, WeekdaysField } from './series-fields';
import { type SeriesInput, SeriesPreview } from './series-preview';
import { seriesInputOf, seriesSchema, type SeriesValues } from './series-rule';

const CHOICES_QUERY = graphql(`
  query StaffSeriesChoices {
    programmes {
      id
      name
    }
    organisations {
      id
      name
      venues {
        id
        name
      }
    }
  }
`);

/** The fields API refusals name (extensions.field) → the form's field that holds them. */
export const SERIES_API_FIELDS = {
  'input.rrule': 'until',
  rrule: 'until',
  'input.firstStartsAt': 'firstDate',
  firstStartsAt: 'firstDate',
  'input.programmeId': 'programmeId',
  'input.venueId': 'venueId',
} as const;

/**
 * The series fields and, next to them, the live preview of the dates they give. Used to create a
 * series and to change one from a date on (`fixedPlace`: programme and venue stay).
 */
export function SeriesForm(props: {
  form: StaffForm<SeriesValues>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  fixedPlace?: boolean;
  firstDateLabel?: string;
  submitLabel: string;
  children?: ReactNode;
}) {
  const { s } = useStaffI18n();
  const { form } = props;
  const choices = useStaffQuery(CHOICES_QUERY, {});
  const values = useWatch({ control: form.control }) as SeriesValues;
  const endKind = values.endKind;
  const checked = seriesSchema.safeParse(values);
  const previewInput: SeriesInput | null = checked.success ? seriesInputOf(checked.data) : null;
  const venues = (choices.data?.organisations ?? []).flatMap((organisation) =>
    organisation.venues.map((venue) => ({ id: venue.id, label: `${venue.name} (${organisation.name})` })),
  );
  return (
    <div className="series-editor">
      <form noValidate onSubmit={props.onSubmit} className="series-editor__form" aria-labelledby="series-form-title">
        <h2 id="series-form-title">{s.series.form.title}</h2>
        <FormProblem control={form.control} />
        {!props.fixedPlace && (
          <>
            <SelectInput
              control={form.control}
              name="programmeId"
              label={s.series.form.programme}
              isRequired
              options={(choices.data?.programmes ?? []).map((programme) => ({ id: programme.id, label: programme.name }))}
            />
            <SelectInput control={form.control} name="venueId" label={s.series.form.venue} isRequired options={venues} />
          </>
        )}
        <TextInput control={form.control} name="title" label={s.series.form.name} description={s.series.form.nameHint} isRequired />
        <DateInputField control={form.control} name="firstDate" label={props.firstDateLabel ?? s.series.form.firstDate} isRequired />
        <TimeInputField control={form.control} name="time" label={s.series.form.time} isRequired />
        <NumberInput control={form.control} name="durationMinutes" label={s.series.form.duration} minValue={5} maxValue={720} isRequired />
        <WeekdaysField control={form.control} />
        <EndKindField control={form.control} />
        {endKind === 'count' ? (
          <NumberInput control={form.control} name="count" label={s.series.form.count} minValue={1} maxValue={800} isRequired />
        ) : (
          <DateInputField control={form.control} name="until" label={s.series.form.until} isRequired />
        )}
        <NumberInput
          control={form.control}
          name="capacity"
          label={s.series.form.capacity}
          description={s.series.form.capacityHint}
          minValue={1}
          maxValue={1000}
        />
        <CheckboxInput control={form.control} name="skipSchoolHolidays" label={s.series.form.skipHolidays} description={s.series.form.skipHolidaysHint} />
        {props.children}
        <SubmitButton control={form.control}>{props.submitLabel}</SubmitButton>
      </form>
      <SeriesPreview input={previewInput} />
    </div>
  );
}
