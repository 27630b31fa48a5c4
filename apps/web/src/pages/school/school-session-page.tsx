import { Link } from 'wouter';
import { isNotFound, LoadError, Loading, NotFound } from '../../components/load-states';
import { usePageTitle } from '../../components/page-title';
import { Seats } from '../../components/seats';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useI18n } from '../../i18n/i18n';
import { fullName } from './people';
import { RegisterParent } from './register-parent';

const SCHOOL_SESSION_QUERY = graphql(`
  query SchoolSession($id: ID!) {
    session(id: $id) {
      id
      title
      startsAt
      endsAt
      status
      availableSeats
      waitlistCount
      programme {
        id
        listsChildren
      }
      registrations {
        id
        status
        waitlistPosition
        participant {
          id
          firstName
          lastName
        }
      }
    }
  }
`);

type Registration = NonNullable<ResultOf<typeof SCHOOL_SESSION_QUERY>['session']>['registrations'][number];

/** One date of the school's schoolbabbel: who is in, who waits (in order), and registering a parent. */
export function SchoolSessionPage(props: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const result = useQuery(SCHOOL_SESSION_QUERY, { id: props.id });
  const session = result.status === 'done' ? result.data.session : null;
  const notFound = isNotFound(result, (data) => data.session);
  usePageTitle(session?.title ?? (notFound ? t.notFound.title : null));

  const seated = session?.registrations.filter((r) => r.status !== 'WAITLISTED') ?? [];
  const waiting = (session?.registrations.filter((r) => r.status === 'WAITLISTED') ?? []).sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));

  return (
    <>
      <p className="back-link">
        <Link href="/school">{t.school.backToDates}</Link>
      </p>
      {result.status === 'loading' && <Loading />}
      {notFound ? <NotFound text={t.session.notFound} /> : result.status === 'error' && <LoadError retry={result.retry} />}
      {session && (
        <>
          <h1>{session.title}</h1>
          <p className="session-card__time">{i18n.formatWhen(new Date(session.startsAt), new Date(session.endsAt))}</p>
          <Seats availableSeats={session.availableSeats} waitlistCount={session.waitlistCount} />
          <p className="no-print">
            <button type="button" onClick={() => window.print()}>
              {t.school.printList}
            </button>
          </p>
          <div className="columns">
            <RegistrationList id="seated" heading={t.school.seated} registrations={seated} />
            <RegistrationList id="waiting" heading={t.school.waiting} registrations={waiting} numbered />
          </div>
          <div className="no-print">
            <RegisterParent sessionId={session.id} listsChildren={session.programme.listsChildren} onRegistered={result.retry} />
          </div>
        </>
      )}
    </>
  );
}

function RegistrationList(props: { id: string; heading: string; registrations: Registration[]; numbered?: boolean }) {
  const { t, format } = useI18n();
  const List = props.numbered ? 'ol' : 'ul';
  return (
    <section aria-labelledby={`${props.id}-heading`} className="people">
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      {props.registrations.length === 0 ? (
        <p className="muted">{t.school.nobody}</p>
      ) : (
        <List id={props.id} className="people__list">
          {props.registrations.map((registration) => (
            <li key={registration.id}>
              {fullName(registration.participant)}
              {registration.waitlistPosition != null && (
                <span className="muted"> ({format(t.school.position, { position: registration.waitlistPosition })})</span>
              )}
            </li>
          ))}
        </List>
      )}
    </section>
  );
}
