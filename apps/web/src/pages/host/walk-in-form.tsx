import { type FormEvent, useState } from 'react';
import { LANGUAGE_INFO } from '@translations/languages';
import { useFormError } from '../../components/form-error';
import { GraphQLRequestError, request } from '../../graphql/client';
import { FORMS } from '../../graphql/form-errors';
import { graphql } from '../../graphql/graphql';
import { LANGUAGES, useI18n } from '../../i18n/i18n';

const REGISTER_WALK_IN_MUTATION = graphql(`
  mutation RegisterWalkIn($input: RegisterWalkInInput!) {
    registerWalkIn(input: $input) {
      id
      walkIn
      participant {
        firstName
        anonymous
      }
    }
  }
`);

const FORM = FORMS.walkIn;
const FIELD = FORM.fields;
type Outcome = { kind: 'ok' | 'error'; text: string };

/**
 * Someone at the door who did not register: one tap opens a short form (all of it optional), and
 * saving adds them to the list as come. No name means anonymous: they are counted, nothing else.
 */
export function WalkInForm(props: { sessionId: string; onAdded(): void }) {
  const { t, format } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const problem = useFormError(FORM);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const firstName = text('firstName');
    const preferredLanguage = text('preferredLanguage');
    const childrenText = text('children');
    // The API decides what is allowed; a number field left empty is no children.
    const children = childrenText === '' ? 0 : Number(childrenText);
    if (!Number.isInteger(children)) {
      problem.show({ code: 'BAD_USER_INPUT', extensions: { field: 'children' } });
      return;
    }
    setBusy(true);
    setOutcome(null);
    problem.clear();
    try {
      const { registerWalkIn } = await request(REGISTER_WALK_IN_MUTATION, {
        input: {
          sessionId: props.sessionId,
          children,
          ...(firstName
            ? { participant: { firstName, phone: text('phone') || null, preferredLanguage, contactChannel: 'NONE', consentToContact: false } }
            : { preferredLanguage }),
        },
      });
      const name = registerWalkIn.participant.firstName;
      setOutcome({
        kind: 'ok',
        text: registerWalkIn.participant.anonymous
          ? t.walkIn.addedAnonymous
          : format(registerWalkIn.walkIn ? t.walkIn.added : t.walkIn.alreadyBooked, { name }),
      });
      formElement.reset();
      props.onAdded();
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.code === 'ALREADY_REGISTERED')
        setOutcome({ kind: 'error', text: format(t.walkIn.alreadyPresent, { name: firstName }) });
      else problem.show(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="walk-in-heading" className="walk-in">
      <h2 id="walk-in-heading">{t.walkIn.heading}</h2>
      <div role="status" aria-live="polite">
        {outcome && <p className={`notice ${outcome.kind === 'error' ? 'notice--error' : 'notice--ok'}`}>{outcome.text}</p>}
      </div>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t.walkIn.open}
        </button>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <p id="walk-in-intro">{t.walkIn.intro}</p>
          {problem.formError && (
            <p role="alert" className="notice notice--error">
              {problem.formError}
            </p>
          )}
          <div className="field">
            <label htmlFor={FIELD['participant.firstName']}>{t.walkIn.firstName}</label>
            <input
              id={FIELD['participant.firstName']}
              name="firstName"
              autoComplete="off"
              autoFocus
              {...problem.fieldProps(FIELD['participant.firstName'], 'walk-in-intro')}
            />
            {problem.fieldError(FIELD['participant.firstName'])}
          </div>
          <div className="field">
            <label htmlFor={FIELD['participant.phone']}>{t.walkIn.phone}</label>
            <input id={FIELD['participant.phone']} name="phone" type="tel" autoComplete="off" dir="ltr" {...problem.fieldProps(FIELD['participant.phone'])} />
            {problem.fieldError(FIELD['participant.phone'])}
          </div>
          <div className="field">
            <label htmlFor={FIELD.preferredLanguage}>{t.walkIn.language}</label>
            <select id={FIELD.preferredLanguage} name="preferredLanguage" defaultValue="nl" {...problem.fieldProps(FIELD.preferredLanguage)}>
              {LANGUAGES.map((tag) => (
                <option key={tag} value={tag} lang={tag}>
                  {LANGUAGE_INFO[tag].name}
                </option>
              ))}
            </select>
            {problem.fieldError(FIELD.preferredLanguage)}
          </div>
          <div className="field">
            <label htmlFor={FIELD.children}>{t.walkIn.children}</label>
            <input
              id={FIELD.children}
              name="children"
              type="number"
              inputMode="numeric"
              defaultValue={0}
              {...problem.fieldProps(FIELD.children, 'walk-in-children-hint')}
            />
            {problem.fieldError(FIELD.children)}
            <p id="walk-in-children-hint" className="muted">
              {t.walkIn.childrenHint}
            </p>
          </div>
          <p className="button-row">
            <button type="submit" disabled={busy}>
              {busy ? t.loading : t.walkIn.save}
            </button>
            <button
              type="button"
              className="button--secondary"
              onClick={() => {
                problem.clear();
                setOpen(false);
              }}
            >
              {t.walkIn.close}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
