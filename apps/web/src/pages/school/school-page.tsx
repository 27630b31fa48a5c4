import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useAuth } from '../../auth/auth';
import { LoadError, Loading } from '../../components/load-states';
import { usePageTitle } from '../../components/page-title';
import { Seats } from '../../components/seats';
import { graphql } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useI18n } from '../../i18n/i18n';

/** How far ahead a school contact sees the dates of their school. */
const WEEKS_AHEAD = 8;

const SCHOOL_DATES_QUERY = graphql(`
  query SchoolDates($from: DateTime!, $to: DateTime!) {
    mySessions(first: 100, filter: { from: $from, to: $to }) {
      edges {
        node {
          id
          title
          startsAt
          endsAt
          availableSeats
          waitlistCount
        }
      }
    }
  }
`);

/** The school's coming schoolbabbel dates (the API returns only the contact's own school's). */
export function SchoolPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useAuth();
  const title = i18n.format(t.school.title, { school: user?.organisationName ?? '' });
  usePageTitle(title);
  const [now] = useState(() => new Date());
  const variables = useMemo(() => ({ from: now.toISOString(), to: new Date(now.getTime() + WEEKS_AHEAD * 7 * 86_400_000).toISOString() }), [now]);
  const result = useQuery(SCHOOL_DATES_QUERY, variables);

  return (
    <>
      <h1>{title}</h1>
      <p>{t.school.intro}</p>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <LoadError retry={result.retry} />}
      {result.status === 'done' &&
        (result.data.mySessions.edges.length === 0 ? (
          <p className="notice">{t.school.noSessions}</p>
        ) : (
          <ul className="sessions">
            {result.data.mySessions.edges.map(({ node: session }) => (
              <li key={session.id} className="session-card">
                <h2 className="session-card__title">
                  <Link href={`/school/sessions/${session.id}`}>{i18n.formatWhen(new Date(session.startsAt), new Date(session.endsAt))}</Link>
                </h2>
                <p className="session-card__programme">{session.title}</p>
                <Seats availableSeats={session.availableSeats} waitlistCount={session.waitlistCount} />
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
