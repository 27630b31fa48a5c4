import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { LoadError, Loading } from '../../components/load-states';
import { usePageTitle } from '../../components/page-title';
import { request } from '../../graphql/client';
import { explainError, FORMS, sayError } from '../../graphql/form-errors';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useI18n } from '../../i18n/i18n';

/** The overview shows this far ahead: enough to act on a full session or a long waiting list. */
const DAYS_AHEAD = 14;
/** The most sessions one request returns (the API's maximum page). */
const SESSIONS_SHOWN = 100;

const COORDINATOR_HOME_QUERY = graphql(`
  query CoordinatorHome($from: DateTime!, $to: DateTime!) {
    mySessions(first: 100, filter: { from: $from, to: $to }) {
      totalCount
      edges {
        node {
          id
          title
          startsAt
          endsAt
          capacity
          confirmedCount
          availableSeats
          waitlistCount
          seriesId
          venue {
            name
          }
        }
      }
    }
    notifications(filter: { status: FAILED }, first: 50) {
      id
      kind
      channel
      attempts
      lastError
      dueAt
      participant {
        firstName
        lastName
      }
      session {
        title
      }
    }
    programmes(includeInactive: true) {
      id
      name
      kind
      defaultCapacity
      active
    }
  }
`);

const RESEND_MUTATION = graphql(`
  mutation ResendNotification($id: ID!) {
    resendNotification(id: $id) {
      id
      status
    }
  }
`);

type Home = ResultOf<typeof COORDINATOR_HOME_QUERY>;

/** The coordinator's overview: capacity for two weeks, failed messages, programmes; reports one click away. */
export function CoordinatorPage() {
  const { t } = useI18n();
  usePageTitle(t.coordinator.title);
  const [now] = useState(() => new Date());
  const variables = useMemo(() => ({ from: now.toISOString(), to: new Date(now.getTime() + DAYS_AHEAD * 86_400_000).toISOString() }), [now]);
  const result = useQuery(COORDINATOR_HOME_QUERY, variables);

  return (
    <>
      <h1>{t.coordinator.title}</h1>
      <p>{t.coordinator.intro}</p>
      <p>
        <Link href="/coordinator/reports">{t.coordinator.reportsLink}</Link>
      </p>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <LoadError retry={result.retry} />}
      {result.status === 'done' && (
        <>
          <Capacity sessions={result.data.mySessions} />
          <FailedMessages notifications={result.data.notifications} onResent={result.retry} />
          <Programmes programmes={result.data.programmes} />
        </>
      )}
    </>
  );
}

function Capacity(props: { sessions: Home['mySessions'] }) {
  const i18n = useI18n();
  const { t, format, plural } = i18n;
  const sessions = props.sessions.edges.map((edge) => edge.node);
  const notShown = props.sessions.totalCount - Math.min(sessions.length, SESSIONS_SHOWN);
  return (
    <section aria-labelledby="capacity-heading">
      <h2 id="capacity-heading">{t.coordinator.capacityHeading}</h2>
      {sessions.length === 0 ? (
        <p className="notice">{t.coordinator.noSessions}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="capacity-heading" tabIndex={0}>
          <table id="capacity" className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.coordinator.session}</th>
                <th scope="col">{t.coordinator.when}</th>
                <th scope="col">{t.coordinator.seats}</th>
                <th scope="col">{t.coordinator.waitlist}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => {
                const full = session.availableSeats === 0;
                return (
                  <tr key={session.id} className={full ? 'is-full' : undefined} data-session-id={session.id}>
                    <th scope="row">
                      {session.title}
                      <span className="muted data-table__sub">{session.venue.name}</span>
                      {session.seriesId && (
                        <Link
                          href={`/coordinator/series/${session.seriesId}`}
                          className="data-table__sub"
                          aria-label={format(t.coordinator.seriesOf, { title: session.title })}
                        >
                          {t.coordinator.series}
                        </Link>
                      )}
                    </th>
                    <td>{i18n.formatWhen(new Date(session.startsAt), new Date(session.endsAt))}</td>
                    <td className="seats-cell">
                      {format(t.coordinator.seatsTaken, { confirmed: session.confirmedCount, capacity: session.capacity })}
                      {full && <span className="seats seats--full">{t.coordinator.full}</span>}
                    </td>
                    <td className="waitlist-cell">{format('{count}', { count: session.waitlistCount })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {notShown > 0 && <p className="muted">{plural(t.coordinator.moreSessions, notShown)}</p>}
    </section>
  );
}

function FailedMessages(props: { notifications: Home['notifications']; onResent(): void }) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const resend = async (id: string) => {
    setBusy(id);
    setOutcome(null);
    try {
      await request(RESEND_MUTATION, { id });
      setOutcome({ kind: 'ok', text: t.coordinator.resent });
      props.onResent();
    } catch (error) {
      setOutcome({ kind: 'error', text: sayError(explainError(error, FORMS.coordinatorResend), i18n) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="failed-heading">
      <h2 id="failed-heading">{t.coordinator.failedHeading}</h2>
      <div role="status" aria-live="polite">
        {outcome && <p className={`notice ${outcome.kind === 'error' ? 'notice--error' : 'notice--ok'}`}>{outcome.text}</p>}
      </div>
      {props.notifications.length === 0 ? (
        <p className="notice">{t.coordinator.noFailed}</p>
      ) : (
        <>
          <p>{t.coordinator.failedIntro}</p>
          <ul id="failed-messages" className="sessions">
            {props.notifications.map((message) => {
              const name = message.participant
                ? [message.participant.firstName, message.participant.lastName].filter(Boolean).join(' ')
                : t.coordinator.staffRecipient;
              return (
                <li key={message.id} className="session-card session-card--problem" data-notification-id={message.id}>
                  <h3 className="session-card__title">
                    <code>{message.kind}</code> · {message.channel}
                  </h3>
                  <dl className="facts facts--compact">
                    <div>
                      <dt>{t.coordinator.recipient}</dt>
                      <dd>
                        {name}
                        {message.session && <span className="muted"> · {message.session.title}</span>}
                      </dd>
                    </div>
                    <div>
                      <dt>{t.coordinator.when}</dt>
                      <dd>
                        {/* A range from an instant to itself is written as that one time. */}
                        {i18n.formatWhen(new Date(message.dueAt), new Date(message.dueAt))}
                      </dd>
                    </div>
                    <div>
                      <dt>{t.coordinator.problem}</dt>
                      <dd className="failed-error">{message.lastError ?? '—'}</dd>
                    </div>
                    <div>
                      <dt>{t.coordinator.attempts}</dt>
                      <dd>{format('{count}', { count: message.attempts })}</dd>
                    </div>
                  </dl>
                  <button
                    type="button"
                    disabled={busy !== null}
                    aria-label={format(t.coordinator.resendFor, { kind: message.kind, name })}
                    onClick={() => void resend(message.id)}
                  >
                    {t.coordinator.resend}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function Programmes(props: { programmes: Home['programmes'] }) {
  const { t, plural } = useI18n();
  return (
    <section aria-labelledby="programmes-heading">
      <h2 id="programmes-heading">{t.coordinator.programmesHeading}</h2>
      <ul className="programme-list">
        {props.programmes.map((programme) => (
          <li key={programme.id}>
            <strong>{programme.name}</strong> <span className="muted">· {t.coordinator.programmeKinds[programme.kind]}</span>
            <span className="muted"> · {plural(t.coordinator.defaultCapacity, programme.defaultCapacity)}</span>
            {!programme.active && <span className="muted"> · {t.coordinator.inactive}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
