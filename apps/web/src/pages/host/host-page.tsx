import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { LoadError, Loading } from '../../components/load-states';
import { usePageTitle } from '../../components/page-title';
import { graphql } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useI18n } from '../../i18n/i18n';
import { brusselsDay, startOfBrusselsDay } from '../../time';
import './host.css';

/** How far ahead a host sees their sessions. */
const WEEKS_AHEAD = 8;

const HOST_SESSIONS_QUERY = graphql(`
  query HostSessions($from: DateTime!, $to: DateTime!) {
    mySessions(first: 100, filter: { from: $from, to: $to, includeCancelled: true }) {
      edges {
        node {
          id
          title
          startsAt
          endsAt
          status
          confirmedCount
          venue {
            name
          }
        }
      }
    }
  }
`);

/**
 * The sessions the signed-in host leads, from the start of today (a session that ended this
 * morning still needs its attendance marked) to some weeks ahead, cancelled ones included.
 */
export function HostPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t.host.title);
  const [now] = useState(() => new Date());
  const variables = useMemo(
    () => ({ from: startOfBrusselsDay(brusselsDay(now)).toISOString(), to: new Date(now.getTime() + WEEKS_AHEAD * 7 * 86_400_000).toISOString() }),
    [now],
  );
  const result = useQuery(HOST_SESSIONS_QUERY, variables);

  return (
    <>
      <h1>{t.host.title}</h1>
      <p>{t.host.intro}</p>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <LoadError retry={result.retry} />}
      {result.status === 'done' &&
        (result.data.mySessions.edges.length === 0 ? (
          <p className="notice">{t.host.noSessions}</p>
        ) : (
          <ul className="sessions">
            {result.data.mySessions.edges.map(({ node: session }) => (
              <li key={session.id} className={`session-card${session.status === 'CANCELLED' ? ' session-card--cancelled' : ''}`}>
                <h2 className="session-card__title">
                  <Link href={`/host/sessions/${session.id}`}>{i18n.formatWhen(new Date(session.startsAt), new Date(session.endsAt))}</Link>
                </h2>
                <p className="session-card__programme">{i18n.joinPieces([session.title, session.venue.name])}</p>
                {session.status === 'CANCELLED' ? (
                  <p className="seats seats--full">{t.session.cancelled}</p>
                ) : (
                  <p className="session-card__count">{i18n.plural(t.host.registered, session.confirmedCount)}</p>
                )}
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
