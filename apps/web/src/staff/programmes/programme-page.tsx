import type { ColumnDef } from '@tanstack/react-table';
import { type ResultOf } from 'gql.tada';
import { useState } from 'react';
import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { NotFoundPage } from '../../pages/not-found-page';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { ProgrammeForm } from './programme-form';
import { useLanguageName, useReminderLabel, useSessionTime } from './programme-words';
import { PROGRAMME_SESSIONS_QUERY, PROGRAMMES_QUERY, type ProgrammeRow, UPDATE_PROGRAMME } from './queries';

type SessionRow = ResultOf<typeof PROGRAMME_SESSIONS_QUERY>['mySessions']['edges'][number]['node'];

/** One programme: what it is, its series and upcoming sessions, and the buttons to plan more or archive it. */
export function ProgrammePage(props: { id: string }) {
  const { s } = useStaffI18n();
  const programmes = useStaffQuery(PROGRAMMES_QUERY, {});
  const programme = programmes.data?.programmes.find((row) => row.id === props.id);
  usePageTitle(programme?.name ?? s.programmes.title);
  if (programmes.data && !programme) return <NotFoundPage />;
  return <QueryStatus query={programmes}>{() => programme && <ProgrammeDetails programme={programme} />}</QueryStatus>;
}

function ProgrammeDetails(props: { programme: ProgrammeRow }) {
  const { s, format } = useStaffI18n();
  const p = s.programmes;
  const { programme } = props;
  const languageName = useLanguageName();
  const reminderLabel = useReminderLabel();
  // The browser's clock decides what "upcoming" is; a minute's drift does not matter here.
  const [from] = useState(() => new Date().toISOString());
  const sessions = useStaffQuery(PROGRAMME_SESSIONS_QUERY, { filter: { programmeId: programme.id, from } });
  return (
    <>
      <p>
        <Link href="/">{p.backToList}</Link>
      </p>
      <h1>{programme.name}</h1>
      {!programme.active && (
        <p className="notice" role="note">
          {p.archive.isArchived}
        </p>
      )}
      <dl className="programme-facts">
        <dt>{p.fields.kind}</dt>
        <dd>{p.kinds[programme.kind]}</dd>
        <dt>{p.fields.defaultCapacity}</dt>
        <dd>{programme.defaultCapacity}</dd>
        <dt>{p.fields.reminders}</dt>
        <dd>{programme.reminderOffsetsMinutes.length ? programme.reminderOffsetsMinutes.map(reminderLabel).join(', ') : p.noReminders}</dd>
        <dt>{p.fields.languages}</dt>
        <dd>{programme.languages.map(languageName).join(', ')}</dd>
        {programme.description && (
          <>
            <dt>{p.fields.description}</dt>
            <dd>{programme.description}</dd>
          </>
        )}
      </dl>
      <div className="toolbar">
        <DialogButton label={s.common.actions.edit} title={format(p.editTitle, { name: programme.name })}>
          {(close) => <ProgrammeForm programme={programme} onSaved={close} />}
        </DialogButton>
        {programme.active && (
          <>
            <Link className="programme-link-button" href={`~/staff/series/new?programme=${programme.id}`}>
              {p.newSeries}
            </Link>
            <Link className="programme-link-button" href={`~/staff/sessions/new?programme=${programme.id}`}>
              {p.newSession}
            </Link>
          </>
        )}
        <ArchiveButton programme={programme} upcoming={sessions.data?.mySessions.totalCount} />
      </div>
      <QueryStatus query={sessions}>
        {(data) => <ProgrammeSessions sessions={data.mySessions.edges.map((edge) => edge.node)} total={data.mySessions.totalCount} />}
      </QueryStatus>
    </>
  );
}

function ProgrammeSessions(props: { sessions: SessionRow[]; total: number }) {
  const { s, format } = useStaffI18n();
  const p = s.programmes;
  const sessionTime = useSessionTime();
  // A series' sessions carry its title; the first upcoming one names it and says when it next meets.
  const series = new Map<string, SessionRow>();
  for (const session of props.sessions) if (session.seriesId && !series.has(session.seriesId)) series.set(session.seriesId, session);
  const columns: ColumnDef<SessionRow, unknown>[] = [
    {
      id: 'startsAt',
      header: p.sessions.startsAt,
      accessorFn: (row) => row.startsAt,
      cell: ({ row }) => <Link href={`~/staff/sessions/${row.original.id}`}>{sessionTime(row.original.startsAt)}</Link>,
    },
    { id: 'title', header: p.sessions.title, accessorFn: (row) => row.title },
    { id: 'venue', header: p.sessions.venue, accessorFn: (row) => row.venue.name },
    {
      id: 'seats',
      header: p.sessions.seats,
      accessorFn: (row) => row.confirmedCount / row.capacity,
      cell: ({ row }) => format(p.sessions.seatsValue, { confirmed: row.original.confirmedCount, capacity: row.original.capacity }),
    },
    { id: 'waitlist', header: p.sessions.waitlist, accessorFn: (row) => row.waitlistCount },
    { id: 'status', header: p.sessions.status, accessorFn: (row) => p.sessionStatus[row.status as keyof typeof p.sessionStatus] ?? row.status },
  ];
  return (
    <>
      <h2>{p.series.title}</h2>
      {series.size === 0 ? (
        <p>{p.series.none}</p>
      ) : (
        <ul className="programme-list">
          {[...series.entries()].map(([id, session]) => (
            <li key={id}>
              <Link href={`~/staff/series/${id}`}>{session.title}</Link>{' '}
              <span className="muted">{format(p.series.next, { when: sessionTime(session.startsAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{p.sessions.title_}</h2>
      {props.total > props.sessions.length && <p>{format(p.sessions.firstOf, { shown: props.sessions.length, total: props.total })}</p>}
      <DataTable caption={p.sessions.caption} columns={columns} data={props.sessions} rowId={(row) => row.id} initialSort={[{ id: 'startsAt', desc: false }]} />
    </>
  );
}

/** Archiving hides the programme from the public list of programmes and from new plans; what is planned stays. */
function ArchiveButton(props: { programme: ProgrammeRow; upcoming: number | undefined }) {
  const { s, format } = useStaffI18n();
  const a = s.programmes.archive;
  const update = useStaffMutation(UPDATE_PROGRAMME);
  const [failed, setFailed] = useState(false);
  const change = (active: boolean, close?: () => void) => {
    setFailed(false);
    update.mutate({ id: props.programme.id, input: { active } }, { onSuccess: () => close?.(), onError: () => setFailed(true) });
  };
  if (!props.programme.active)
    return (
      <>
        <button type="button" className="button--secondary" disabled={update.isPending} onClick={() => change(true)}>
          {a.unarchive}
        </button>
        {failed && <p role="alert">{s.common.apiErrors.other}</p>}
      </>
    );
  return (
    <DialogButton label={a.archive} title={format(a.confirmTitle, { name: props.programme.name })}>
      {(close) => (
        <>
          <p>{props.upcoming === undefined ? a.whatStays : format(a.upcoming, { count: props.upcoming })}</p>
          <p>{a.noNewPlans}</p>
          <button type="button" disabled={update.isPending} onClick={() => change(false, close)}>
            {a.confirm}
          </button>
          {failed && <p role="alert">{s.common.apiErrors.other}</p>}
        </>
      )}
    </DialogButton>
  );
}
