import { useMemo, useRef, useState } from 'react';
import { LoadError, Loading } from '../../components/load-states';
import { usePageTitle } from '../../components/page-title';
import { request } from '../../graphql/client';
import { explainError, FORMS, type FormSpec, sayError } from '../../graphql/form-errors';
import { graphql } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useI18n } from '../../i18n/i18n';
import { CalendarFeed } from './calendar-feed';
import { ShiftCard } from './shift-card';
import { AskColleague, SwapRequests } from './shift-swaps';
import './volunteer.css';

const VOLUNTEER_QUERY = graphql(`
  query VolunteerShifts {
    me {
      id
    }
    volunteerProfile {
      id
      hasCalendarFeed
    }
    openShifts {
      id
      title
      role
      startsAt
      endsAt
      openPlaces
      languages
      session {
        venue {
          name
        }
      }
    }
    myShifts {
      id
      startsAt
      endsAt
      shift {
        id
        title
        role
        session {
          venue {
            name
          }
        }
      }
    }
    shiftSwapRequests {
      id
      status
      assignmentId
      incoming
      shift {
        id
        title
        role
        startsAt
        endsAt
        session {
          venue {
            name
          }
        }
      }
      from {
        displayName
      }
      to {
        displayName
      }
    }
  }
`);

const SIGN_UP_MUTATION = graphql(`
  mutation SignUpForShift($shiftId: ID!) {
    signUpForShift(shiftId: $shiftId) {
      id
    }
  }
`);

const DROP_SHIFT_MUTATION = graphql(`
  mutation DropShift($assignmentId: ID!) {
    dropShift(assignmentId: $assignmentId) {
      id
      status
    }
  }
`);

/** What the last tap led to; shown above the lists, since the tapped card moves or disappears. */
type Feedback = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The signed-in volunteer's page: the open shifts the API finds fitting (skills, languages, usual
 * days and dayparts, not away, no overlap), colleagues' questions to take over a shift, their own
 * shifts ahead (each can be given back or offered to a colleague), and their calendar feed.
 * One query; after each sign-up or drop it runs again, so both lists show what the API holds.
 */
export function VolunteerPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t.volunteer.title);
  const result = useQuery(VOLUNTEER_QUERY, {});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  // The languages a shift asks for, named in the language of the page, so the volunteer can read them.
  const languageNames = useMemo(() => new Intl.DisplayNames([...i18n.info.locales], { type: 'language', fallback: 'code' }), [i18n.info]);

  /** Runs a sign-up or a drop, then refreshes and moves focus to the outcome (the button is gone by then). */
  const act = async (id: string, run: () => Promise<unknown>, done: string, form: FormSpec) => {
    setBusyId(id);
    setFeedback(null);
    try {
      await run();
      setFeedback({ kind: 'ok', text: done });
    } catch (caught) {
      setFeedback({ kind: 'error', text: sayError(explainError(caught, form), i18n) });
    }
    setBusyId(null);
    result.retry();
    feedbackRef.current?.focus();
  };

  const signUp = (shift: { id: string; title: string }) =>
    act(shift.id, () => request(SIGN_UP_MUTATION, { shiftId: shift.id }), i18n.format(t.volunteer.signedUp, { title: shift.title }), FORMS.volunteerSignUp);

  const drop = (assignment: { id: string; shift: { title: string } }) =>
    act(
      assignment.id,
      () => request(DROP_SHIFT_MUTATION, { assignmentId: assignment.id }),
      i18n.format(t.volunteer.dropped, { title: assignment.shift.title }),
      FORMS.volunteerDrop,
    );

  const data = result.data;
  return (
    <>
      <h1>{t.volunteer.title}</h1>
      <p>{t.volunteer.intro}</p>
      {/* Both live regions are always in the page, so screen readers announce what is put in them. */}
      <div ref={feedbackRef} tabIndex={-1} className="volunteer-feedback">
        <div role="status">{feedback?.kind === 'ok' && <p className="notice notice--ok">{feedback.text}</p>}</div>
        <div role="alert">{feedback?.kind === 'error' && <p className="notice notice--error">{feedback.text}</p>}</div>
      </div>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <LoadError retry={result.retry} />}
      {data && (
        <>
          <section aria-labelledby="open-shifts-heading">
            <h2 id="open-shifts-heading">{t.volunteer.openHeading}</h2>
            {data.openShifts.length === 0 ? (
              <p className="notice">{t.volunteer.noOpenShifts}</p>
            ) : (
              <ul className="sessions shifts shifts--open">
                {data.openShifts.map((shift) => (
                  <ShiftCard key={shift.id} shift={shift}>
                    <p className="seats seats--free">{i18n.plural(t.volunteer.openPlaces, shift.openPlaces)}</p>
                    {shift.languages.length > 0 && (
                      <p>
                        {i18n.format(t.volunteer.languagesHelp, { languages: i18n.formatList(shift.languages.map((tag) => languageNames.of(tag) ?? tag)) })}
                      </p>
                    )}
                    <button type="button" className="shift-card__action" disabled={busyId !== null} onClick={() => void signUp(shift)}>
                      {busyId === shift.id ? t.loading : t.volunteer.signUp}
                    </button>
                  </ShiftCard>
                ))}
              </ul>
            )}
          </section>

          <SwapRequests requests={data.shiftSwapRequests} busyId={busyId} act={act} />

          <section aria-labelledby="my-shifts-heading">
            <h2 id="my-shifts-heading">{t.volunteer.myHeading}</h2>
            {data.myShifts.length === 0 ? (
              <p className="notice">{t.volunteer.noMyShifts}</p>
            ) : (
              <ul className="sessions shifts shifts--mine">
                {data.myShifts.map((assignment) => (
                  <ShiftCard key={assignment.id} shift={{ ...assignment.shift, startsAt: assignment.startsAt, endsAt: assignment.endsAt }}>
                    <button type="button" className="button--secondary shift-card__action" disabled={busyId !== null} onClick={() => void drop(assignment)}>
                      {busyId === assignment.id ? t.loading : t.volunteer.drop}
                    </button>
                    <AskColleague
                      assignmentId={assignment.id}
                      title={assignment.shift.title}
                      pending={data.shiftSwapRequests.find((r) => !r.incoming && r.status === 'PENDING' && r.assignmentId === assignment.id)}
                      busyId={busyId}
                      act={act}
                    />
                  </ShiftCard>
                ))}
              </ul>
            )}
          </section>

          {data.me && <CalendarFeed volunteerId={data.me.id} hasFeed={data.volunteerProfile?.hasCalendarFeed ?? false} />}
        </>
      )}
    </>
  );
}
