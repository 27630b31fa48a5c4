import type { ColumnDef } from '@tanstack/react-table';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useSessionTime } from '../programmes/programme-words';
import { useStaffI18n } from '../staff-strings';
import { DataTable } from '../ui/data-table';
import { QueryStatus } from '../ui/query-status';
import { type DashboardSession, DASHBOARD_QUERY, STAND_APPLICATIONS_QUERY } from './queries';
import { isUnderBooked, signalsOf, UNDER_BOOKED_HOURS, UNDER_BOOKED_MINIMUM } from './signals';

/** This week and next (Monday to Sunday in Kortrijk), seen from the browser's clock. */
function weeks(now: Date) {
  const thisWeek = DateTime.fromJSDate(now).setZone('Europe/Brussels').startOf('week');
  const nextWeek = thisWeek.plus({ weeks: 1 });
  return { from: thisWeek.toUTC().toISO()!, next: nextWeek.toJSDate().getTime(), to: nextWeek.plus({ weeks: 1 }).toUTC().toISO()! };
}

export function DashboardPage() {
  const { s, format } = useStaffI18n();
  const d = s.dashboard;
  usePageTitle(d.title);
  const [now] = useState(() => new Date());
  const [range] = useState(() => weeks(now));
  const dashboard = useStaffQuery(DASHBOARD_QUERY, { from: range.from, to: range.to });
  return (
    <>
      <h1>{d.title}</h1>
      <QueryStatus query={dashboard}>
        {(data) => {
          const sessions = data.mySessions.edges.map((edge) => edge.node);
          const startsBeforeNextWeek = (session: DashboardSession) => new Date(session.startsAt).getTime() < range.next;
          const failed = data.failedMessages.length;
          return (
            <>
              <section aria-labelledby="dashboard-waiting" className="dashboard__section">
                <h2 id="dashboard-waiting">{d.waiting.title}</h2>
                <ul className="dashboard__counts">
                  <li data-count="failed-messages" className={failed > 0 ? 'dashboard__count--alert' : undefined}>
                    {/* The coordinator page lists them with why they failed, and resends them. */}
                    {failed > 0 ? (
                      <a href="/coordinator#failed-messages">{format(d.waiting.failedMessages, { count: failed })}</a>
                    ) : (
                      format(d.waiting.failedMessages, { count: 0 })
                    )}
                  </li>
                  <li data-count="follow-ups">{format(d.waiting.followUps, { count: data.followUps.length })}</li>
                  <li data-count="picnik-follow-ups-due" className={data.dueTrajectoryFollowUpCount > 0 ? 'dashboard__count--alert' : undefined}>
                    {/* The case board, filtered on the cases with a follow-up due. */}
                    <Link href="~/staff/picnik?followUpDue=1">{format(d.waiting.picnikFollowUpsDue, { count: data.dueTrajectoryFollowUpCount })}</Link>
                  </li>
                  <li data-count="unscreened-volunteers">{format(d.waiting.unscreenedVolunteers, { count: data.unscreenedVolunteerCount })}</li>
                  <StandApplicationsCount edition={data.festivalEditions[0]} />
                </ul>
              </section>
              <section aria-labelledby="dashboard-under-booked" className="dashboard__section">
                <h2 id="dashboard-under-booked">{d.underBooked.title}</h2>
                <UnderBooked sessions={sessions.filter((session) => isUnderBooked(session, now))} />
              </section>
              {data.mySessions.totalCount > sessions.length && (
                <p className="notice">{format(d.sessions.firstOf, { shown: sessions.length, total: data.mySessions.totalCount })}</p>
              )}
              <section aria-labelledby="dashboard-this-week" className="dashboard__section">
                <h2 id="dashboard-this-week">{d.sessions.thisWeek}</h2>
                <WeekTable caption={d.sessions.thisWeekCaption} sessions={sessions.filter(startsBeforeNextWeek)} now={now} />
              </section>
              <section aria-labelledby="dashboard-next-week" className="dashboard__section">
                <h2 id="dashboard-next-week">{d.sessions.nextWeek}</h2>
                <WeekTable caption={d.sessions.nextWeekCaption} sessions={sessions.filter((session) => !startsBeforeNextWeek(session))} now={now} />
              </section>
            </>
          );
        }}
      </QueryStatus>
    </>
  );
}

