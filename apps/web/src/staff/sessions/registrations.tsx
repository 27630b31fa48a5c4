import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { z } from 'zod';
import { walkInsOpen } from '../../walk-in-window';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { DataTable } from '../ui/data-table';
import { FormProblem, SelectInput, SubmitButton } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { brusselsTime, sessionWhen } from './brussels-time';
import { ChangeChildrenForm, ChildcareSection, useChildrenText } from './childcare';
import { CANCEL_REGISTRATION, MARK_ATTENDANCE, MOVE_REGISTRATION, type RegistrationRow, type StaffSession, UPCOMING_SESSIONS } from './documents';
import { RegisterForm } from './register-form';
import { WalkInForm } from './walk-in-form';

const fullName = (participant: RegistrationRow['participant']) => [participant.firstName, participant.lastName].filter(Boolean).join(' ');

/** The seated list and the waiting list (with positions), and registering someone new. */
export function RegistrationsSection(props: { session: StaffSession }) {
  const { s, format } = useStaffI18n();
  const session = props.session;
  const open = session.status !== 'CANCELLED' && new Date(session.startsAt).getTime() > Date.now();
  const started = session.status !== 'CANCELLED' && !open;
  const walkIns = session.status !== 'CANCELLED' && walkInsOpen(session, Date.now());
  const seated = session.registrations.filter((r) => r.status !== 'WAITLISTED');
  const waiting = session.registrations.filter((r) => r.status === 'WAITLISTED');
  const [notice, setNotice] = useState('');
  const childrenText = useChildrenText();
  const actions = (row: RegistrationRow) => (
    <div className="row-actions">
      {open && (
        <>
          <DialogButton label={`${s.sessions.registrations.cancel}: ${fullName(row.participant)}`} title={s.sessions.registrations.cancelTitle}>
            {(close) => <CancelRegistration registration={row} onDone={(text) => (setNotice(text), close())} waitingCount={waiting.length} />}
          </DialogButton>
          {row.status !== 'OFFERED' && (
            <DialogButton label={`${s.sessions.registrations.move}: ${fullName(row.participant)}`} title={s.sessions.registrations.moveTitle}>
              {(close) => <MoveRegistrationForm session={session} registration={row} onSaved={close} />}
            </DialogButton>
          )}
          <DialogButton label={`${s.sessions.registrations.changeChildren}: ${fullName(row.participant)}`} title={s.sessions.registrations.changeChildrenTitle}>
            {(close) => <ChangeChildrenForm registration={row} onSaved={(text) => (setNotice(text), close())} />}
          </DialogButton>
        </>
      )}
      {started && row.status !== 'WAITLISTED' && row.status !== 'OFFERED' && <Attendance registration={row} />}
    </div>
  );
  // An anonymous walk-in has no name; a named one is marked as such beside it.
  const nameOf = (row: RegistrationRow) =>
    row.participant.anonymous
      ? s.sessions.walkIn.anonymous
      : row.walkIn
        ? `${fullName(row.participant)} (${s.sessions.walkIn.walkIn})`
        : fullName(row.participant);
  const name: ColumnDef<RegistrationRow, unknown> = { id: 'name', header: s.sessions.registrations.name, accessorFn: nameOf };
  const phone: ColumnDef<RegistrationRow, unknown> = {
    id: 'phone',
    header: s.sessions.registrations.phone,
    accessorFn: (row) => row.participant.phone ?? '',
    enableSorting: false,
  };
  const children: ColumnDef<RegistrationRow, unknown> = { id: 'children', header: s.sessions.registrations.children, accessorFn: childrenText };
  const actionColumn: ColumnDef<RegistrationRow, unknown> = {
    id: 'actions',
    header: s.sessions.registrations.actions,
    cell: (info) => actions(info.row.original),
    enableSorting: false,
  };
  const seatedColumns: ColumnDef<RegistrationRow, unknown>[] = [
    name,
    phone,
    {
      id: 'status',
      header: s.sessions.registrations.status,
      // An offered seat is held until its expiry; then it goes to the next person.
      accessorFn: (row) =>
        row.status === 'OFFERED' && row.seatOfferExpiresAt
          ? format(s.sessions.registrations.offeredUntil, { time: brusselsTime(row.seatOfferExpiresAt) })
          : s.sessions.registrationStatus[row.status],
    },
    children,
    actionColumn,
  ];
  const waitingColumns: ColumnDef<RegistrationRow, unknown>[] = [
    { id: 'position', header: s.sessions.registrations.position, accessorFn: (row) => row.waitlistPosition ?? 0 },
    name,
    phone,
    children,
    actionColumn,
  ];
  return (
    <section aria-labelledby="registrations-heading">
      <h2 id="registrations-heading">{s.sessions.registrations.title}</h2>
      <p role="status">{notice}</p>
      <DataTable caption={s.sessions.registrations.seated} columns={seatedColumns} data={seated} rowId={(row) => row.id} />
      <DataTable
        caption={s.sessions.registrations.waiting}
        columns={waitingColumns}
        data={waiting}
        rowId={(row) => row.id}
        initialSort={[{ id: 'position', desc: false }]}
      />
      <ChildcareSection session={session} />
      {(open || walkIns) && (
        <div className="toolbar">
          {open && (
            <DialogButton label={s.sessions.register.open} title={s.sessions.register.title}>
              {(close) => (
                <RegisterForm sessionId={session.id} listsChildren={session.programme.listsChildren} onSaved={(text) => (setNotice(text), close())} />
              )}
            </DialogButton>
          )}
          {walkIns && (
            <DialogButton label={s.sessions.walkIn.open} title={s.sessions.walkIn.title}>
              {(close) => <WalkInForm sessionId={session.id} onSaved={(text) => (setNotice(text), close())} />}
            </DialogButton>
          )}
        </div>
      )}
    </section>
  );
}

