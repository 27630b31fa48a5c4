import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { z } from 'zod';
import { addDays } from '../../time';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DateInputField, FormProblem, NumberInput, SubmitButton, TextInput } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { deadlineDay, deadlineInstant, thisYear } from './festival-time';
import { CREATE_EDITION, type Edition, type EditionRow, FESTIVAL_DATES_QUERY, UPDATE_EDITION } from './queries';

/** Organisers apply until four weeks before the first day unless the coordinator chooses otherwise (the API's default too). */
const DEADLINE_DAYS_BEFORE = 28;

const detailsSchema = {
  name: v.text(200),
  applicationDeadline: z.union([z.literal(''), v.date()]),
  maxPlotsPerOrganisationPerDay: v.int(1, 50),
};

const createSchema = z
  .object({ ...detailsSchema, year: v.int(2000, 2100), startsOn: v.date(), endsOn: v.date() })
  .refine((values) => values.endsOn >= values.startsOn, { path: ['endsOn'], error: 'endBeforeStart' })
  .refine((values) => !values.applicationDeadline || values.applicationDeadline <= values.endsOn, { path: ['applicationDeadline'], error: 'deadlineAfterEnd' });

const editSchema = z.object(detailsSchema);

/**
 * The year a new edition is most likely for: the one after the newest edition, and never a year
 * whose Sinksenfeesten (May or June) are over.
 */
function likelyYear(editions: readonly Pick<EditionRow, 'startsOn'>[]): number {
  const now = new Date();
  const current = thisYear() + (now.getMonth() >= 6 ? 1 : 0);
  const newest = editions.length > 0 ? Number(editions[0].startsOn.slice(0, 4)) + 1 : current;
  return Math.max(current, newest);
}

/** A new edition, pre-filled with the Sinksenfeesten of the likely year (festivalDates); a year typed in fetches its dates. */
export function NewEditionForm(props: { editions: readonly EditionRow[] }) {
  const initialYear = likelyYear(props.editions);
  const dates = useStaffQuery(FESTIVAL_DATES_QUERY, { year: initialYear });
  return <QueryStatus query={dates}>{(data) => <CreateForm year={initialYear} dates={data.festivalDates} />}</QueryStatus>;
}

function CreateForm(props: { year: number; dates: { startsOn: string; endsOn: string } }) {
  const { s, format } = useStaffI18n();
  const f = s.festival.form;
  const create = useStaffMutation(CREATE_EDITION);
  const [, navigate] = useLocation();
  const form = useStaffForm({
    schema: createSchema,
    defaultValues: {
      year: props.year,
      name: format(f.defaultName, { year: String(props.year) }),
      startsOn: props.dates.startsOn,
      endsOn: props.dates.endsOn,
      applicationDeadline: addDays(props.dates.startsOn, -DEADLINE_DAYS_BEFORE),
      maxPlotsPerOrganisationPerDay: 2,
    },
  });
  const year = form.watch('year');
  const validYear = typeof year === 'number' && year >= 2000 && year <= 2100 ? year : props.year;
  const chosen = useStaffQuery(FESTIVAL_DATES_QUERY, { year: validYear });
  const { setValue } = form;
  useEffect(() => {
    if (!chosen.data || validYear === props.year) return;
    const { startsOn, endsOn } = chosen.data.festivalDates;
    setValue('startsOn', startsOn);
    setValue('endsOn', endsOn);
    setValue('applicationDeadline', addDays(startsOn, -DEADLINE_DAYS_BEFORE));
    setValue('name', format(f.defaultName, { year: String(validYear) }));
  }, [chosen.data, validYear, props.year, setValue, format, f.defaultName]);

  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const input = {
          name: values.name,
          startsOn: values.startsOn,
          endsOn: values.endsOn,
          applicationDeadline: values.applicationDeadline ? deadlineInstant(values.applicationDeadline) : null,
          maxPlotsPerOrganisationPerDay: values.maxPlotsPerOrganisationPerDay,
        };
        const created = await create.mutateAsync({ input });
        navigate(`/editions/${created.createFestivalEdition.id}`);
      })}
    >
      <FormProblem control={form.control} />
      <NumberInput control={form.control} name="year" label={f.year} description={f.yearHint} isRequired minValue={2000} maxValue={2100} />
      <TextInput control={form.control} name="name" label={f.name} isRequired />
      <DateInputField control={form.control} name="startsOn" label={f.startsOn} isRequired />
      <DateInputField control={form.control} name="endsOn" label={f.endsOn} isRequired />
      <DateInputField control={form.control} name="applicationDeadline" label={f.deadline} description={f.deadlineHint} />
      <NumberInput
        control={form.control}
        name="maxPlotsPerOrganisationPerDay"
        label={f.maxPlots}
        description={f.maxPlotsHint}
        isRequired
        minValue={1}
        maxValue={50}
      />
      <SubmitButton control={form.control}>{f.create}</SubmitButton>
    </form>
  );
}

/** The name, deadline and plot limit of an edition; its days stay (bookings hang on them). */
export function EditEditionForm(props: { edition: Edition; onSaved(): void }) {
  const { s } = useStaffI18n();
  const f = s.festival.form;
  const update = useStaffMutation(UPDATE_EDITION);
  const [saved, setSaved] = useState(false);
  const { edition } = props;
  const form = useStaffForm({
    schema: editSchema.refine((values) => !values.applicationDeadline || values.applicationDeadline <= edition.endsOn, {
      path: ['applicationDeadline'],
      error: 'deadlineAfterEnd',
    }),
    defaultValues: {
      name: edition.name,
      applicationDeadline: deadlineDay(edition.applicationDeadline),
      maxPlotsPerOrganisationPerDay: edition.maxPlotsPerOrganisationPerDay,
    },
    onSaved: () => setSaved(true),
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const input = {
          name: values.name,
          applicationDeadline: values.applicationDeadline ? deadlineInstant(values.applicationDeadline) : null,
          maxPlotsPerOrganisationPerDay: values.maxPlotsPerOrganisationPerDay,
        };
        await update.mutateAsync({ id: edition.id, input });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="name" label={f.name} isRequired />
      <DateInputField control={form.control} name="applicationDeadline" label={f.deadline} description={f.deadlineHint} />
      <NumberInput
        control={form.control}
        name="maxPlotsPerOrganisationPerDay"
        label={f.maxPlots}
        description={f.maxPlotsHint}
        isRequired
        minValue={1}
        maxValue={50}
      />
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
      {saved && <p role="status">{s.common.saved}</p>}
    </form>
  );
}
