import { z } from 'zod';
import { useStaffMutation } from '../../data';
import { useStaffI18n } from '../../staff-strings';
import { DialogButton } from '../../ui/confirm-dialog';
import { CheckboxGroupInput, DateInputField, FormProblem, SubmitButton, TextInput } from '../../ui/fields';
import { useStaffForm } from '../../ui/use-staff-form';
import { v } from '../../ui/validation';
import { formatDay } from './case-card';
import { ADD_FOLLOW_UP, brusselsToday, COMPLETE_FOLLOW_UP, type CaseDetails, FOLLOW_UP_OUTCOMES, type FollowUpOutcome, PLAN_FOLLOW_UP } from './queries';

type FollowUp = CaseDetails['followUps'][number];

/** The case's follow-ups: planned ones (due or not yet), done ones, and the buttons to plan or record one. */
export function FollowUps(props: { trajectory: CaseDetails }) {
  const { s } = useStaffI18n();
  const t = s.picnik.case;
  const { trajectory } = props;
  return (
    <section aria-labelledby="case-follow-ups">
      <h2 id="case-follow-ups">{t.followUps}</h2>
      <div className="case__actions">
        <DialogButton label={t.plan} title={t.plan}>
          {(close) => <PlanFollowUpForm trajectoryId={trajectory.id} onSaved={close} />}
        </DialogButton>
        <DialogButton label={t.recordNow} title={t.recordNow}>
          {(close) => <RecordFollowUpForm trajectoryId={trajectory.id} onSaved={close} />}
        </DialogButton>
      </div>
      {trajectory.followUps.length === 0 ? (
        <p>{t.noFollowUps}</p>
      ) : (
        <ul className="case__follow-ups" aria-label={t.followUpsCaption}>
          {trajectory.followUps.map((followUp) => (
            <li key={followUp.id} className="case__follow-up">
              <FollowUpItem trajectoryId={trajectory.id} followUp={followUp} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FollowUpItem(props: { trajectoryId: string; followUp: FollowUp }) {
  const { s, format, language } = useStaffI18n();
  const t = s.picnik.case;
  const { followUp } = props;
  const day = (date: string) => formatDay(date, language);
  if (followUp.recordedOn) {
    return (
      <>
        <p>
          <strong>{format(t.done, { date: day(followUp.recordedOn) })}</strong>
        </p>
        {followUp.outcomes.length > 0 && <p>{followUp.outcomes.map((outcome) => s.picnik.followUpOutcomes[outcome]).join(', ')}</p>}
        {followUp.note && <p>{followUp.note}</p>}
      </>
    );
  }
  const dueOn = followUp.dueOn ?? '';
  const due = dueOn <= brusselsToday();
  return (
    <>
      <p>
        <strong className={due ? 'cases__badge' : undefined}>{format(due ? t.due : t.planned, { date: day(dueOn) })}</strong>
      </p>
      {followUp.plannedNote && <p>{followUp.plannedNote}</p>}
      <DialogButton label={t.record} accessibleName={format(t.recordName, { date: day(dueOn) })} title={format(t.recordName, { date: day(dueOn) })}>
        {(close) => <RecordFollowUpForm trajectoryId={props.trajectoryId} followUpId={followUp.id} onSaved={close} />}
      </DialogButton>
    </>
  );
}

const planSchema = z.object({ dueOn: v.date(), note: v.optionalText(1000) });

/** When to check in, and what to ask; the API refuses a day before the case starts (at the field). */
function PlanFollowUpForm(props: { trajectoryId: string; onSaved(): void }) {
  const { s } = useStaffI18n();
  const t = s.picnik.case;
  const plan = useStaffMutation(PLAN_FOLLOW_UP);
  const form = useStaffForm({ schema: planSchema, defaultValues: { dueOn: '', note: '' } });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await plan.mutateAsync({ id: props.trajectoryId, input: { dueOn: values.dueOn, note: values.note || null } });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <DateInputField control={form.control} name="dueOn" label={t.dueOn} isRequired />
      <TextInput control={form.control} name="note" label={t.whatToCheck} multiline />
      <SubmitButton control={form.control}>{t.plan}</SubmitButton>
    </form>
  );
}

const recordSchema = z.object({ recordedOn: v.date(), outcomes: z.array(z.string()), note: v.optionalText(2000) });

/** Records a planned follow-up as done, or (without followUpId) one that was not planned. */
function RecordFollowUpForm(props: { trajectoryId: string; followUpId?: string; onSaved(): void }) {
  const { s } = useStaffI18n();
  const t = s.picnik.case;
  const complete = useStaffMutation(COMPLETE_FOLLOW_UP);
  const add = useStaffMutation(ADD_FOLLOW_UP);
  const form = useStaffForm({ schema: recordSchema, defaultValues: { recordedOn: brusselsToday(), outcomes: [], note: '' } });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const input = { recordedOn: values.recordedOn, outcomes: values.outcomes as FollowUpOutcome[], note: values.note || null };
        if (props.followUpId) await complete.mutateAsync({ followUpId: props.followUpId, input });
        else await add.mutateAsync({ id: props.trajectoryId, input });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <DateInputField control={form.control} name="recordedOn" label={t.recordedOn} isRequired />
      <CheckboxGroupInput
        control={form.control}
        name="outcomes"
        label={t.followUpOutcomes}
        options={FOLLOW_UP_OUTCOMES.map((outcome) => ({ id: outcome, label: s.picnik.followUpOutcomes[outcome] }))}
      />
      <TextInput control={form.control} name="note" label={t.followUpNote} multiline />
      <SubmitButton control={form.control}>{t.record}</SubmitButton>
    </form>
  );
}
