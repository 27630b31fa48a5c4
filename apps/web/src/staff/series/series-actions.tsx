import { useState } from 'react';
import { z } from 'zod';
import { graphql } from '../../graphql/graphql';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DateInputField, FormProblem, SubmitButton, TextInput, TimeInputField } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { brusselsInstant, brusselsParts } from './series-rule';

const END_SERIES = graphql(`
  mutation StaffEndSeries($id: ID!, $from: Date!) {
    endSessionSeries(id: $id, from: $from) {
      removedSessions
    }
  }
`);

const ADD_DATE = graphql(`
  mutation StaffAddSeriesDate($id: ID!, $startsAt: DateTime!) {
    addSessionSeriesDate(id: $id, startsAt: $startsAt) {
      createdSessions
    }
  }
`);

const CANCEL_SESSION = graphql(`
  mutation StaffCancelSeriesDate($id: ID!, $reason: String) {
    cancelSession(id: $id, reason: $reason) {
      id
    }
  }
`);

const endSchema = z.object({ from: v.date() });

/** Ends the series from a date: the API cancels the later sessions and tells the people on them. */
export function EndSeriesForm(props: { seriesId: string; onSaved(): void }) {
  const { s, format } = useStaffI18n();
  const end = useStaffMutation(END_SERIES);
  const [cancelled, setCancelled] = useState<number | null>(null);
  const form = useStaffForm({ schema: endSchema, defaultValues: { from: '' } });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const result = await end.mutateAsync({ id: props.seriesId, from: values.from });
        setCancelled(result.endSessionSeries.removedSessions);
      })}
    >
      <p>{s.series.end.intro}</p>
      <FormProblem control={form.control} />
      <DateInputField control={form.control} name="from" label={s.series.end.from} isRequired />
      <SubmitButton control={form.control}>{s.series.end.confirm}</SubmitButton>
      {cancelled !== null && <p role="status">{format(s.series.end.done, { count: cancelled })}</p>}
    </form>
  );
}

const addSchema = z.object({ date: v.date(), time: v.time() });

/** One extra date with the series' title, duration, capacity and hosts. */
export function AddDateForm(props: { seriesId: string; firstStartsAt: string; onSaved(): void }) {
  const { s } = useStaffI18n();
  const add = useStaffMutation(ADD_DATE);
  const form = useStaffForm({
    schema: addSchema,
    defaultValues: { date: '', time: brusselsParts(props.firstStartsAt).time },
    apiFields: { startsAt: 'date' },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await add.mutateAsync({ id: props.seriesId, startsAt: brusselsInstant(values.date, values.time) });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <DateInputField control={form.control} name="date" label={s.series.addDate.date} isRequired />
      <TimeInputField control={form.control} name="time" label={s.series.addDate.time} isRequired />
      <SubmitButton control={form.control}>{s.series.addDate.confirm}</SubmitButton>
    </form>
  );
}

const removeSchema = z.object({ reason: v.optionalText(1000) });

/** Cancels one date of the series; the people registered get the cancellation message. */
export function RemoveDateForm(props: { sessionId: string; onSaved(): void }) {
  const { s } = useStaffI18n();
  const cancel = useStaffMutation(CANCEL_SESSION);
  const form = useStaffForm({ schema: removeSchema, defaultValues: { reason: '' } });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await cancel.mutateAsync({ id: props.sessionId, reason: values.reason || null });
        props.onSaved();
      })}
    >
      <p>{s.series.removeDate.intro}</p>
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="reason" label={s.series.removeDate.reason} description={s.series.removeDate.reasonHint} multiline />
      <SubmitButton control={form.control}>{s.series.removeDate.confirm}</SubmitButton>
    </form>
  );
}
