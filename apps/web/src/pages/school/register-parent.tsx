import { type FormEvent, useEffect, useState } from 'react';
import { LANGUAGE_INFO } from '@translations/languages';
import { useFormError } from '../../components/form-error';
import { GraphQLRequestError, request } from '../../graphql/client';
import { FORMS } from '../../graphql/form-errors';
import { graphql, type VariablesOf } from '../../graphql/graphql';
import { LANGUAGES, useI18n } from '../../i18n/i18n';
import { ListedChildren, newChildRow, type ChildRow } from './listed-children';
import { fullName } from './people';

const SEARCH_QUERY = graphql(`
  query SearchParents($search: String!) {
    participants(search: $search, first: 10) {
      id
      firstName
      lastName
      phone
    }
  }
`);

const REGISTER_MUTATION = graphql(`
  mutation RegisterParent($input: RegisterParticipantInput!) {
    registerParticipant(input: $input) {
      id
      status
      waitlistPosition
      children
      participant {
        firstName
        lastName
      }
    }
  }
`);

type RegisterInput = VariablesOf<typeof REGISTER_MUTATION>['input'];
type ContactChannel = NonNullable<RegisterInput['participant']>['contactChannel'];
type Parent = { id: string; firstName: string; lastName: string | null; phone: string | null };
type Outcome = { kind: 'ok' | 'error'; text: string };

const FORM = FORMS.registerParent;
const FIELD = FORM.fields;

/** Waits for a pause in typing before searching, so a name typed quickly is one request. */
const SEARCH_DELAY_MS = 250;

/**
 * Registering a parent in a few seconds: search first (name or phone), one click on the found
 * parent; otherwise a short form for a new parent, reached by the school by default, with the
 * children who come along (a number, or each child by name where the programme lists them).
 */
