import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { usePageTitle } from '../../../components/page-title';
import { TIME_ZONE } from '../../../time';
import { useStaffQuery } from '../../data';
import { useStaffI18n } from '../../staff-strings';
import { QueryStatus } from '../../ui/query-status';
import { MeetingCard } from './meeting-card';
import { MeetingMonths } from './meeting-months';
import { PicnikTabs } from './picnik-tabs';
import { MEETING_MONTHS, MEETING_PROGRAMMES, MEETINGS } from './queries';
import './report.css';

/** How far back the page looks: a year of meetings, month by month. */
const MONTHS_BACK = 12;
/** Meetings ahead: the next one is within a month; a season shows what is planned. */
const DAYS_AHEAD = 100;

/** The monthly meeting moment: the meeting sessions of the trajectory programmes, who came, attendance over the months. */
export function MeetingsPage() {
  const { s } = useStaffI18n();
  usePageTitle(s.picnikReport.meetings.title);
  const programmes = useStaffQuery(MEETING_PROGRAMMES, {});
  return (
    <>
      <PicnikTabs />
      <h1>{s.picnikReport.meetings.title}</h1>
      <p>{s.picnikReport.meetings.intro}</p>
      <QueryStatus query={programmes}>
        {(data) => {
          const meetings = data.programmes.filter((programme) => programme.kind === 'TRAJECTORY');
          if (meetings.length === 0) return <p className="notice">{s.picnikReport.meetings.noProgramme}</p>;
          return <ProgrammeMeetings programmes={meetings} />;
        }}
      </QueryStatus>
    </>
  );
}

function ProgrammeMeetings(props: { programmes: { id: string; name: string }[] }) {
  const { s } = useStaffI18n();
  const [programmeId, setProgrammeId] = useState(props.programmes[0].id);
  const window = useMemo(() => {
    const now = DateTime.now().setZone(TIME_ZONE);
    const first = now.startOf('month').minus({ months: MONTHS_BACK - 1 });
    return {
      now: now.toJSDate(),
      from: first.toUTC().toISO()!,
      to: now.plus({ days: DAYS_AHEAD }).toUTC().toISO()!,
      firstDay: first.toISODate()!,
      today: now.toISODate()!,
    };
  }, []);
  const meetings = useStaffQuery(MEETINGS, { filter: { programmeId, from: window.from, to: window.to, includeCancelled: true } });
  const months = useStaffQuery(MEETING_MONTHS, { from: window.firstDay, to: window.today, programmeId });
  return (
    <>
      {props.programmes.length > 1 && (
        <div className="field">
          <label htmlFor="meetings-programme">{s.picnikReport.meetings.programme}</label>
          <select id="meetings-programme" value={programmeId} onChange={(event) => setProgrammeId(event.target.value)}>
            {props.programmes.map((programme) => (
              <option key={programme.id} value={programme.id}>
                {programme.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <QueryStatus query={meetings}>
        {(data) => {
          const all = data.sessions.edges.map((edge) => edge.node);
          const started = (meeting: (typeof all)[number]) => new Date(meeting.startsAt).getTime() <= window.now.getTime();
          const next = all.find((meeting) => !started(meeting) && meeting.status !== 'CANCELLED');
          const past = all.filter(started).reverse();
          return (
            <>
              <section aria-labelledby="next-heading">
                <h2 id="next-heading">{s.picnikReport.meetings.next}</h2>
                {next ? <MeetingCard meeting={next} past={false} /> : <p className="notice">{s.picnikReport.meetings.noNext}</p>}
              </section>
              <section aria-labelledby="past-heading">
                <h2 id="past-heading">{s.picnikReport.meetings.past}</h2>
                {past.length === 0 ? (
                  <p className="notice">{s.picnikReport.meetings.noPast}</p>
                ) : (
                  <ul className="meetings__list">
                    {past.map((meeting) => (
                      <li key={meeting.id}>
                        <MeetingCard meeting={meeting} past />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </QueryStatus>
      <QueryStatus query={months}>{(data) => <MeetingMonths months={data.programmeReport} />}</QueryStatus>
    </>
  );
}
