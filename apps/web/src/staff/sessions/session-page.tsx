import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { QueryStatus } from '../ui/query-status';
import { sessionWhen } from './brussels-time';
import { SESSION_QUERY, type StaffSession } from './documents';
import { HostsForm } from './hosts-form';
import { RegistrationsSection } from './registrations';
import { CancelSessionForm, CapacityForm, MoveSessionForm } from './session-forms';

/** /staff/sessions/:id: one session, what can be changed about it, and who is registered. */
export function SessionPage(props: { id: string }) {
  const { s } = useStaffI18n();
  const session = useStaffQuery(SESSION_QUERY, { id: props.id });
  usePageTitle(session.data?.session?.title ?? s.sessions.session.title);
  return (
    <QueryStatus query={session}>{(data) => (data.session ? <SessionDetails session={data.session} /> : <p>{s.sessions.session.notFound}</p>)}</QueryStatus>
  );
}

function SessionDetails(props: { session: StaffSession }) {
  const { s, format, language } = useStaffI18n();
  const session = props.session;
  const cancelled = session.status === 'CANCELLED';
  return (
    <>
      <h1>{session.title}</h1>
      <dl className="session-facts">
        <dt>{s.sessions.fields.programme}</dt>
        <dd>{session.programme.name}</dd>
        <dt>{s.sessions.fields.when}</dt>
        <dd>{sessionWhen(session.startsAt, session.endsAt, language)}</dd>
        <dt>{s.sessions.fields.venue}</dt>
        <dd>{session.venue.name}</dd>
        <dt>{s.sessions.fields.capacity}</dt>
        <dd>{format(s.sessions.session.seats, { confirmed: session.confirmedCount, capacity: session.capacity, waiting: session.waitlistCount })}</dd>
        <dt>{s.sessions.fields.hosts}</dt>
        <dd>{session.hosts.map((host) => host.displayName).join(', ') || s.sessions.session.noHosts}</dd>
        <dt>{s.sessions.fields.status}</dt>
        <dd>{s.sessions.status[session.status]}</dd>
        {session.cancellationReason && (
          <>
            <dt>{s.sessions.fields.reason}</dt>
            <dd>{session.cancellationReason}</dd>
          </>
        )}
      </dl>
      {!cancelled && (
        <div className="toolbar">
          <DialogButton label={s.sessions.move.open} title={s.sessions.move.title}>
            {(close) => <MoveSessionForm session={session} onSaved={close} />}
          </DialogButton>
          <DialogButton label={s.sessions.capacity.open} title={s.sessions.capacity.title}>
            {(close) => <CapacityForm session={session} onSaved={close} />}
          </DialogButton>
          <DialogButton label={s.sessions.hosts.open} title={s.sessions.hosts.title}>
            {() => <HostsForm session={session} />}
          </DialogButton>
          <DialogButton label={s.sessions.cancel.open} title={s.sessions.cancel.title}>
            {(close) => <CancelSessionForm session={session} onSaved={close} />}
          </DialogButton>
        </div>
      )}
      <RegistrationsSection session={session} />
      <p>
        <Link href={`/new?programme=${session.programme.id}`}>{s.sessions.create.title}</Link>
      </p>
    </>
  );
}