/** Applications of the newest edition with a slot still waiting for the city's answer. */
function StandApplicationsCount(props: { edition: { id: string; name: string } | undefined }) {
  const { s, format } = useStaffI18n();
  const applications = useStaffQuery(STAND_APPLICATIONS_QUERY, { editionId: props.edition?.id ?? '' }, { enabled: Boolean(props.edition) });
  if (!props.edition) return null;
  const open = applications.data?.standApplications.filter((application) => application.bookings.some((booking) => booking.status === 'REQUESTED')).length;
  return (
    <li data-count="stand-applications">
      {/* The edition's page in the back office is where coordinators confirm, refuse or move stand requests. */}
      {open === undefined ? (
        s.common.loading
      ) : open > 0 ? (
        <Link href={`/festival/editions/${props.edition.id}`}>
          {format(s.dashboard.waiting.standApplications, { count: open, edition: props.edition.name })}
        </Link>
      ) : (
        format(s.dashboard.waiting.standApplications, { count: open, edition: props.edition.name })
      )}
    </li>
  );
}

function UnderBooked(props: { sessions: DashboardSession[] }) {
  const { s, format } = useStaffI18n();
  const sessionTime = useSessionTime();
  if (props.sessions.length === 0) return <p>{format(s.dashboard.underBooked.none, { hours: UNDER_BOOKED_HOURS, minimum: UNDER_BOOKED_MINIMUM })}</p>;
  return (
    <ul className="dashboard__list">
      {props.sessions.map((session) => (
        <li key={session.id} data-session-id={session.id}>
          <Link href={`~/staff/sessions/${session.id}`}>
            {session.title}, {sessionTime(session.startsAt)}
          </Link>{' '}
          {format(s.dashboard.underBooked.seats, { confirmed: session.confirmedCount, capacity: session.capacity })}
        </li>
      ))}
    </ul>
  );
}

function WeekTable(props: { caption: string; sessions: DashboardSession[]; now: Date }) {
  const { s, format } = useStaffI18n();
  const d = s.dashboard.sessions;
  const sessionTime = useSessionTime();
  const columns: ColumnDef<DashboardSession, unknown>[] = [
    {
      id: 'startsAt',
      header: d.startsAt,
      accessorFn: (row) => row.startsAt,
      cell: ({ row }) => <Link href={`~/staff/sessions/${row.original.id}`}>{sessionTime(row.original.startsAt)}</Link>,
    },
    { id: 'title', header: d.title, accessorFn: (row) => row.title },
    {
      id: 'programme',
      header: d.programme,
      accessorFn: (row) => row.programme.name,
      cell: ({ row }) => <Link href={`~/staff/programmes/${row.original.programme.id}`}>{row.original.programme.name}</Link>,
    },
    {
      id: 'fill',
      header: d.fill,
      accessorFn: (row) => row.confirmedCount / Math.max(row.capacity, 1),
      cell: ({ row }) => (
        <span className="fill-cell">
          {format(d.fillValue, {
            confirmed: row.original.confirmedCount,
            capacity: row.original.capacity,
            percent: Math.round((100 * row.original.confirmedCount) / Math.max(row.original.capacity, 1)),
          })}
        </span>
      ),
    },
    {
      id: 'waitlist',
      header: d.waitlist,
      accessorFn: (row) => row.waitlistCount,
      cell: ({ row }) => <span className="waitlist-cell">{row.original.waitlistCount}</span>,
    },
    {
      id: 'signals',
      header: d.signals,
      enableSorting: false,
      accessorFn: (row) => signalsOf(row, props.now).join(' '),
      cell: ({ row }) => (
        <span className="dashboard__signals">
          {signalsOf(row.original, props.now).map((signal) => (
            <span key={signal} className={`dashboard__signal dashboard__signal--${signal}`}>
              {s.dashboard.signals[signal]}
            </span>
          ))}
        </span>
      ),
    },
  ];
  if (props.sessions.length === 0) return <p>{d.none}</p>;
  return <DataTable caption={props.caption} columns={columns} data={props.sessions} rowId={(row) => row.id} initialSort={[{ id: 'startsAt', desc: false }]} />;
}
