import { useState } from 'react';
import { Button } from 'react-aria-components';
import { z } from 'zod';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DateInputField, FormProblem, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { ADD_TRAINING, type OrganisationRow, RECORD_SCREENING, REMOVE_TRAINING, SCREENING_STATUSES, type ScreeningStatusValue } from './queries';

type Screening = NonNullable<OrganisationRow['screening']>;

const screeningSchema = z
  .object({ status: v.choice(), screenedOn: z.string(), allowance: z.string(), allowanceNote: v.optionalText(500) })
  .superRefine((values, context) => {
    // A finished screening counts from its date; the API asks the same.
    if (values.status === 'SCREENED' && !/^\d{4}-\d{2}-\d{2}$/.test(values.screenedOn))
      context.addIssue({ code: 'custom', path: ['screenedOn'], message: 'date' });
  });

const trainingSchema = z.object({ name: v.text(200), followedOn: v.date() });

/** Picnik: whether newcomers may go to this organisation (its screening), the trainings it followed, and the allowance it pays. */
export function OrganisationScreeningSection(props: { organisation: OrganisationRow }) {
  const { s, format } = useStaffI18n();
  const t = s.places.screening;
  const screening = props.organisation.screening;
  if (!screening) return null;
  const state = screening.valid
    ? format(t.validUntil, { date: screening.validUntil ?? '' })
    : screening.expired
      ? format(t.expiredOn, { date: screening.validUntil ?? '' })
      : t.notValid;
  return (
    <section aria-labelledby="screening-title">
      <h2 id="screening-title">{t.title}</h2>
      <p className={screening.valid ? 'notice notice--ok' : 'notice notice--error'} role="status">
        {state}
      </p>
      <dl className="places__details">
        <dt>{t.status}</dt>
        <dd>{t.statuses[screening.status]}</dd>
        <dt>{t.screenedOn}</dt>
        <dd>{screening.screenedOn ?? t.noDate}</dd>
        <dt>{t.allowance}</dt>
        <dd>
          {screening.paysVolunteerAllowance === null ? t.allowanceUnknown : screening.paysVolunteerAllowance ? t.allowanceYes : t.allowanceNo}
          {screening.allowanceNote ? ` — ${screening.allowanceNote}` : ''}
        </dd>
      </dl>
      <h3>{t.recordTitle}</h3>
      <ScreeningForm organisationId={props.organisation.id} screening={screening} />
      <h3>{t.trainingsTitle}</h3>
      <TrainingList organisationName={props.organisation.name} trainings={screening.trainings} />
      <h3>{t.addTraining}</h3>
      <TrainingForm organisationId={props.organisation.id} />
    </section>
  );
}

function ScreeningForm(props: { organisationId: string; screening: Screening }) {
  const { s } = useStaffI18n();
  const t = s.places.screening;
  const record = useStaffMutation(RECORD_SCREENING);
  const [saved, setSaved] = useState(false);
  const { screening } = props;
  const form = useStaffForm({
    schema: screeningSchema,
    defaultValues: {
      status: screening.status,
      screenedOn: screening.screenedOn ?? '',
      allowance: screening.paysVolunteerAllowance === null ? 'UNKNOWN' : screening.paysVolunteerAllowance ? 'YES' : 'NO',
      allowanceNote: screening.allowanceNote ?? '',
    },
    onSaved: () => setSaved(true),
  });
  return (
    <form
      noValidate
      aria-label={t.recordTitle}
      onSubmit={form.submit(async (values) => {
        setSaved(false);
        await record.mutateAsync({
          id: props.organisationId,
          input: {
            status: values.status as ScreeningStatusValue,
            screenedOn: values.status === 'SCREENED' ? values.screenedOn : null,
            paysVolunteerAllowance: values.allowance === 'UNKNOWN' ? null : values.allowance === 'YES',
            allowanceNote: values.allowanceNote || null,
          },
        });
      })}
    >
      <FormProblem control={form.control} />
      <SelectInput
        control={form.control}
        name="status"
        label={t.status}
        isRequired
        options={SCREENING_STATUSES.map((status) => ({ id: status, label: t.statuses[status] }))}
      />
      <DateInputField control={form.control} name="screenedOn" label={t.screenedOn} description={t.screenedOnHint} />
      <SelectInput
        control={form.control}
        name="allowance"
        label={t.allowance}
        options={[
          { id: 'UNKNOWN', label: t.allowanceUnknown },
          { id: 'YES', label: t.allowanceYes },
          { id: 'NO', label: t.allowanceNo },
        ]}
      />
      <TextInput control={form.control} name="allowanceNote" label={t.allowanceNote} description={t.allowanceNoteHint} />
      <SubmitButton control={form.control}>{t.save}</SubmitButton>
      {saved && <p role="status">{s.common.saved}</p>}
    </form>
  );
}

function TrainingList(props: { organisationName: string; trainings: Screening['trainings'] }) {
  const { s, format } = useStaffI18n();
  const t = s.places.screening;
  const remove = useStaffMutation(REMOVE_TRAINING);
  if (props.trainings.length === 0) return <p>{t.noTrainings}</p>;
  return (
    <ul className="places__trainings">
      {props.trainings.map((training) => (
        <li key={training.id}>
          <span>
            {training.name} ({training.followedOn})
          </span>{' '}
          <Button
            className="button--secondary"
            aria-label={format(t.removeTraining, { name: training.name })}
            isDisabled={remove.isPending}
            onPress={() => remove.mutate({ id: training.id })}
          >
            {s.common.actions.delete}
          </Button>
        </li>
      ))}
    </ul>
  );
}

function TrainingForm(props: { organisationId: string }) {
  const { s } = useStaffI18n();
  const t = s.places.screening;
  const add = useStaffMutation(ADD_TRAINING);
  const form = useStaffForm({ schema: trainingSchema, defaultValues: { name: '', followedOn: '' } });
  return (
    <form
      noValidate
      aria-label={t.addTraining}
      onSubmit={form.submit(async (values) => {
        await add.mutateAsync({ organisationId: props.organisationId, input: values });
        form.reset();
      })}
    >
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="name" label={t.trainingName} description={t.trainingNameHint} isRequired />
      <DateInputField control={form.control} name="followedOn" label={t.followedOn} isRequired />
      <SubmitButton control={form.control}>{t.addTraining}</SubmitButton>
    </form>
  );
}
