import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { useStaffMutation } from '../../data';
import { useStaffI18n } from '../../staff-strings';
import { DialogButton } from '../../ui/confirm-dialog';
import { FormProblem, SelectInput, SubmitButton, TextInput } from '../../ui/fields';
import { useStaffForm } from '../../ui/use-staff-form';
import { v } from '../../ui/validation';
import { CHANGE_CASE_STATUS, type CaseOutcome, type CaseStatus, NEXT, OUTCOMES } from './queries';

const statusSchema = z.object({ status: v.choice(), note: v.optionalText(1000), outcome: z.string() }).superRefine((values, context) => {
  // Where the newcomer goes on is asked when the case closes (the API refuses a close without it).
  if (values.status === 'CLOSED' && !values.outcome) context.addIssue({ code: 'custom', path: ['outcome'], message: 'choose' });
});

/** Moves a case to one of the statuses it may go to next, with a note; closing asks the outcome. */
export function StatusForm(props: { id: string; status: CaseStatus; onSaved(): void }) {
  const { s } = useStaffI18n();
  const t = s.picnik.case;
  const change = useStaffMutation(CHANGE_CASE_STATUS);
  const next = NEXT[props.status];
  const form = useStaffForm({ schema: statusSchema, defaultValues: { status: next[0], note: '', outcome: '' } });
  const status = useWatch({ control: form.control, name: 'status' });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const closing = values.status === 'CLOSED';
        await change.mutateAsync({
          id: props.id,
          status: values.status as CaseStatus,
          note: values.note || null,
          outcome: closing ? (values.outcome as CaseOutcome) : null,
        });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <SelectInput
        control={form.control}
        name="status"
        label={t.newStatus}
        isRequired
        options={next.map((option) => ({ id: option, label: s.picnik.statuses[option] }))}
      />
      {status === 'CLOSED' && (
        <SelectInput
          control={form.control}
          name="outcome"
          label={t.outcomeLabel}
          description={t.outcomeHint}
          isRequired
          options={OUTCOMES.map((outcome) => ({ id: outcome, label: s.picnik.outcomes[outcome] }))}
        />
      )}
      <TextInput control={form.control} name="note" label={t.note} multiline />
      <SubmitButton control={form.control}>{t.changeStatus}</SubmitButton>
    </form>
  );
}

/** The "move" button of a card or of the case page: a dialog with the status form, keyboard and all. */
export function MoveCaseButton(props: { id: string; status: CaseStatus; name: string; label?: string }) {
  const { s, format } = useStaffI18n();
  const title = format(s.picnik.case.changeStatusTitle, { name: props.name });
  return (
    <DialogButton
      label={props.label ?? s.picnik.board.move}
      accessibleName={props.label ? undefined : format(s.picnik.board.moveTitle, { name: props.name })}
      title={title}
    >
      {(close) => <StatusForm id={props.id} status={props.status} onSaved={close} />}
    </DialogButton>
  );
}
