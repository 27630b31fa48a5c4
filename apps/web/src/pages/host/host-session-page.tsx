import { readFragment } from 'gql.tada';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useAuth } from '../../auth/auth';
import { isNotFound, LoadError, Loading, NotFound } from '../../components/load-states';
import { usePageTitle } from '../../components/page-title';
import { Seats } from '../../components/seats';
import { graphql } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useI18n } from '../../i18n/i18n';
import { walkInsOpen } from '../../walk-in-window';
import { ATTENDEE_FRAGMENT, AttendeeRow } from './attendee-row';
import { CancelSession } from './cancel-session';
import { WalkInForm } from './walk-in-form';
import './host.css';

const HOST_SESSION_QUERY = graphql(
  `
    query HostSession($id: ID!) {
      session(id: $id) {
        id
        title
        startsAt
        endsAt
        status
        cancellationReason
        availableSeats
        waitlistCount
        venue {
          name
          address
        }
        registrations {
          id
          status
          ...Attendee
        }
      }
    }
  `,
  [ATTENDEE_FRAGMENT],
);

/** Registrations with a seat: the people the host expects (and marks as come or not); an offered seat is held for its person. */
const SEATED = new Set(['CONFIRMED', 'ATTENDED', 'NO_SHOW', 'OFFERED']);

/** One session of the host: who comes and in which language, attendance once it started, cancelling before. */
export function HostSessionPage(props: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const result = useQuery(HOST_SESSION_QUERY, { id: props.id });
  const session = result.status === 'done' ? result.data.session : null;
  const notFound = isNotFound(result, (data) => data.session);
  usePageTitle(session?.title ?? (notFound ? t.notFound.title : null));
  const [now] = useState(() => Date.now());
  const [cancelledHere, setCancelledHere] = useState(false);
  // The participant's language named in the language of the page, so the host can read it.
  const languageNames = useMemo(() => new Intl.DisplayNames([...i18n.info.locales], { type: 'language', fallback: 'code' }), [i18n.info]);

  const attendees = session?.registrations.filter((registration) => SEATED.has(registration.status)) ?? [];
  const started = session ? new Date(session.startsAt).getTime() <= now : false;
  const cancelled = session?.status === 'CANCELLED';
  // A volunteer co-host sees who comes; marking and cancelling stay with the hosts (the API says the same).
  const isHost = !!useAuth().user?.roles.includes('HOST');

  return (
    <>
      <p className="back-link">
        <Link href="/host">{t.host.backToSessions}</Link>
      </p>
      {result.status === 'loading' && <Loading />}
      {notFound ? <NotFound text={t.session.notFound} /> : result.status === 'error' && <LoadError retry={result.retry} />}
      <div role="status">{cancelledHere && <p className="notice notice--ok">{t.host.cancelDone}</p>}</div>
      {session && (
        <>
          <h1>{session.title}</h1>
          <p className="session-card__time">{i18n.formatWhen(new Date(session.startsAt), new Date(session.endsAt))}</p>
          <p className="session-card__place">
            {session.venue.name}, <span className="address">{session.venue.address}</span>
          </p>
          {cancelled ? (
            <p className="notice notice--error">
              {i18n.joinPieces([
                t.session.cancelled,
                session.cancellationReason && i18n.format(t.session.cancelledReason, { reason: session.cancellationReason }),
              ])}
            </p>
          ) : (
            <Seats availableSeats={session.availableSeats} waitlistCount={session.waitlistCount} />
          )}

          <section aria-labelledby="attendees-heading">
            <h2 id="attendees-heading">{t.host.attendees}</h2>
            <p className="muted">{i18n.plural(t.host.registered, attendees.length)}</p>
            {!started && !cancelled && attendees.length > 0 && <p className="notice">{t.host.notStarted}</p>}
            {attendees.length === 0 ? (
              <p className="muted">{t.host.noAttendees}</p>
            ) : (
              <ul className="attendees">
                {attendees.map((registration) => (
                  <AttendeeRow
                    // Keyed by status too: a booked person added at the door comes back ATTENDED and the row starts afresh.
                    key={`${registration.id}:${registration.status}`}
                    registration={readFragment(ATTENDEE_FRAGMENT, registration)}
                    canMark={started && !cancelled && isHost}
                    languageName={(tag) => languageNames.of(tag) ?? tag}
                  />
                ))}
              </ul>
            )}
          </section>

          {!cancelled && isHost && walkInsOpen(session, now) && <WalkInForm sessionId={session.id} onAdded={result.retry} />}

          {!started && !cancelled && isHost && (
            <CancelSession
              sessionId={session.id}
              onCancelled={() => {
                setCancelledHere(true);
                result.retry();
              }}
            />
          )}
        </>
      )}
    </>
  );
}
