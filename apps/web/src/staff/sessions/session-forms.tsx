import { z } from 'zod';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DateInputField, FormProblem, NumberInput, SelectInput, SubmitButton, TextInput, TimeInputField } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { brusselsInstant, brusselsParts } from './brussels-time';
import { CANCEL_SESSION, MOVE_SESSION, PROGRAMMES_AND_VENUES, type RegistrationRow, type StaffSession, UPDATE_CAPACITY } from './documents';

const moveSchema = z
  .object({ date: v.date(), startTime: v.time(), endTime: v.time(), venueId: v.choice() })
  .refine((values) => values.endTime > values.startTime, { path: ['endTime'], error: 'endBeforeStart' });

/** The channel a SESSION_MOVED message takes, as the API decides it (directChannelOf): only with consent, by SMS or e-mail. */
export function movedMessageChannel(participant: RegistrationRow['participant']): 'SMS' | 'EMAIL' | null {
  if (!participant.consentToContact) return null;
  if (participant.contactChannel === 'SMS' && participant.phone) return 'SMS';
  if (participant.contactChannel === 'EMAIL' && participant.email) return 'EMAIL';
  return null;
}

const fullName = (participant: RegistrationRow['participant']) => [participant.firstName, participant.lastName].filter(Boolean).join(' ');

/** Date and times in Brussels; before saving it lists who is registered, who waits and who will be told by which channel. */
export function MoveSessionForm(props: { session: StaffSession; onSaved(): void }) {
  const { s, format } = useStaffI18n();
  const move = useStaffMutation(MOVE_SESSION);
  const start = brusselsParts(props.session.startsAt);
  const end = brusselsParts(props.session.endsAt);
  const form = useStaffForm({
    schema: moveSchema,
    defaultValues: { date: start.date, startTime: start.time, endTime: end.time, venueId: props.session.venue.id },
    apiFields: { startsAt: 'date', endsAt: 'endTime' },
  });
  const choices = useStaffQuery(PROGRAMMES_AND_VENUES, {});
  const venues = (choices.data?.organisations ?? []).flatMap((organisation) =>
    organisation.venues.map((venue) => ({ id: venue.id, label: `${venue.name} (${organisation.name})` })),
  );
  const seated = props.session.registrations.filter((r) => r.status !== 'WAITLISTED');
  const waiting = props.session.registrations.filter((r) => r.status === 'WAITLISTED');
  const told = props.session.registrations.flatMap((r) => {
    const channel = movedMessageChannel(r.participant);
    return channel ? [{ id: r.id, name: fullName(r.participant), channel }] : [];
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await move.mutateAsync({
          id: props.session.id,
          startsAt: brusselsInstant(values.date, values.startTime),
          endsAt: brusselsInstant(values.date, values.endTime),
          venueId: values.venueId === props.session.venue.id ? null : values.venueId,
        });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <DateInputField control={form.control} name="date" label={s.sessions.fields.date} isRequired />
      <TimeInputField control={form.control} name="startTime" label={s.sessions.fields.startTime} description={s.sessions.fields.brusselsTime} isRequired />
      <TimeInputField control={form.control} name="endTime" label={s.sessions.fields.endTime} isRequired />
      {venues.length > 0 && <SelectInput control={form.control} name="venueId" label={s.sessions.fields.venue} isRequired options={venues} />}
      <section className="consequences" aria-labelledby="move-consequences">
        <h3 id="move-consequences">{s.sessions.move.consequences}</h3>
        <p>{format(s.sessions.move.registered, { seated: seated.length, waiting: waiting.length })}</p>
        {told.length === 0 ? (
          <p>{s.sessions.move.nobodyTold}</p>
        ) : (
          <>
            <p>{format(s.sessions.move.told, { count: told.length })}</p>
            <ul aria-label={s.sessions.move.toldList}>
              {told.map((person) => (
                <li key={person.id}>
                  {person.name} — {s.sessions.channels[person.channel]}
                </li>
              ))}
            </ul>
          </>
        )}
        <p>{s.sessions.move.othersHint}</p>
      </section>
      <SubmitButton control={form.control}>{s.sessions.move.submit}</SubmitButton>
    </form>
  );
}

const capacitySchema = z.object({ capacity: v.int(1, 500) });

/** Lowering never takes a seat away; raising seats the waiting list at once. */
export function CapacityForm(props: { session: StaffSession; onSaved(): void }) {
  const { s, format } = useStaffI18n();
  const update = useStaffMutation(UPDATE_CAPACITY);
  const form = useStaffForm({ schema: capacitySchema, defaultValues: { capacity: props.session.capacity } });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await update.mutateAsync({ id: props.session.id, capacity: values.capacity });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <p>{format(s.sessions.capacity.now, { confirmed: props.session.confirmedCount, waiting: props.session.waitlistCount })}</p>
      <NumberInput control={form.control} name="capacity" label={s.sessions.fields.capacity} isRequired />
      <p className="field__hint">{s.sessions.capacity.rule}</p>
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
    </form>
  );
}

const cancelSchema = z.object({ reason: v.text(1000) });

/** Everyone registered hears the reason (by their channel, with consent). */
export function CancelSessionForm(props: { session: StaffSession; onSaved(): void }) {
  const { s, format } = useStaffI18n();
  const cancel = useStaffMutation(CANCEL_SESSION);
  const form = useStaffForm({ schema: cancelSchema, defaultValues: { reason: '' } });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await cancel.mutateAsync({ id: props.session.id, reason: values.reason });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <p>{format(s.sessions.cancel.who, { count: props.session.registrations.length })}</p>
      <TextInput control={form.control} name="reason" label={s.sessions.fields.reason} description={s.sessions.cancel.reasonHint} isRequired multiline />
      <SubmitButton control={form.control}>{s.sessions.cancel.submit}</SubmitButton>
    </form>
  );
}
