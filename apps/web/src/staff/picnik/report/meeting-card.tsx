import { Link } from 'wouter';
import { sessionWhen } from '../../sessions/brussels-time';
import { useStaffI18n } from '../../staff-strings';
import type { Meeting } from './queries';

type Registration = Meeting['registrations'][number];

const name = (registration: Registration) => [registration.participant.firstName, registration.participant.lastName].filter(Boolean).join(' ');

/**
 * One meeting: when and where; after it took place, who came, who did not, and who is not marked
 * yet, with the session's own page (in the sessions area) to mark attendance.
 */
export function MeetingCard(props: { meeting: Meeting; past: boolean }) {
  const { s, format, language } = useStaffI18n();
  const { meeting } = props;
  const when = sessionWhen(meeting.startsAt, meeting.endsAt, language);
  const headingId = `meeting-${meeting.id}`;
  const attended = meeting.registrations.filter((r) => r.status === 'ATTENDED');
  const noShows = meeting.registrations.filter((r) => r.status === 'NO_SHOW');
  const open = meeting.registrations.filter((r) => r.status === 'CONFIRMED');
  const cancelled = meeting.status === 'CANCELLED';
  // Link text the eye sees, with the meeting's date for a list of links read out of context.
  const action = props.past ? s.picnikReport.meetings.mark : s.picnikReport.meetings.open;
  return (
    <article className="meetings__meeting" aria-labelledby={headingId} data-session-id={meeting.id}>
      <h3 id={headingId}>{when}</h3>
      <p className="muted">
        {meeting.venue.name}
        {cancelled && ` · ${s.picnikReport.meetings.cancelled}`}
      </p>
      {!props.past ? (
        <>
          <p>{format(s.picnikReport.meetings.registered, { count: open.length })}</p>
          <People id={`${headingId}-expected`} title={s.picnikReport.meetings.confirmed} people={open} />
        </>
      ) : (
        !cancelled && (
          <>
            <p className="meetings__summary">
              {format(s.picnikReport.meetings.summary, { attended: attended.length, noShows: noShows.length, open: open.length })}
            </p>
            <div className="meetings__people">
              <People id={`${headingId}-attended`} title={s.picnikReport.meetings.attended} people={attended} />
              <People id={`${headingId}-no-show`} title={s.picnikReport.meetings.noShow} people={noShows} />
              <People id={`${headingId}-unmarked`} title={s.picnikReport.meetings.unmarked} people={open} />
            </div>
          </>
        )
      )}
      <p>
        <Link href={`~/staff/sessions/${meeting.id}`} aria-label={format(s.picnikReport.meetings.openSession, { action, date: when })}>
          {action}
        </Link>
      </p>
    </article>
  );
}

function People(props: { id: string; title: string; people: Registration[] }) {
  const { s } = useStaffI18n();
  return (
    <div className="meetings__group" data-group={props.id}>
      <h4 id={props.id}>{props.title}</h4>
      {props.people.length === 0 ? (
        <p className="muted">{s.picnikReport.meetings.nobody}</p>
      ) : (
        <ul aria-labelledby={props.id}>
          {props.people.map((registration) => (
            <li key={registration.id}>{name(registration)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