export function RegisterParent(props: { sessionId: string; listsChildren: boolean; onRegistered(): void }) {
  const { t, format } = useI18n();
  const [search, setSearch] = useState('');
  const [matches, setMatches] = useState<Parent[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [children, setChildren] = useState<ChildRow[]>(() => [newChildRow()]);
  const problem = useFormError(FORM);

  useEffect(() => {
    const term = search.trim();
    if (term.length < 2) return setMatches(null);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      request(SEARCH_QUERY, { search: term }, controller.signal).then(
        (data) => setMatches(data.participants),
        () => undefined, // a failed search leaves the new-parent form, which still works
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search]);

  const register = async (input: Omit<RegisterInput, 'sessionId'>, name: string) => {
    setBusy(true);
    setOutcome(null);
    problem.clear();
    try {
      const { registerParticipant: registration } = await request(REGISTER_MUTATION, { input: { ...input, sessionId: props.sessionId } });
      const who = fullName(registration.participant);
      setOutcome(
        registration.status === 'WAITLISTED'
          ? { kind: 'ok', text: format(t.school.waitlisted, { name: who, position: registration.waitlistPosition ?? '?' }) }
          : { kind: 'ok', text: format(t.school.registered, { name: who }) },
      );
      setSearch('');
      props.onRegistered();
      return true;
    } catch (error) {
      // The school sees who is already there in its own words; everything else by the one mapping.
      if (error instanceof GraphQLRequestError && error.code === 'ALREADY_REGISTERED')
        setOutcome({ kind: 'error', text: format(t.school.alreadyRegistered, { name }) });
      else problem.show(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const registerNew = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    const contactChannel = String(form.get('contactChannel')) as ContactChannel;
    const consent = form.get('consent') === 'on';
    if (contactChannel === 'SMS' && (!text('phone') || !consent)) {
      problem.clear();
      setOutcome({ kind: 'error', text: t.school.smsNeedsPhone });
      return;
    }
    const firstName = text('firstName') ?? '';
    const family = props.listsChildren
      ? { childrenDetails: children.map((child) => ({ firstName: child.firstName, age: Number(child.age || NaN), school: child.school.trim() || null })) }
      : { children: text('children') === null ? 0 : Number(text('children')) };
    const done = await register(
      {
        ...family,
        participant: {
          firstName,
          lastName: text('lastName'),
          phone: text('phone'),
          preferredLanguage: String(form.get('preferredLanguage')),
          contactChannel,
          consentToContact: consent,
        },
      },
      firstName,
    );
    if (done) {
      formElement.reset();
      setChildren([newChildRow()]);
    }
  };

  return (
    <section aria-labelledby="register-heading" className="register">
      <h2 id="register-heading">{t.school.registerHeading}</h2>
      <div role="status" aria-live="polite">
        {outcome && <p className={`notice ${outcome.kind === 'error' ? 'notice--error' : 'notice--ok'}`}>{outcome.text}</p>}
        {problem.formError && <p className="notice notice--error">{problem.formError}</p>}
      </div>
      <div className="field">
        <label htmlFor="parent-search">{t.school.search}</label>
        <input
          id="parent-search"
          type="search"
          autoComplete="off"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          aria-describedby="parent-search-hint"
        />
        <p id="parent-search-hint" className="muted">
          {t.school.searchHint}
        </p>
      </div>
      {matches && matches.length === 0 && <p>{t.school.noMatches}</p>}
      {matches && matches.length > 0 && (
        <ul className="matches">
          {matches.map((parent) => (
            <li key={parent.id}>
              <span>
                {fullName(parent)}
                {parent.phone && <span className="muted"> · {parent.phone}</span>}
              </span>
              <button
                type="button"
                disabled={busy}
                aria-label={format(t.school.registerExisting, { name: fullName(parent) })}
                onClick={() => void register({ participantId: parent.id }, fullName(parent))}
              >
                {t.school.register}
              </button>
            </li>
          ))}
        </ul>
      )}

      <form className="form" onSubmit={(event) => void registerNew(event)}>
        <h3>{t.school.newParent}</h3>
        <div className="field">
          <label htmlFor={FIELD['participant.firstName']}>{t.school.firstName}</label>
          <input id={FIELD['participant.firstName']} name="firstName" required autoComplete="off" {...problem.fieldProps(FIELD['participant.firstName'])} />
          {problem.fieldError(FIELD['participant.firstName'])}
        </div>
        <div className="field">
          <label htmlFor={FIELD['participant.lastName']}>{t.school.lastName}</label>
          <input id={FIELD['participant.lastName']} name="lastName" autoComplete="off" {...problem.fieldProps(FIELD['participant.lastName'])} />
          {problem.fieldError(FIELD['participant.lastName'])}
        </div>
        <div className="field">
          <label htmlFor={FIELD['participant.phone']}>{t.school.phone}</label>
          <input id={FIELD['participant.phone']} name="phone" type="tel" autoComplete="off" dir="ltr" {...problem.fieldProps(FIELD['participant.phone'])} />
          {problem.fieldError(FIELD['participant.phone'])}
        </div>
        <div className="field">
          <label htmlFor={FIELD['participant.preferredLanguage']}>{t.school.parentLanguage}</label>
          <select
            id={FIELD['participant.preferredLanguage']}
            name="preferredLanguage"
            defaultValue="nl"
            {...problem.fieldProps(FIELD['participant.preferredLanguage'])}
          >
            {LANGUAGES.map((tag) => (
              <option key={tag} value={tag} lang={tag}>
                {LANGUAGE_INFO[tag].name}
              </option>
            ))}
          </select>
          {problem.fieldError(FIELD['participant.preferredLanguage'])}
        </div>
        <div className="field">
          <label htmlFor={FIELD['participant.contactChannel']}>{t.school.contact}</label>
          <select
            id={FIELD['participant.contactChannel']}
            name="contactChannel"
            defaultValue="VIA_ORGANISATION"
            {...problem.fieldProps(FIELD['participant.contactChannel'])}
          >
            <option value="VIA_ORGANISATION">{t.school.contactViaSchool}</option>
            <option value="SMS">{t.school.contactSms}</option>
            <option value="NONE">{t.school.contactNone}</option>
          </select>
          {problem.fieldError(FIELD['participant.contactChannel'])}
        </div>
        {props.listsChildren ? (
          <ListedChildren rows={children} onChange={setChildren} problem={problem} idPrefix="parent-child" listId={FIELD.childrenDetails} />
        ) : (
          <div className="field">
            <label htmlFor={FIELD.children}>{t.school.children}</label>
            <input
              id={FIELD.children}
              name="children"
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              defaultValue={0}
              {...problem.fieldProps(FIELD.children, 'parent-children-hint')}
            />
            <p id="parent-children-hint" className="muted">
              {t.school.childrenHint}
            </p>
            {problem.fieldError(FIELD.children)}
          </div>
        )}
        <div className="checkbox">
          <input id="parent-consent" name="consent" type="checkbox" />
          <label htmlFor="parent-consent">{t.school.consent}</label>
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {t.school.register}
          </button>
        </p>
      </form>
    </section>
  );
}
