import { Link } from 'wouter';
import { usePageTitle } from '../components/page-title';
import { Seats } from '../components/seats';
import { SessionFrame, sessionNotFound } from '../components/session-frame';
import { type ResultOf } from '../graphql/graphql';
import { SESSION_QUERY } from '../graphql/public-operations';
import { useQuery } from '../graphql/use-query';
import { useI18n } from '../i18n/i18n';

type Session = NonNullable<ResultOf<typeof SESSION_QUERY>['session']>;

export function SessionPage(props: { id: string }) {
  const { t } = useI18n();
  const result = useQuery(SESSION_QUERY, { id: props.id });
  const session = result.status === 'done' ? result.data.session : null;
  usePageTitle(session?.title ?? (sessionNotFound(result) ? t.session.notFound : null));
  return (
    <SessionFrame back={{ href: '/', label: t.session.backToSchedule }} result={result}>
      {(found) => <SessionDetails session={found} />}
    </SessionFrame>
  );
}

function SessionDetails({ session }: { session: Session }) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const startsAt = new Date(session.startsAt);
  const cancelled = session.status === 'CANCELLED';
  return (
    <article className="session-details">
      <h1>{session.title}</h1>
      {cancelled && (
        <div className="notice notice--error" role="note">
          <p>
            <strong>{t.session.cancelled}</strong>
          </p>
          {session.cancellationReason && <p>{format(t.session.cancelledReason, { reason: session.cancellationReason })}</p>}
        </div>
      )}
      {!cancelled && startsAt.getTime() > Date.now() && (
        <p>
          <Link href={`/sessions/${session.id}/register`}>
            <strong>{t.newcomer.registerLink}</strong>
          </Link>
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t.session.when}</dt>
          <dd>
            <time dateTime={session.startsAt} className={cancelled ? 'struck' : undefined}>
              {i18n.formatWhen(startsAt, new Date(session.endsAt))}
            </time>{' '}
            <span className="muted">({t.session.timeZoneNote})</span>
          </dd>
        </div>
        <div>
          <dt>{t.session.where}</dt>
          <dd>
            {session.venue.organisation.name}
            <br />
            {[session.venue.name, session.venue.room].filter(Boolean).join(', ')}
            <br />
            <span className="address">{session.venue.address}</span>
          </dd>
        </div>
        <div>
          <dt>{t.session.programme}</dt>
          <dd>{session.programme.name}</dd>
        </div>
        <div>
          <dt>{t.session.languages}</dt>
          <dd>{session.helpLanguages.length > 0 ? i18n.formatList(session.helpLanguages.map((tag) => i18n.languageName(tag))) : i18n.languageName('nl')}</dd>
        </div>
        {!cancelled && (
          <div>
            <dt>{t.session.seats}</dt>
            <dd>
              <Seats availableSeats={session.availableSeats} waitlistCount={session.waitlistCount} />
              <p>{session.availableSeats > 0 ? format(t.session.seatsOf, { free: session.availableSeats, capacity: session.capacity }) : t.session.fullNote}</p>
            </dd>
          </div>
        )}
        {session.venue.accessibilityNotes && (
          <div>
            <dt>{t.session.accessibility}</dt>
            <dd>{session.venue.accessibilityNotes}</dd>
          </div>
        )}
      </dl>
    </article>
  );
}
