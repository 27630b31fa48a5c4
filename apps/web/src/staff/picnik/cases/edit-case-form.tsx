import { z } from 'zod';
import { useStaffMutation } from '../../data';
import { useStaffI18n } from '../../staff-strings';
import { DateInputField, FormProblem, SubmitButton, TextInput } from '../../ui/fields';
import { useStaffForm } from '../../ui/use-staff-form';
import { v } from '../../ui/validation';
import { type CaseDetails, UPDATE_CASE } from './queries';

const editSchema = z.object({ endsOn: z.union([z.literal(''), v.date()]), notes: v.optionalText(2000) });

/**
 * The planned end and the notes. The buddy and host organisation are chosen on the match page
 * (with why they fit and the screening checks), not here.
 */
export function EditCaseForm(props: { trajectory: CaseDetails; onSaved(): void }) {
  const { s } = useStaffI18n();
  const t = s.picnik.case;
  const update = useStaffMutation(UPDATE_CASE);
  const { trajectory } = props;
  const form = useStaffForm({
    schema: editSchema.refine((values) => !values.endsOn || values.endsOn >= trajectory.startsOn, { path: ['endsOn'], error: 'endBeforeStart' }),
    defaultValues: { endsOn: trajectory.endsOn ?? '', notes: trajectory.notes ?? '' },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await update.mutateAsync({ id: trajectory.id, input: { endsOn: values.endsOn || null, notes: values.notes || null } });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <DateInputField control={form.control} name="endsOn" label={t.endsOn} />
      <TextInput control={form.control} name="notes" label={t.notes} multiline />
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
    </form>
  );
}
