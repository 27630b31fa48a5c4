import { readFragment, type ResultOf } from 'gql.tada';
import { useState } from 'react';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { useI18n } from '../../i18n/i18n';
import { TIME_ZONE } from '../../time';
import { fullName } from '../school/people';

/** BCP 47 "undetermined": the language of an anonymous walk-in nobody asked. */
const UNDISCLOSED_LANGUAGE = 'und';

/** What the host sees of one seated person; the mark mutation answers with the same, fresh. */
export const ATTENDEE_FRAGMENT = graphql(`
  fragment Attendee on Registration {
    id
    status
    walkIn
    children
    seatOfferExpiresAt
    participant {
      id
      anonymous
      firstName
      lastName
      preferredLanguage
      consecutiveNoShows
      noShowCount
      flaggedForNoShows
    }
  }
`);

const MARK_ATTENDANCE_MUTATION = graphql(
  `
    mutation MarkAttendance($registrationId: ID!, $attended: Boolean!) {
      markAttendance(registrationId: $registrationId, attended: $attended) {
        ...Attendee
      }
    }
  `,
  [ATTENDEE_FRAGMENT],
);

type Attendee = ResultOf<typeof ATTENDEE_FRAGMENT>;
type Mark = 'ATTENDED' | 'NO_SHOW';

/**
 * One person, with two finger-sized buttons: came / did not come. A tap shows the choice at once
 * (pressed, "saving…"); the row settles on what the API answers, and falls back with a message
 * when saving fails, so the screen never claims a mark the API does not hold.
 */
export function AttendeeRow(props: { registration: Attendee; canMark: boolean; languageName(tag: string): string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [saved, setSaved] = useState(props.registration);
  const [pending, setPending] = useState<Mark | null>(null);
  const [failed, setFailed] = useState(false);
  const { participant } = saved;
  // An anonymous walk-in has no name: the row says what they are.
  const name = participant.anonymous ? t.walkIn.anonymousName : fullName(participant);
  const shown = pending ?? saved.status;

  const mark = async (choice: Mark) => {
    // One change at a time per person: a second tap while saving would race the first.
    if (pending || choice === saved.status) return;
    setPending(choice);
    setFailed(false);
    try {
      const { markAttendance } = await request(MARK_ATTENDANCE_MUTATION, { registrationId: saved.id, attended: choice === 'ATTENDED' });
      setSaved(readFragment(ATTENDEE_FRAGMENT, markAttendance));
    } catch {
      setFailed(true);
    } finally {
      setPending(null);
    }
  };

  // An offered seat waits for the person's yes or no until its expiry; nothing to mark yet.
  if (saved.status === 'OFFERED') return <OfferedRow registration={saved} languageName={props.languageName} />;
  const state = pending ? t.host.saving : shown === 'ATTENDED' ? t.host.attended : shown === 'NO_SHOW' ? t.host.noShow : t.host.notMarked;
  return (
    <li className={`attendee attendee--${shown.toLowerCase()}`}>
      <div className="attendee__who">
        <p className="attendee__name">{name}</p>
        {participant.preferredLanguage !== UNDISCLOSED_LANGUAGE && (
          <p className="muted">{i18n.format(t.host.speaks, { language: props.languageName(participant.preferredLanguage) })}</p>
        )}
        {(saved.walkIn || saved.children > 0) && (
          <p className="muted">
            {i18n.joinPieces([saved.walkIn && t.walkIn.cameWithout, saved.children > 0 && i18n.format(t.walkIn.childrenCount, { count: saved.children })])}
          </p>
        )}
        {participant.flaggedForNoShows ? (
          <p className="attendee__flag">{i18n.plural(t.host.flagged, participant.consecutiveNoShows)}</p>
        ) : (
          participant.noShowCount > 0 && <p className="muted">{i18n.plural(t.host.earlierNoShows, participant.noShowCount)}</p>
        )}
      </div>
      {props.canMark && (
        <div className="attendance" role="group" aria-label={name} aria-busy={pending !== null}>
          <button
            type="button"
            className="attendance__button attendance__button--attended"
            aria-pressed={shown === 'ATTENDED'}
            onClick={() => void mark('ATTENDED')}
          >
            {t.host.attended}
          </button>
          <button
            type="button"
            className="attendance__button attendance__button--no-show"
            aria-pressed={shown === 'NO_SHOW'}
            onClick={() => void mark('NO_SHOW')}
          >
            {t.host.noShow}
          </button>
        </div>
      )}
      <p className="attendee__state" aria-live="polite">
        {failed ? (
          <span className="attendee__error">{i18n.format(t.host.saveFailed, { name })}</span>
        ) : props.canMark || saved.status !== 'CONFIRMED' ? (
          state
        ) : null}
      </p>
    </li>
  );
}

/** Someone offered the freed seat: who, and until when they can say yes (then it goes to the next person). */
function OfferedRow(props: { registration: Attendee; languageName(tag: string): string }) {
  const i18n = useI18n();
  const { participant, seatOfferExpiresAt } = props.registration;
  const time = seatOfferExpiresAt
    ? new Intl.DateTimeFormat([...i18n.info.locales], { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        new Date(seatOfferExpiresAt),
      )
    : '';
  return (
    <li className="attendee attendee--offered">
      <div className="attendee__who">
        <p className="attendee__name">{fullName(participant)}</p>
        <p className="muted">{i18n.format(i18n.t.host.speaks, { language: props.languageName(participant.preferredLanguage) })}</p>
      </div>
      <p className="attendee__state">{i18n.format(i18n.t.host.offeredUntil, { time })}</p>
    </li>
  );
}