function CancelRegistration(props: { registration: RegistrationRow; waitingCount: number; onDone(text: string): void }) {
  const { s, format } = useStaffI18n();
  const cancel = useStaffMutation(CANCEL_REGISTRATION);
  const seatFreed = props.registration.status !== 'WAITLISTED' && props.waitingCount > 0;
  return (
    <>
      <p>{format(s.sessions.registrations.cancelQuestion, { name: fullName(props.registration.participant) })}</p>
      <p>{seatFreed ? s.sessions.registrations.waitingMovesUp : s.sessions.registrations.nobodyMovesUp}</p>
      {cancel.isError && <p role="alert">{s.common.apiErrors.other}</p>}
      <Button
        className="button--danger"
        isDisabled={cancel.isPending}
        onPress={() =>
          cancel.mutate(
            { id: props.registration.id },
            { onSuccess: () => props.onDone(seatFreed ? s.sessions.registrations.cancelledMovedUp : s.sessions.registrations.cancelled) },
          )
        }
      >
        {s.sessions.registrations.cancelConfirm}
      </Button>
    </>
  );
}

function Attendance(props: { registration: RegistrationRow }) {
  const { s, format } = useStaffI18n();
  const mark = useStaffMutation(MARK_ATTENDANCE);
  const name = fullName(props.registration.participant);
  return (
    <>
      <Button
        className="button--secondary"
        aria-pressed={props.registration.status === 'ATTENDED'}
        aria-label={format(s.sessions.registrations.attendedLabel, { name })}
        onPress={() => mark.mutate({ registrationId: props.registration.id, attended: true })}
      >
        {s.sessions.registrations.attended}
      </Button>
      <Button
        className="button--secondary"
        aria-pressed={props.registration.status === 'NO_SHOW'}
        aria-label={format(s.sessions.registrations.noShowLabel, { name })}
        onPress={() => mark.mutate({ registrationId: props.registration.id, attended: false })}
      >
        {s.sessions.registrations.noShow}
      </Button>
    </>
  );
}

const moveSchema = z.object({ toSessionId: v.choice() });

/** Another upcoming session of the same programme; when it is full they wait at the end of its list. */
function MoveRegistrationForm(props: { session: StaffSession; registration: RegistrationRow; onSaved(): void }) {
  const { s, format, language } = useStaffI18n();
  const [now] = useState(() => new Date().toISOString());
  const sessions = useStaffQuery(UPCOMING_SESSIONS, { filter: { programmeId: props.session.programme.id, from: now } });
  const move = useStaffMutation(MOVE_REGISTRATION);
  const form = useStaffForm({ schema: moveSchema, defaultValues: { toSessionId: '' }, apiFields: { registrationId: 'toSessionId' } });
  return (
    <QueryStatus query={sessions}>
      {(data) => (
        <form
          noValidate
          onSubmit={form.submit(async (values) => {
            await move.mutateAsync({ registrationId: props.registration.id, toSessionId: values.toSessionId });
            props.onSaved();
          })}
        >
          <FormProblem control={form.control} />
          <p>{format(s.sessions.registrations.moveWho, { name: fullName(props.registration.participant) })}</p>
          <SelectInput
            control={form.control}
            name="toSessionId"
            label={s.sessions.registrations.toSession}
            isRequired
            options={data.mySessions.edges
              .filter((edge) => edge.node.id !== props.session.id)
              .map(({ node }) => ({
                id: node.id,
                label: `${node.title}, ${sessionWhen(node.startsAt, node.endsAt, language)}, ${node.venue.name} — ${node.availableSeats === 0 ? s.sessions.registrations.full : format(s.sessions.registrations.freeSeats, { count: node.availableSeats })}`,
              }))}
          />
          <p className="field__hint">{s.sessions.registrations.moveRule}</p>
          <SubmitButton control={form.control}>{s.sessions.registrations.moveSubmit}</SubmitButton>
        </form>
      )}
    </QueryStatus>
  );
}
