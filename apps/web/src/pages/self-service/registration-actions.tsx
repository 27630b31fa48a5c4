import { useEffect, useRef, useState } from 'react';
import { useFormError } from '../../components/form-error';
import { request } from '../../graphql/client';
import { FORMS } from '../../graphql/form-errors';
import { graphql } from '../../graphql/graphql';
import { useI18n } from '../../i18n/i18n';
import type { Standing } from './standing';

const CONFIRM = graphql(`
  mutation ConfirmMyRegistration($token: String!) {
    confirmMyRegistration(token: $token) {
      id
      status
    }
  }
`);

const CANCEL = graphql(`
  mutation CancelMyRegistration($token: String!) {
    cancelMyRegistration(token: $token) {
      id
      status
    }
  }
`);

const DECLINE = graphql(`
  mutation DeclineSeatOffer($token: String!) {
    declineSeatOffer(token: $token) {
      id
      status
    }
  }
`);

/** A step that gives the seat up asks once more: a slip of the thumb must not cancel. */
type Question = 'cancel' | 'leave' | 'decline';
type Outcome = 'thanksComing' | 'seatTaken' | 'cancelledDone' | 'leftWaitlist' | 'declinedDone';
/** Where the holder can still answer; elsewhere the page only tells where things stand. */
const ANSWERS: Partial<Record<Standing, true>> = { coming: true, waiting: true, offered: true };

/**
 * The buttons that apply to where the registration stands, each confirming its result in words.
 * After each answer (or refusal) the page reads the registration again, so what it shows is true.
 */
export function RegistrationActions(props: {
  token: string;
  standing: Standing;
  /** They already said "I am coming": saying it again would change nothing. */
  comingSaid: boolean;
  firstName: string;
  when: string;
  refresh(): void;
}) {
  const { t, format } = useI18n();
  const problem = useFormError(FORMS.selfService);
  const [asking, setAsking] = useState<Question | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const triggers = useRef<Partial<Record<Question, HTMLButtonElement | null>>>({});
  const [backTo, setBackTo] = useState<Question | null>(null);
  const { token } = props;

  // The answer and the question take the focus, so keyboard and screen-reader users follow.
  useEffect(() => {
    if (outcome || problem.formError) status.current?.focus();
  }, [outcome, problem.formError]);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  // "No, go back": the focus returns to the button that asked.
  useEffect(() => {
    if (backTo) triggers.current[backTo]?.focus();
  }, [backTo]);

  const act = async (send: () => Promise<unknown>, done: Outcome) => {
    setBusy(true);
    problem.clear();
    setOutcome(null);
    try {
      await send();
      setOutcome(done);
    } catch (error) {
      problem.show(error);
    } finally {
      setBusy(false);
      setAsking(null);
      props.refresh();
    }
  };
  const confirm = (done: Outcome) => act(() => request(CONFIRM, { token }), done);
  const ask = (which: Question) => () => {
    setOutcome(null);
    setBackTo(null);
    problem.clear();
    setAsking(which);
  };
  const goBack = () => {
    setBackTo(asking);
    setAsking(null);
  };
  const trigger = (which: Question) => (button: HTMLButtonElement | null) => {
    triggers.current[which] = button;
  };

  const questions: Record<Question, { text: string; yes: string; send: () => Promise<void> }> = {
    cancel: { text: t.selfService.cancelQuestion, yes: t.selfService.yesCancel, send: () => act(() => request(CANCEL, { token }), 'cancelledDone') },
    leave: { text: t.selfService.leaveQuestion, yes: t.selfService.yesLeave, send: () => act(() => request(CANCEL, { token }), 'leftWaitlist') },
    decline: { text: t.selfService.declineQuestion, yes: t.selfService.yesDecline, send: () => act(() => request(DECLINE, { token }), 'declinedDone') },
  };
  const open = asking ? questions[asking] : null;

  return (
    <div className="self-service__actions">
      <div ref={status} tabIndex={-1} role="status" aria-live="polite">
        {problem.formError && <p className="notice notice--error">{problem.formError}</p>}
        {outcome && <p className="notice notice--ok">{format(t.selfService[outcome], { name: props.firstName, when: props.when })}</p>}
      </div>
      {open ? (
        <div role="group" aria-labelledby="self-service-question" className="self-service__ask">
          <p id="self-service-question" ref={question} tabIndex={-1}>
            <strong>{open.text}</strong>
          </p>
          <div className="self-service__buttons">
            <button type="button" className="button--big button--danger" disabled={busy} onClick={() => void open.send()}>
              {open.yes}
            </button>
            <button type="button" className="button--big button--secondary" disabled={busy} onClick={goBack}>
              {t.selfService.goBack}
            </button>
          </div>
        </div>
      ) : (
        props.standing in ANSWERS && (
          <div className="self-service__buttons">
            {props.standing === 'coming' && (
              <>
                {!props.comingSaid && (
                  <button type="button" className="button--big" disabled={busy} onClick={() => void confirm('thanksComing')}>
                    {t.selfService.coming}
                  </button>
                )}
                <button type="button" className="button--big button--secondary" ref={trigger('cancel')} disabled={busy} onClick={ask('cancel')}>
                  {t.selfService.cannotCome}
                </button>
              </>
            )}
            {props.standing === 'waiting' && (
              <button type="button" className="button--big button--secondary" ref={trigger('leave')} disabled={busy} onClick={ask('leave')}>
                {t.selfService.leaveWaitlist}
              </button>
            )}
            {props.standing === 'offered' && (
              <>
                <button type="button" className="button--big" disabled={busy} onClick={() => void confirm('seatTaken')}>
                  {t.selfService.takeSeat}
                </button>
                <button type="button" className="button--big button--secondary" ref={trigger('decline')} disabled={busy} onClick={ask('decline')}>
                  {t.selfService.declineSeat}
                </button>
              </>
            )}
          </div>
        )
      )}
    </div>
  );
}
