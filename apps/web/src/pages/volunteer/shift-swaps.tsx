import { useId, useState } from 'react';
import { GraphQLRequestError, request } from '../../graphql/client';
import { FORMS, type FormSpec } from '../../graphql/form-errors';
import { graphql } from '../../graphql/graphql';
import { useI18n } from '../../i18n/i18n';
import { ShiftCard } from './shift-card';

const CANDIDATES_QUERY = graphql(`
  query ShiftSwapCandidates($assignmentId: ID!) {
    shiftSwapCandidates(assignmentId: $assignmentId) {
      id
      displayName
    }
  }
`);

const ASK_MUTATION = graphql(`
  mutation AskShiftSwap($assignmentId: ID!, $toVolunteerId: ID!) {
    swapShift(assignmentId: $assignmentId, toVolunteerId: $toVolunteerId) {
      id
    }
  }
`);

const ACCEPT_MUTATION = graphql(`
  mutation AcceptShiftSwap($requestId: ID!) {
    acceptShiftSwap(requestId: $requestId) {
      id
    }
  }
`);

const DECLINE_MUTATION = graphql(`
  mutation DeclineShiftSwap($requestId: ID!) {
    declineShiftSwap(requestId: $requestId) {
      id
    }
  }
`);

const WITHDRAW_MUTATION = graphql(`
  mutation WithdrawShiftSwap($requestId: ID!) {
    withdrawShiftSwap(requestId: $requestId) {
      id
    }
  }
`);

type Role = 'BUDDY' | 'CHILDCARE' | 'COOKING' | 'HOST' | 'SETUP' | 'TRANSLATOR' | 'WELCOME';

/** A swap request as the volunteer page loads it (shiftSwapRequests): names only. */
export interface SwapRequest {
  id: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'LAPSED';
  assignmentId: string;
  incoming: boolean;
  shift: { title: string; role: Role; startsAt: string; endsAt: string; session: { venue: { name: string } } | null };
  from: { displayName: string };
  to: { displayName: string };
}

/** Runs an action with the page's feedback and refresh; the form says a refusal in the reader's words. */
export type Act = (id: string, run: () => Promise<unknown>, done: string, form: FormSpec) => Promise<void>;

/**
 * Questions from colleagues (accept or decline) and the answers to the volunteer's own questions.
 * Nothing moves until the colleague accepts; the API then hands the place over in one step.
 */
export function SwapRequests(props: { requests: SwapRequest[]; busyId: string | null; act: Act }) {
  const { t, format } = useI18n();
  const { act } = props;
  const shown = props.requests.filter((r) => (r.incoming ? r.status === 'PENDING' : r.status === 'ACCEPTED' || r.status === 'DECLINED'));
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="shift-swaps-heading">
      <h2 id="shift-swaps-heading">{t.shiftSwap.heading}</h2>
      <ul className="sessions shifts shifts--swaps">
        {shown.map((r) => (
          <ShiftCard key={r.id} shift={r.shift}>
            {r.incoming ? (
              <>
                <p>{format(t.shiftSwap.incoming, { name: r.from.displayName, title: r.shift.title })}</p>
                <div className="shift-card__actions">
                  <button
                    type="button"
                    className="shift-card__action"
                    disabled={props.busyId !== null}
                    onClick={() =>
                      void act(
                        r.id,
                        () => request(ACCEPT_MUTATION, { requestId: r.id }),
                        format(t.shiftSwap.acceptDone, { title: r.shift.title }),
                        FORMS.shiftSwapAccept,
                      )
                    }
                  >
                    {props.busyId === r.id ? t.loading : t.shiftSwap.accept}
                  </button>
                  <button
                    type="button"
                    className="button--secondary shift-card__action"
                    disabled={props.busyId !== null}
                    onClick={() =>
                      void act(
                        `${r.id}:no`,
                        () => request(DECLINE_MUTATION, { requestId: r.id }),
                        format(t.shiftSwap.declineDone, { name: r.from.displayName }),
                        FORMS.shiftSwapAnswer,
                      )
                    }
                  >
                    {props.busyId === `${r.id}:no` ? t.loading : t.shiftSwap.decline}
                  </button>
                </div>
              </>
            ) : (
              <p>{format(r.status === 'ACCEPTED' ? t.shiftSwap.accepted : t.shiftSwap.declined, { name: r.to.displayName, title: r.shift.title })}</p>
            )}
          </ShiftCard>
        ))}
      </ul>
    </section>
  );
}

/** On one of the volunteer's shifts: the open question about it (withdraw), or asking a colleague picked by name. */
export function AskColleague(props: { assignmentId: string; title: string; pending: SwapRequest | undefined; busyId: string | null; act: Act }) {
  const { t, format } = useI18n();
  const selectId = useId();
  const [colleagues, setColleagues] = useState<{ id: string; displayName: string }[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [failed, setFailed] = useState(false);
  const { pending, act } = props;

  if (pending) {
    return (
      <>
        <p className="shift-card__swap">{format(t.shiftSwap.pending, { name: pending.to.displayName })}</p>
        <button
          type="button"
          className="button--secondary shift-card__action"
          disabled={props.busyId !== null}
          onClick={() =>
            void act(
              pending.id,
              () => request(WITHDRAW_MUTATION, { requestId: pending.id }),
              format(t.shiftSwap.withdrawn, { title: props.title }),
              FORMS.shiftSwapAnswer,
            )
          }
        >
          {props.busyId === pending.id ? t.loading : t.shiftSwap.withdraw}
        </button>
      </>
    );
  }

  const open = async () => {
    setFailed(false);
    try {
      const { shiftSwapCandidates } = await request(CANDIDATES_QUERY, { assignmentId: props.assignmentId });
      setColleagues(shiftSwapCandidates);
      setChosen(shiftSwapCandidates[0]?.id ?? '');
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) console.warn(caught);
      setFailed(true);
    }
  };

  if (colleagues === null) {
    return (
      <>
        {failed && <p className="notice notice--error">{t.loadError}</p>}
        <button type="button" className="button--secondary shift-card__action" disabled={props.busyId !== null} onClick={() => void open()}>
          {t.shiftSwap.ask}
        </button>
      </>
    );
  }

  if (colleagues.length === 0) {
    return (
      <>
        <p className="notice">{t.shiftSwap.noColleagues}</p>
        <button type="button" className="button--secondary shift-card__action" onClick={() => setColleagues(null)}>
          {t.shiftSwap.cancel}
        </button>
      </>
    );
  }

  const name = colleagues.find((c) => c.id === chosen)?.displayName ?? '';
  const ask = () =>
    act(
      `${props.assignmentId}:ask`,
      () => request(ASK_MUTATION, { assignmentId: props.assignmentId, toVolunteerId: chosen }),
      format(t.shiftSwap.sent, { name, title: props.title }),
      FORMS.shiftSwapAsk,
    ).then(() => setColleagues(null));
  return (
    <div className="shift-card__swap-form">
      <label htmlFor={selectId}>{t.shiftSwap.colleagueLabel}</label>
      <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {colleagues.map((c) => (
          <option key={c.id} value={c.id}>
            {c.displayName}
          </option>
        ))}
      </select>
      <div className="shift-card__actions">
        <button type="button" className="shift-card__action" disabled={props.busyId !== null || !chosen} onClick={() => void ask()}>
          {props.busyId === `${props.assignmentId}:ask` ? t.loading : t.shiftSwap.send}
        </button>
        <button type="button" className="button--secondary shift-card__action" onClick={() => setColleagues(null)}>
          {t.shiftSwap.cancel}
        </button>
      </div>
    </div>
  );
}
