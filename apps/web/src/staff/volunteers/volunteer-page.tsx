import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { AbsenceForm } from './absence-form';
import { ProfileForm } from './profile-form';
import { type HistoryRow, REMOVE_ABSENCE, VOLUNTEER_QUERY, type VolunteerProfile } from './queries';
import { useVolunteerWords } from './words';

/** One volunteer: the profile, periods away and the shifts done and ahead. */
export function VolunteerPage(props: { id: string }) {
  const { s } = useStaffI18n();
  const query = useStaffQuery(VOLUNTEER_QUERY, { id: props.id });
  const user = query.data?.volunteers.find((volunteer) => volunteer.id === props.id);
  const name = query.data?.volunteerProfile?.volunteer.displayName ?? user?.displayName ?? null;
  usePageTitle(name ?? s.volunteers.title);
  return (
    <>
      <p>
        <Link href="/">{s.volunteers.profile.back}</Link>
      </p>
      <QueryStatus query={query}>
        {(data) => (
          <>
            <h1>{name}</h1>
            {data.volunteerProfile && <NoShowNotice profile={data.volunteerProfile} />}
            <section aria-labelledby="profile-heading" className="volunteers__section">
              <h2 id="profile-heading">{s.volunteers.profile.title}</h2>
              <ProfileForm key={data.volunteerProfile?.id ?? 'new'} volunteerId={props.id} profile={data.volunteerProfile} />
            </section>
            <Absences volunteerId={props.id} absences={data.volunteerProfile?.absences ?? []} />
            <History rows={data.volunteerShiftHistory} />
          </>
        )}
      </QueryStatus>
    </>
  );
}

function NoShowNotice(props: { profile: VolunteerProfile }) {
  const { s, format } = useStaffI18n();
  const { profile } = props;
  return profile.flaggedForNoShows ? (
    <p className="notice notice--error">{format(s.volunteers.profile.flag, { count: profile.consecutiveNoShows })}</p>
  ) : (
    <p className="muted">{format(s.volunteers.profile.noShowTotal, { count: profile.noShowCount })}</p>
  );
}

function Absences(props: { volunteerId: string; absences: VolunteerProfile['absences'] }) {
  const { s, format } = useStaffI18n();
  const words = useVolunteerWords();
  const remove = useStaffMutation(REMOVE_ABSENCE);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const sorted = [...props.absences].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    <section aria-labelledby="absences-heading" className="volunteers__section">
      <h2 id="absences-heading">{s.volunteers.absences.title}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{s.volunteers.absences.none}</p>
      ) : (
        <ul className="volunteers__absences">
          {sorted.map((absence) => {
            const period = { from: words.date(absence.startsOn), to: words.date(absence.endsOn) };
            return (
              <li key={absence.id}>
                <span>
                  {format(s.volunteers.absences.period, period)}
                  {absence.reason && <span className="muted"> — {absence.reason}</span>}
                </span>
                <button
                  type="button"
                  className="button--secondary"
                  aria-label={format(s.volunteers.absences.removeLabel, period)}
                  disabled={remove.isPending}
                  onClick={async () => {
                    setStatus(null);
                    try {
                      await remove.mutateAsync({ id: absence.id });
                      setStatus({ ok: true, text: s.volunteers.absences.removed });
                    } catch (error) {
                      setStatus({ ok: false, text: words.refusal(error) });
                    }
                  }}
                >
                  {s.volunteers.absences.remove}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" className={status ? (status.ok ? 'notice notice--ok' : 'notice notice--error') : undefined}>
        {status?.text}
      </p>
      <h3>{s.volunteers.absences.add}</h3>
      <AbsenceForm volunteerId={props.volunteerId} />
    </section>
  );
}

function History(props: { rows: HistoryRow[] }) {
  const { s } = useStaffI18n();
  const words = useVolunteerWords();
  const columns: ColumnDef<HistoryRow, unknown>[] = [
    { id: 'when', header: s.volunteers.history.when, accessorFn: (row) => row.startsAt, cell: ({ row }) => words.dateTime(row.original.startsAt) },
    { id: 'shift', header: s.volunteers.history.shift, accessorFn: (row) => row.shift.title },
    { id: 'role', header: s.volunteers.history.role, accessorFn: (row) => s.volunteers.skills[row.shift.role] },
    {
      id: 'status',
      header: s.volunteers.history.status,
      accessorFn: (row) =>
        row.status === 'ASSIGNED' && Date.parse(row.startsAt) > Date.now() ? s.volunteers.history.upcoming : s.volunteers.assignmentStatus[row.status],
    },
  ];
  return (
    <section aria-labelledby="history-heading" className="volunteers__section">
      <h2 id="history-heading">{s.volunteers.history.title}</h2>
      <DataTable
        caption={s.volunteers.history.caption}
        columns={columns}
        data={props.rows}
        rowId={(row) => row.id}
        initialSort={[{ id: 'when', desc: true }]}
      />
    </section>
  );
}
