import type { ColumnDef } from '@tanstack/react-table';
import { z } from 'zod';
import { graphql } from '../../graphql/graphql';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { FormProblem, NumberInput, SubmitButton } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import type { RegistrationRow, StaffSession } from './documents';

export const CHANGE_REGISTRATION_CHILDREN = graphql(`
  mutation StaffChangeRegistrationChildren($registrationId: ID!, $children: Int!) {
    changeRegistrationChildren(registrationId: $registrationId, children: $children) {
      id
      children
      childcareStatus
    }
  }
`);

const fullName = (participant: RegistrationRow['participant']) => [participant.firstName, participant.lastName].filter(Boolean).join(' ');

/** "2 (in childcare)": the children of a registration and, where the programme has childcare, their place. */
export function useChildrenText() {
  const { s } = useStaffI18n();
  return (row: RegistrationRow) =>
    row.children === 0 ? '0' : row.childcareStatus ? `${row.children} (${s.sessions.childcare.status[row.childcareStatus]})` : String(row.children);
}

/**
 * The programme's childcare at this session: places taken and the families waiting, in the order
 * they get a place (a family whose children fit in the places left goes first: docs/architecture.md#invariant-6).
 */
export function ChildcareSection(props: { session: StaffSession }) {
  const { s, format } = useStaffI18n();
  const childcare = props.session.childcare;
  if (!childcare) return null;
  const waiting = props.session.registrations
    .filter((r) => r.childcareStatus === 'WAITLISTED')
    .sort((a, b) => (a.childcareWaitingPosition ?? 0) - (b.childcareWaitingPosition ?? 0));
  const columns: ColumnDef<RegistrationRow, unknown>[] = [
    { id: 'position', header: s.sessions.childcare.position, accessorFn: (row) => row.childcareWaitingPosition ?? 0 },
    { id: 'family', header: s.sessions.childcare.family, accessorFn: (row) => fullName(row.participant) },
    { id: 'children', header: s.sessions.childcare.children, accessorFn: (row) => row.children },
  ];
  return (
    <section aria-labelledby="childcare-heading">
      <h2 id="childcare-heading">{s.sessions.childcare.title}</h2>
      <p>{format(s.sessions.childcare.summary, { placed: childcare.placed, capacity: childcare.capacity, waiting: childcare.waitlisted })}</p>
      {waiting.length === 0 ? (
        <p>{s.sessions.childcare.nobodyWaiting}</p>
      ) : (
        <DataTable
          caption={s.sessions.childcare.waitingCaption}
          columns={columns}
          data={waiting}
          rowId={(row) => row.id}
          initialSort={[{ id: 'position', desc: false }]}
        />
      )}
    </section>
  );
}

const childrenSchema = z.object({ children: v.int(0, 10) });

/** How many children come along, until the session starts; the childcare place follows (the API decides it). */
export function ChangeChildrenForm(props: { registration: RegistrationRow; onSaved(notice: string): void }) {
  const { s, format } = useStaffI18n();
  const change = useStaffMutation(CHANGE_REGISTRATION_CHILDREN);
  const form = useStaffForm({ schema: childrenSchema, defaultValues: { children: props.registration.children } });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await change.mutateAsync({ registrationId: props.registration.id, children: values.children });
        props.onSaved(s.sessions.registrations.childrenChanged);
      })}
    >
      <FormProblem control={form.control} />
      <p>{format(s.sessions.registrations.changeChildrenWho, { name: fullName(props.registration.participant) })}</p>
      <NumberInput control={form.control} name="children" label={s.sessions.registrations.childrenCount} isRequired />
      <SubmitButton control={form.control}>{s.sessions.registrations.changeChildrenSubmit}</SubmitButton>
    </form>
  );
}
