import { type FormEvent, useEffect, useRef, useState } from 'react';
import { LANGUAGE_INFO } from '@translations/languages';
import { type FormErrorState, useFormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { SessionFrame, sessionNotFound } from '../../components/session-frame';
import { request } from '../../graphql/client';
import { FORMS } from '../../graphql/form-errors';
import { graphql } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { LANGUAGES, useI18n } from '../../i18n/i18n';

const SESSION_QUERY = graphql(`
  query NewcomerSession($id: ID!) {
    session(id: $id) {
      id
      title
      startsAt
      endsAt
      status
    }
  }
`);

const REQUEST_CODE = graphql(`
  mutation RequestRegistrationCode($input: RequestRegistrationCodeInput!) {
    requestRegistrationCode(input: $input) {
      requestId
      expiresAt
    }
  }
`);

const CONFIRM_CODE = graphql(`
  mutation ConfirmRegistrationCode($requestId: ID!, $code: String!) {
    confirmRegistrationCode(requestId: $requestId, code: $code) {
      id
      status
      waitlistPosition
    }
  }
`);

interface Details {
  firstName: string;
  phone: string;
  preferredLanguage: string;
}

const FIELD = FORMS.newcomerDetails.fields;

/** Where the newcomer is: their details, then the code from the SMS, then the outcome. */
type Step = { kind: 'details' } | { kind: 'code'; requestId: string } | { kind: 'done'; waitlistPosition: number | null };

/**
 * A newcomer registers themself without an account: first name and phone, then the 6-digit code
 * we send by SMS; they see whether they have a seat or their place on the waiting list.
 */
export function RegisterPage(props: { id: string }) {
  const { t } = useI18n();
  const result = useQuery(SESSION_QUERY, { id: props.id });
  const session = result.status === 'done' ? result.data.session : null;
  const notFound = sessionNotFound(result);
  usePageTitle(session ? `${t.newcomer.title}: ${session.title}` : notFound ? t.session.notFound : t.newcomer.title);
  return (
    <SessionFrame back={{ href: `/sessions/${props.id}`, label: t.newcomer.backToSession }} result={result}>
      {(found) => <RegisterSteps session={found} />}
    </SessionFrame>
  );
}

function RegisterSteps({ session }: { session: { id: string; title: string; startsAt: string; endsAt: string; status: string } }) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const [step, setStep] = useState<Step>({ kind: 'details' });
  const [details, setDetails] = useState<Details>({ firstName: '', phone: '', preferredLanguage: i18n.language });
  const detailsProblem = useFormError(FORMS.newcomerDetails);
  const codeProblem = useFormError(FORMS.newcomerCode);
  const problem = detailsProblem.formError ?? codeProblem.formError;
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const startsAt = new Date(session.startsAt);
  const open = session.status !== 'CANCELLED' && startsAt.getTime() > Date.now();

  // Each new step (or problem) is announced and takes the focus, so keyboard and screen-reader users follow;
  // a problem with one field puts the focus on that field instead (useFormError).
  useEffect(() => status.current?.focus(), [step.kind]);
  useEffect(() => {
    if (problem) status.current?.focus();
  }, [problem]);

  const act = async (action: () => Promise<void>, shownIn: FormErrorState) => {
    setBusy(true);
    detailsProblem.clear();
    codeProblem.clear();
    try {
      await action();
    } catch (error) {
      shownIn.show(error);
    } finally {
      setBusy(false);
    }
  };

  const sendCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void act(async () => {
      const { requestRegistrationCode } = await request(REQUEST_CODE, { input: { sessionId: session.id, ...details } });
      setStep({ kind: 'code', requestId: requestRegistrationCode.requestId });
    }, detailsProblem);
  };

  const confirm = (event: FormEvent<HTMLFormElement>, requestId: string) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    void act(async () => {
      const { confirmRegistrationCode } = await request(CONFIRM_CODE, { requestId, code });
      setStep({ kind: 'done', waitlistPosition: confirmRegistrationCode.status === 'WAITLISTED' ? (confirmRegistrationCode.waitlistPosition ?? null) : null });
    }, codeProblem);
  };

  return (
    <article className="register">
      <h1>{t.newcomer.title}</h1>
      <p>
        <strong>{session.title}</strong>
        <br />
        <time dateTime={session.startsAt}>{i18n.formatWhen(startsAt, new Date(session.endsAt))}</time>
      </p>
      <div ref={status} tabIndex={-1} role="status" aria-live="polite">
        {problem && <p className="notice notice--error">{problem}</p>}
        {step.kind === 'code' && !codeProblem.active && <p className="notice notice--ok">{format(t.newcomer.codeSent, { phone: details.phone })}</p>}
        {step.kind === 'done' && (
          <p className="notice notice--ok">
            {step.waitlistPosition === null
              ? format(t.newcomer.registered, { name: details.firstName })
              : format(t.newcomer.waitlisted, { position: step.waitlistPosition })}
          </p>
        )}
      </div>
      {!open && <p className="notice notice--error">{t.newcomer.closed}</p>}
      {open && step.kind === 'details' && (
        <form className="form" onSubmit={sendCode}>
          <p>{t.newcomer.intro}</p>
          <div className="field">
            <label htmlFor={FIELD.firstName}>{t.newcomer.firstName}</label>
            <input
              id={FIELD.firstName}
              required
              maxLength={100}
              autoComplete="given-name"
              value={details.firstName}
              onChange={(event) => setDetails({ ...details, firstName: event.target.value })}
              {...detailsProblem.fieldProps(FIELD.firstName)}
            />
            {detailsProblem.fieldError(FIELD.firstName)}
          </div>
          <div className="field">
            <label htmlFor={FIELD.phone}>{t.newcomer.phone}</label>
            <input
              id={FIELD.phone}
              type="tel"
              required
              maxLength={30}
              autoComplete="tel"
              dir="ltr"
              value={details.phone}
              onChange={(event) => setDetails({ ...details, phone: event.target.value })}
              {...detailsProblem.fieldProps(FIELD.phone, 'newcomer-phone-hint')}
            />
            {detailsProblem.fieldError(FIELD.phone)}
            <p id="newcomer-phone-hint" className="muted">
              {t.newcomer.phoneHint}
            </p>
          </div>
          <div className="field">
            <label htmlFor={FIELD.preferredLanguage}>{t.newcomer.language}</label>
            <select
              id={FIELD.preferredLanguage}
              value={details.preferredLanguage}
              onChange={(event) => setDetails({ ...details, preferredLanguage: event.target.value })}
              {...detailsProblem.fieldProps(FIELD.preferredLanguage)}
            >
              {LANGUAGES.map((tag) => (
                <option key={tag} value={tag} lang={tag}>
                  {LANGUAGE_INFO[tag].name}
                </option>
              ))}
            </select>
            {detailsProblem.fieldError(FIELD.preferredLanguage)}
          </div>
          <p>
            <button type="submit" disabled={busy}>
              {t.newcomer.sendCode}
            </button>
          </p>
        </form>
      )}
      {open && step.kind === 'code' && (
        <form className="form" onSubmit={(event) => confirm(event, step.requestId)}>
          <div className="field">
            <label htmlFor={FORMS.newcomerCode.fields.code}>{t.newcomer.code}</label>
            <input
              id={FORMS.newcomerCode.fields.code}
              name="code"
              required
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]{6,7}"
              maxLength={7}
              dir="ltr"
              {...codeProblem.fieldProps(FORMS.newcomerCode.fields.code)}
            />
            {codeProblem.fieldError(FORMS.newcomerCode.fields.code)}
          </div>
          <p className="button-row">
            <button type="submit" disabled={busy}>
              {t.newcomer.confirm}
            </button>
            <button type="button" className="button--secondary" disabled={busy} onClick={() => setStep({ kind: 'details' })}>
              {t.newcomer.askNewCode}
            </button>
          </p>
        </form>
      )}
    </article>
  );
}
