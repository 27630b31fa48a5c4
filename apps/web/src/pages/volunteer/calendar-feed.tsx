import { useRef, useState } from 'react';
import { GraphQLRequestError, request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { useI18n } from '../../i18n/i18n';

const ISSUE_CALENDAR_FEED_MUTATION = graphql(`
  mutation IssueCalendarFeed($volunteerId: ID!) {
    issueCalendarFeed(volunteerId: $volunteerId)
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
  const field = useRef<HTMLInputElement>(null);
  const hasFeed = props.hasFeed || url !== null;

  const issue = async () => {
    setBusy(true);
    setFailed(false);
    setCopied(false);
    try {
      const { issueCalendarFeed: path } = await request(ISSUE_CALENDAR_FEED_MUTATION, { volunteerId: props.volunteerId });
      // The path is on the API's origin, which serves this app.
      setUrl(new URL(path, window.location.origin).href);
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
      {failed && (
        <p role="alert" className="notice notice--error">
          {t.loadError}
        </p>
      )}
      <p>
        <button type="button" className={url ? 'button--secondary' : undefined} disabled={busy} onClick={() => void issue()}>
          {busy ? t.loading : hasFeed ? t.volunteer.calendarReissue : t.volunteer.calendarIssue}
        </button>
      </p>
    </section>
  );
}
