import { useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { QueryStatus } from '../ui/query-status';
import { DAY_SHIFTS_QUERY, PLANNING_CHOICES_QUERY, SESSION_SHIFTS_QUERY } from './queries';
import { NewShiftButton } from './shift-form';
import { ShiftGrid } from './shift-grid';
import { useVolunteerWords } from './words';

const DAY = 86_400_000;
/** Shifts of a session or day from long before: attendance is recorded after the shift. */
const LONG_AGO = '2000-01-01T00:00:00.000Z';

/** Pick a session, or a day of a festival edition, to plan its shifts. */
export function PlanningPickerPage() {
  const { s } = useStaffI18n();
  usePageTitle(s.volunteers.planning.title);
  const words = useVolunteerWords();
  const [, navigate] = useLocation();
  // Two weeks back: the planner records who came after the shift.
  const from = useMemo(() => new Date(Math.floor(Date.now() / DAY) * DAY - 14 * DAY).toISOString(), []);
  const choices = useStaffQuery(PLANNING_CHOICES_QUERY, { from });
  const ids = { session: useId(), edition: useId(), day: useId() };
  const [sessionId, setSessionId] = useState('');
  const [editionId, setEditionId] = useState('');
  const [day, setDay] = useState('');
  return (
    <>
      <p>
        <Link href="/">{s.volunteers.planning.back}</Link>
      </p>
      <h1>{s.volunteers.planning.title}</h1>
      <QueryStatus query={choices}>
        {(data) => {
          const edition = data.festivalEditions.find((candidate) => candidate.id === editionId);
          return (
            <>
              <form
                className="volunteers__picker"
                aria-label={s.volunteers.planning.pickSession}
                onSubmit={(event) => {
                  event.preventDefault();
                  if (sessionId) navigate(`/planning/session/${sessionId}`);
                }}
              >
                <div className="field">
                  <label htmlFor={ids.session}>{s.volunteers.planning.session}</label>
                  <select id={ids.session} value={sessionId} onChange={(event) => setSessionId(event.target.value)}>
                    <option value="">{s.volunteers.planning.choose}</option>
                    {data.mySessions.edges.map(({ node }) => (
                      <option key={node.id} value={node.id}>
                        {`${words.dateTime(node.startsAt)} · ${node.title}`}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" disabled={!sessionId}>
                  {s.volunteers.planning.open}
                </button>
              </form>
              <h2>{s.volunteers.planning.pickFestival}</h2>
              <form
                className="volunteers__picker"
                aria-label={s.volunteers.planning.pickFestival}
                onSubmit={(event) => {
                  event.preventDefault();
                  if (editionId && day) navigate(`/planning/festival/${editionId}/${day}`);
                }}
              >
                <div className="field">
                  <label htmlFor={ids.edition}>{s.volunteers.planning.edition}</label>
                  <select
                    id={ids.edition}
                    value={editionId}
                    onChange={(event) => {
                      setEditionId(event.target.value);
                      setDay('');
                    }}
                  >
                    <option value="">{s.volunteers.planning.choose}</option>
                    {data.festivalEditions.map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={ids.day}>{s.volunteers.planning.day}</label>
                  <select id={ids.day} value={day} disabled={!edition} onChange={(event) => setDay(event.target.value)}>
                    <option value="">{s.volunteers.planning.choose}</option>
                    {edition &&
                      daysBetween(edition.startsOn, edition.endsOn).map((date) => (
                        <option key={date} value={date}>
                          {words.date(date)}
                        </option>
                      ))}
                  </select>
                </div>
                <button type="submit" disabled={!editionId || !day}>
                  {s.volunteers.planning.open}
                </button>
              </form>
            </>
          );
        }}
      </QueryStatus>
    </>
  );
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`) && days.length < 31; time += DAY) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

/** The shifts of one session, as a grid of cards. */
export function SessionPlanningPage(props: { sessionId: string }) {
  const { s, format } = useStaffI18n();
  const query = useStaffQuery(SESSION_SHIFTS_QUERY, { sessionId: props.sessionId, from: LONG_AGO });
  const title = query.data?.session ? format(s.volunteers.planning.sessionTitle, { title: query.data.session.title }) : s.volunteers.planning.title;
  usePageTitle(title);
  return (
    <>
      <p>
        <Link href="/planning">{s.volunteers.planning.backToPicker}</Link>
      </p>
      <h1>{title}</h1>
      <QueryStatus query={query}>
        {(data) => (
          <>
            {data.session && (
              <div className="toolbar">
                <NewShiftButton target={{ kind: 'session', sessionId: data.session.id, seriesId: data.session.seriesId ?? null }} />
              </div>
            )}
            <ShiftGrid shifts={data.shifts} />
          </>
        )}
      </QueryStatus>
    </>
  );
}

/** The shifts of one festival day (Brussels), as a grid of cards. */
export function DayPlanningPage(props: { editionId: string; day: string }) {
  const { s, format } = useStaffI18n();
  const words = useVolunteerWords();
  // The whole Brussels day, with an hour to spare either side of UTC.
  const from = new Date(Date.parse(`${props.day}T00:00:00Z`) - 2 * 3_600_000).toISOString();
  const to = new Date(Date.parse(`${props.day}T00:00:00Z`) + DAY).toISOString();
  const query = useStaffQuery(DAY_SHIFTS_QUERY, { editionId: props.editionId, from, to });
  const edition = query.data?.festivalEdition?.name ?? '';
  const title = format(s.volunteers.planning.dayTitle, { day: words.date(props.day), edition });
  usePageTitle(title);
  return (
    <>
      <p>
        <Link href="/planning">{s.volunteers.planning.backToPicker}</Link>
      </p>
      <h1>{title}</h1>
      <QueryStatus query={query}>
        {(data) => (
          <>
            <div className="toolbar">
              <NewShiftButton target={{ kind: 'festival', editionId: props.editionId, day: props.day }} />
            </div>
            <ShiftGrid shifts={data.shifts.filter((shift) => brusselsDate(shift.startsAt) === props.day)} />
          </>
        )}
      </QueryStatus>
    </>
  );
}

const brusselsDate = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(instant));
