import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { type Control, Controller } from 'react-hook-form';
import { useStaffI18n } from '../staff-strings';
import { CheckboxGroupInput } from '../ui/fields';
import { type SeriesValues, WEEKDAYS } from './series-rule';

/** The weekdays of a weekly series: a group of checkboxes (Tab to the group, Space to tick). */
export function WeekdaysField(props: { control: Control<SeriesValues> }) {
  const { s } = useStaffI18n();
  return (
    <CheckboxGroupInput
      control={props.control}
      name="weekdays"
      label={s.series.form.weekdays}
      options={WEEKDAYS.map((day) => ({ id: day, label: s.series.weekdays[day] }))}
      isRequired
    />
  );
}

/** Until a date, or a number of dates: a radio group (arrow keys move between the two). */
export function EndKindField(props: { control: Control<SeriesValues> }) {
  const { s } = useStaffI18n();
  return (
    <Controller
      control={props.control}
      name="endKind"
      render={({ field }) => (
        <RadioGroup className="field series-end" name={field.name} value={field.value} onChange={field.onChange}>
          <Label>{s.series.form.ends}</Label>
          <Text slot="description" className="field__hint">
            {s.series.form.endsHint}
          </Text>
          <Radio value="until" className="radio-field" inputRef={field.ref}>
            <span className="radio-field__dot" aria-hidden="true" />
            {s.series.form.endUntil}
          </Radio>
          <Radio value="count" className="radio-field">
            <span className="radio-field__dot" aria-hidden="true" />
            {s.series.form.endCount}
          </Radio>
        </RadioGroup>
      )}
    />
  );
}
