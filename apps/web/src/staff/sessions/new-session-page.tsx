import { useLocation, useSearch } from 'wouter';
import { z } from 'zod';
import { usePageTitle } from '../../components/page-title';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DateInputField, FormProblem, NumberInput, SelectInput, SubmitButton, TextInput, TimeInputField } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { brusselsInstant } from './brussels-time';
import { CREATE_SESSION, PROGRAMMES_AND_VENUES } from './documents';

const sessionSchema = z
  .object({
    programmeId: v.choice(),
    venueId: v.choice(),
    title: v.text(200),
    date: v.date(),
    startTime: v.time(),
    endTime: v.time(),
    capacity: v.optionalInt(1, 500),
  })
  .refine((values) => values.endTime > values.startTime, { path: ['endTime'], error: 'endBeforeStart' });

/** /staff/sessions/new?programme=<id>: a one-off session, in Brussels time. */
export function NewSessionPage() {
  const { s } = useStaffI18n();
  usePageTitle(s.sessions.create.title);
  const choices = useStaffQuery(PROGRAMMES_AND_VENUES, {});
  return (
    <>
      <h1>{s.sessions.create.title}</h1>
      <QueryStatus query={choices}>{(data) => <NewSessionForm programmes={data.programmes} organisations={data.organisations} />}</QueryStatus>
    </>
  );
}

function NewSessionForm(props: {
  programmes: readonly { id: string; name: string }[];
  organisations: readonly { name: string; venues: readonly { id: string; name: string }[] }[];
}) {
  const { s } = useStaffI18n();
  const [, navigate] = useLocation();
  const programme = new URLSearchParams(useSearch()).get('programme') ?? '';
  const create = useStaffMutation(CREATE_SESSION);
  const form = useStaffForm({
    schema: sessionSchema,
    defaultValues: { programmeId: programme, venueId: '', title: '', date: '', startTime: '', endTime: '', capacity: null },
    apiFields: { startsAt: 'date', endsAt: 'endTime', 'input.startsAt': 'date', 'input.endsAt': 'endTime' },
  });
  const venues = props.organisations.flatMap((organisation) =>
    organisation.venues.map((venue) => ({ id: venue.id, label: `${venue.name} (${organisation.name})` })),
  );
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const created = await create.mutateAsync({
          input: {
            programmeId: values.programmeId,
            venueId: values.venueId,
            title: values.title,
            startsAt: brusselsInstant(values.date, values.startTime),
            endsAt: brusselsInstant(values.date, values.endTime),
            capacity: values.capacity,
          },
        });
        navigate(`/${created.createSession.id}`);
      })}
    >
      <FormProblem control={form.control} />
      <SelectInput
        control={form.control}
        name="programmeId"
        label={s.sessions.fields.programme}
        isRequired
        options={props.programmes.map((p) => ({ id: p.id, label: p.name }))}
      />
      <SelectInput control={form.control} name="venueId" label={s.sessions.fields.venue} isRequired options={venues} />
      <TextInput control={form.control} name="title" label={s.sessions.fields.title} isRequired />
      <DateInputField control={form.control} name="date" label={s.sessions.fields.date} isRequired />
      <TimeInputField control={form.control} name="startTime" label={s.sessions.fields.startTime} description={s.sessions.fields.brusselsTime} isRequired />
      <TimeInputField control={form.control} name="endTime" label={s.sessions.fields.endTime} isRequired />
      <NumberInput control={form.control} name="capacity" label={s.sessions.fields.capacity} description={s.sessions.fields.capacityHint} minValue={1} />
      <SubmitButton control={form.control}>{s.sessions.create.submit}</SubmitButton>
    </form>
  );
}
