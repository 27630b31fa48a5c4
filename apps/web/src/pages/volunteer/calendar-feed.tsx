import { useRef, useState } from 'react';
import { GraphQLRequestError, request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { useI18n } from '../../i18n/i18n';

const ISSUE_CALENDAR_FEED_MUTATION = graphql(`
  mutation IssueCalendarFeed($volunteerId: ID!) {
    issueCalendarFeed(volunteerId: $volunteerId)
  }
`);

const REVOKE_CALENDAR_FEED_MUTATION = graphql(`
  mutation RevokeCalendarFeed($volunteerId: ID!) {
    revokeCalendarFeed(volunteerId: $volunteerId)
  }
`);

/**
 * The volunteer's personal iCalendar feed. The API stores only a hash of its secret, so the link
 * can be shown just once, right after it is made; making a new one stops the old one (the way to
 * end a link that was shared by mistake).
 */
export function CalendarFeed(props: { volunteerId: string; hasFeed: boolean }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [copied, setCopied] = useState(false);
  // null: as the profile says; true: stopped here; false: a new link made here.
  const [stopped, setStopped] = useState<boolean | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const hasFeed = stopped === null ? props.hasFeed || url !== null : !stopped;

  const issue = async () => {
    setBusy(true);
    setFailed(false);
    setCopied(false);
    try {
      const { issueCalendarFeed: path } = await request(ISSUE_CALENDAR_FEED_MUTATION, { volunteerId: props.volunteerId });
      // The path is on the API's origin, which serves this app.
      setUrl(new URL(path, window.location.origin).href);
      setStopped(false);
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) console.warn(caught);
      setFailed(true);
    }
    setBusy(false);
  };

  /** Stops the link without a new one, for when it was shared by mistake or is no longer wanted. */
  const revoke = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await request(REVOKE_CALENDAR_FEED_MUTATION, { volunteerId: props.volunteerId });
      setUrl(null);
      setStopped(true);
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) console.warn(caught);
      setFailed(true);
    }
    setBusy(false);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url ?? '');
      setCopied(true);
    } catch {
      // No clipboard (an older browser, or not allowed): select the text, so copying by hand is one step.
      field.current?.select();
    }
  };

  return (
    <section aria-labelledby="calendar-heading" className="calendar-feed">
      <h2 id="calendar-heading">{t.volunteer.calendarHeading}</h2>
      <p>{t.volunteer.calendarIntro}</p>
      <p className="calendar-feed__secret">{t.volunteer.calendarSecret}</p>
      {url ? (
        <div className="form">
          <div className="field">
            <label htmlFor="calendar-url">{t.volunteer.calendarLink}</label>
            <input
              id="calendar-url"
              ref={field}
              type="url"
              readOnly
              value={url}
              aria-describedby="calendar-url-hint"
              onFocus={(event) => event.currentTarget.select()}
            />
            <p id="calendar-url-hint" className="muted">
              {t.volunteer.calendarShownOnce}
            </p>
          </div>
          <p className="button-row">
            <button type="button" onClick={() => void copy()}>
              {t.volunteer.calendarCopy}
            </button>
            {/* webcal: makes phones open their calendar app and subscribe instead of downloading once. */}
            <a className="calendar-feed__subscribe" href={url.replace(/^https?:/, 'webcal:')}>
              {t.volunteer.calendarSubscribe}
            </a>
          </p>
          <div role="status">{copied && <p className="notice notice--ok">{t.volunteer.calendarCopied}</p>}</div>
        </div>
      ) : (
        hasFeed && <p className="muted">{t.volunteer.calendarReissueHint}</p>
      )}
      <div role="status">{stopped && <p className="notice notice--ok">{t.volunteer.calendarStopped}</p>}</div>
      {failed && (
        <p role="alert" className="notice notice--error">
          {t.loadError}
        </p>
      )}
      <p>
        <button type="button" className={url ? 'button--secondary' : undefined} disabled={busy} onClick={() => void issue()}>
          {busy ? t.loading : hasFeed ? t.volunteer.calendarReissue : t.volunteer.calendarIssue}
        </button>
        {hasFeed && (
          <>
            {' '}
            <button type="button" className="button--secondary" disabled={busy} onClick={() => void revoke()}>
              {t.volunteer.calendarStop}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
