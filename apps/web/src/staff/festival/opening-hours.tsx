import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { GraphQLRequestError } from '../../graphql/client';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { FormProblem, SelectInput, SubmitButton, TimeInputField, useErrorText } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { clockOf, dayLabel, festivalDays, timeRange } from './festival-time';
import { type Edition, SET_OPENING_HOURS } from './queries';

/** "00:00" as an end is midnight at the end of the day: the API calls it "24:00". */
const endMinutes = (to: string) => (to === '00:00' ? 24 * 60 : Number(to.slice(0, 2)) * 60 + Number(to.slice(3)));
const startMinutes = (from: string) => Number(from.slice(0, 2)) * 60 + Number(from.slice(3));

const hoursSchema = z.object({
  blocks: z
    .array(z.object({ date: v.choice(), from: v.time(), to: v.time() }))
    .min(1, { error: 'oneBlock' })
    .superRefine((blocks, context) => {
      blocks.forEach((block, index) => {
        if (/^\d{2}:\d{2}$/.test(block.from) && /^\d{2}:\d{2}$/.test(block.to) && endMinutes(block.to) <= startMinutes(block.from))
          context.addIssue({ code: 'custom', path: [index, 'to'], message: 'endBeforeStart' });
        const overlaps = blocks.some(
          (other, j) =>
            j < index && other.date === block.date && startMinutes(block.from) < endMinutes(other.to) && startMinutes(other.from) < endMinutes(block.to),
        );
        if (overlaps) context.addIssue({ code: 'custom', path: [index, 'from'], message: 'hoursOverlap' });
      });
    }),
});

/** The opening hours per festival day, and a form to change them (blocks of a day: the columns of the stand plan). */
export function OpeningHours(props: { edition: Edition }) {
  const { s, language } = useStaffI18n();
  const f = s.festival.hours;
  const { edition } = props;
  const days = festivalDays(edition.startsOn, edition.endsOn);
  return (
    <section aria-labelledby="opening-hours" className="festival-section">
      <h2 id="opening-hours">{f.title}</h2>
      <ul className="festival-hours" aria-label={f.title}>
        {days.map((day) => {
          const blocks = edition.openingHours.filter((block) => block.day === day);
          return (
            <li key={day}>
              <strong>{dayLabel(day, language)}</strong>: {blocks.length === 0 ? f.closed : blocks.map((block) => timeRange(block, day)).join(', ')}
            </li>
          );
        })}
      </ul>
      <div className="toolbar">
        <DialogButton label={f.change} title={f.change}>
          {(close) => <OpeningHoursForm edition={edition} onSaved={close} />}
        </DialogButton>
      </div>
    </section>
  );
}

function OpeningHoursForm(props: { edition: Edition; onSaved(): void }) {
  const { s, format, language } = useStaffI18n();
  const f = s.festival.hours;
  const setHours = useStaffMutation(SET_OPENING_HOURS);
  const { edition } = props;
  const days = festivalDays(edition.startsOn, edition.endsOn).map((day) => ({ id: day, label: dayLabel(day, language) }));
  const form = useStaffForm({
    schema: hoursSchema,
    defaultValues: {
      blocks: edition.openingHours.map((block) => ({ date: block.day, from: clockOf(block.startsAt), to: clockOf(block.endsAt) })),
    },
  });
  const blocks = useFieldArray({ control: form.control, name: 'blocks' });
  const errorText = useErrorText();
  const noBlocks = errorText(form.formState.errors.blocks?.root?.message ?? form.formState.errors.blocks?.message);
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const openingHours = values.blocks.map((block) => ({ date: block.date, from: block.from, to: block.to === '00:00' ? '24:00' : block.to }));
        try {
          await setHours.mutateAsync({ editionId: edition.id, openingHours });
        } catch (error) {
          // A booking that would fall outside the new hours: the coordinator moves or cancels it first.
          if (error instanceof GraphQLRequestError && error.code === 'CONFLICT') {
            form.setError('root.server', { type: 'api', message: 'bookingsOutsideHours' });
            return;
          }
          throw error;
        }
        props.onSaved();
      })}
    >
      <p className="field__hint">{f.hint}</p>
      <FormProblem control={form.control} />
      {blocks.fields.map((field, index) => (
        <fieldset key={field.id} className="festival-block">
          <legend>{format(f.block, { number: index + 1 })}</legend>
          <SelectInput control={form.control} name={`blocks.${index}.date`} label={f.day} options={days} isRequired />
          <TimeInputField control={form.control} name={`blocks.${index}.from`} label={f.from} isRequired />
          <TimeInputField control={form.control} name={`blocks.${index}.to`} label={f.to} isRequired />
          <button type="button" className="button--secondary" onClick={() => blocks.remove(index)} aria-label={format(f.removeBlock, { number: index + 1 })}>
            {s.common.actions.delete}
          </button>
        </fieldset>
      ))}
      <div role="alert">{noBlocks && <p className="field-error">{noBlocks}</p>}</div>
      <p>
        <button type="button" className="button--secondary" onClick={() => blocks.append({ date: days[0]?.id ?? '', from: '11:00', to: '15:00' })}>
          {f.addBlock}
        </button>
      </p>
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
    </form>
  );
}
