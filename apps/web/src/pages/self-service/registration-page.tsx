import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { downloadFile } from '../../components/download';
import { isNotFound, LoadError, Loading } from '../../components/load-states';
import { usePageTitle } from '../../components/page-title';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { isLanguage, useI18n } from '../../i18n/i18n';
import { TIME_ZONE } from '../../time';
import { CALENDAR_FILE_NAME, mapLink, sessionCalendar } from './calendar-file';
import { RegistrationActions } from './registration-actions';
import { type Standing, standingOf } from './standing';

/**
 * Only what the holder of the link may read: their own first name and language, and the public
 * facts of the session. Nothing about other people, not even their own phone number.
 */
const MY_REGISTRATION = graphql(`
  query MyRegistration($token: String!) {
    myRegistration(token: $token) {
      id
      status
      waitlistPosition
      seatOfferExpiresAt
      confirmedByHolderAt
      participant {
        firstName
        preferredLanguage
      }
      session {
        id
        title
        startsAt
        endsAt
        status
        cancellationReason
        programme {
          id
          name
        }
        venue {
          id
          name
          room
          address
        }
      }
    }
  }
`);

type MyRegistration = NonNullable<ResultOf<typeof MY_REGISTRATION>['myRegistration']>;

/**
 * The page a personal link in a message opens (/r/<token>), without login: the session, where and
 * when, and the buttons that apply to the registration as it is now. It speaks the language the
 * person chose when registering, unless the reader picks another in the switcher.
 */
export function RegistrationLinkPage(props: { token: string }) {
  const { t } = useI18n();
  const result = useQuery(MY_REGISTRATION, { token: props.token });
  const registration = result.status === 'done' ? result.data.myRegistration : null;
  // A token that is no token at all is refused as bad input: to the reader, a dead link too.
  const dead = isNotFound(result, (data) => data.myRegistration);
  useParticipantLanguage(registration?.participant.preferredLanguage);
  usePageTitle(dead ? t.selfService.deadLinkTitle : t.selfService.title);

  if (dead) return <DeadLink />;
  if (result.status === 'error') return <LoadError retry={result.retry} />;
  if (!registration) return <Loading />;
  return <RegistrationView registration={registration} token={props.token} refresh={result.retry} />;
}

/**
 * Once, when the registration arrives: its holder's language, shown without becoming this
 * device's choice (a school's tablet opens links of many parents). After that the switcher rules.
 */
function useParticipantLanguage(preferred: string | undefined) {
  const { language, setLanguage } = useI18n();
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || preferred === undefined) return;
    applied.current = true;
    // A language that fails to load (offline) leaves the page in the current one.
    if (isLanguage(preferred) && preferred !== language) setLanguage(preferred, { remember: false }).catch(() => undefined);
  }, [preferred, language, setLanguage]);
}

function DeadLink() {
  const { t } = useI18n();
  return (
    <article className="self-service">
      <h1>{t.selfService.deadLinkTitle}</h1>
      <p>{t.selfService.deadLinkText}</p>
      <ScheduleLink />
    </article>
  );
}

function ScheduleLink() {
  const { t } = useI18n();
  return (
    <p>
      <Link href="/" className="self-service__schedule">
        {t.selfService.toSchedule}
      </Link>
    </p>
  );
}

/** "dinsdag 16:00": an offer ends within a day or so, the weekday keeps it unambiguous. */
function offerEnds(instant: Date, locales: readonly string[], rtl: boolean): string {
  const text = new Intl.DateTimeFormat([...locales], {
    timeZone: TIME_ZONE,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  // As in i18n/formatting.ts: a Latin comma beside Arabic script becomes the Arabic comma.
  return rtl ? text.replace(/\s*,\s*/g, '، ') : text;
}

function RegistrationView(props: { registration: MyRegistration; token: string; refresh(): void }) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const { registration } = props;
  const { session } = registration;
  const startsAt = new Date(session.startsAt);
  const endsAt = new Date(session.endsAt);
  const standing = standingOf(registration, Date.now());
  const when = i18n.formatWhen(startsAt, endsAt);
  const place = [session.venue.name, session.venue.room].filter(Boolean).join(', ');

  const status: Record<Standing, string> = {
    coming: registration.confirmedByHolderAt ? t.selfService.statusComingSaid : t.selfService.statusConfirmed,
    waiting: format(t.selfService.statusWaitlisted, { position: registration.waitlistPosition ?? 1 }),
    offered: format(t.selfService.statusOffered, {
      until: registration.seatOfferExpiresAt ? offerEnds(new Date(registration.seatOfferExpiresAt), i18n.info.locales, i18n.info.dir === 'rtl') : '',
    }),
    notComing: t.selfService.statusCancelled,
    sessionCancelled: t.selfService.statusSessionCancelled,
    past: t.selfService.statusPast,
  };
  const ended = standing === 'notComing' || standing === 'sessionCancelled' || standing === 'past';

  const saveCalendar = () =>
    downloadFile(
      CALENDAR_FILE_NAME,
      sessionCalendar({ id: session.id, title: session.title, startsAt, endsAt, location: `${place}, ${session.venue.address}` }, new Date()),
      'text/calendar;charset=utf-8',
    );

  return (
    <article className="self-service">
      <h1>{format(t.selfService.hello, { name: registration.participant.firstName })}</h1>
      <p className={`notice self-service__status ${standing === 'offered' || standing === 'coming' ? 'notice--ok' : ended ? 'notice--error' : ''}`}>
        <strong>{status[standing]}</strong>
      </p>
      {standing === 'sessionCancelled' && session.cancellationReason && <p>{format(t.session.cancelledReason, { reason: session.cancellationReason })}</p>}
      <h2 className="self-service__session">{session.title}</h2>
      <dl className="facts">
        <div>
          <dt>{t.session.programme}</dt>
          <dd>{session.programme.name}</dd>
        </div>
        <div>
          <dt>{t.session.when}</dt>
          <dd>
            <time dateTime={session.startsAt} className={standing === 'sessionCancelled' ? 'struck' : undefined}>
              {when}
            </time>{' '}
            <span className="muted">({t.session.timeZoneNote})</span>
          </dd>
        </div>
        <div>
          <dt>{t.session.where}</dt>
          <dd>
            {place}
            <br />
            <span className="address">{session.venue.address}</span>
            <br />
            <a href={mapLink(session.venue.address)} target="_blank" rel="noopener noreferrer" className="self-service__map">
              {t.selfService.showOnMap}
            </a>
          </dd>
        </div>
      </dl>
      {standing === 'coming' && (
        <p>
          <button type="button" className="button--secondary button--big" onClick={saveCalendar}>
            {t.selfService.addToCalendar}
          </button>
        </p>
      )}
      <RegistrationActions
        token={props.token}
        standing={standing}
        comingSaid={!!registration.confirmedByHolderAt}
        firstName={registration.participant.firstName}
        when={when}
        refresh={props.refresh}
      />
      {ended && <ScheduleLink />}
    </article>
  );
}
