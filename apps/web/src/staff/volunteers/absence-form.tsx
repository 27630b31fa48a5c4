import { z } from 'zod';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DateInputField, FormProblem, SubmitButton, TextInput } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { ADD_ABSENCE } from './queries';

const absenceSchema = z
  .object({ startsOn: v.date(), endsOn: v.date(), reason: v.optionalText(200) })
  .refine((values) => values.endsOn >= values.startsOn, { path: ['endsOn'], error: 'endBeforeStart' });

/** A period away: no suggestions and no shifts then. */
export function AbsenceForm(props: { volunteerId: string }) {
  const { s } = useStaffI18n();
  const add = useStaffMutation(ADD_ABSENCE);
  const form = useStaffForm({ schema: absenceSchema, defaultValues: { startsOn: '', endsOn: '', reason: '' } });
  return (
    <form
      noValidate
      aria-label={s.volunteers.absences.add}
      onSubmit={form.submit(async (values) => {
        await add.mutateAsync({ volunteerId: props.volunteerId, input: { startsOn: values.startsOn, endsOn: values.endsOn, reason: values.reason || null } });
        form.reset({ startsOn: '', endsOn: '', reason: '' });
      })}
    >
      <FormProblem control={form.control} />
      <div className="volunteers__row">
        <DateInputField control={form.control} name="startsOn" label={s.volunteers.absences.startsOn} isRequired />
        <DateInputField control={form.control} name="endsOn" label={s.volunteers.absences.endsOn} isRequired />
      </div>
      <TextInput control={form.control} name="reason" label={s.volunteers.absences.reason} description={s.common.optional} />
      <SubmitButton control={form.control}>{s.volunteers.absences.add}</SubmitButton>
    </form>
  );
}
