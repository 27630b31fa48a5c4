import { useId, useState } from 'react';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { ASSIGN_VOLUNTEER, CANCEL_SHIFT, MARK_SHIFT_ATTENDANCE, type ShiftRow, SUGGESTIONS_QUERY, UNASSIGN_VOLUNTEER, VOLUNTEER_NAMES_QUERY } from './queries';
import { useVolunteerWords } from './words';

type Outcome = { ok: boolean; text: string } | null;

/**
 * The planning grid (open shifts only: a cancelled shift leaves it) as a list of cards, one per shift, in time order: on a phone a table of
 * shifts × volunteers would scroll both ways, while a card stacks its volunteers and buttons.
 * Plain buttons in document order: Tab walks through them, nothing traps the keyboard.
 */
export function ShiftGrid(props: { shifts: ShiftRow[] }) {
  const { s } = useStaffI18n();
  const shifts = [...props.shifts].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title));
  if (shifts.length === 0) return <p className="muted">{s.volunteers.planning.none}</p>;
  return (
    <ul className="shift-grid" aria-label={s.volunteers.planning.caption}>
      {shifts.map((shift) => (
        <li key={shift.id}>
          <ShiftCard shift={shift} />
        </li>
      ))}
    </ul>
  );
}

function ShiftCard(props: { shift: ShiftRow }) {
  const { s, format } = useStaffI18n();
  const words = useVolunteerWords();
  const { shift } = props;
  const headingId = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const started = Date.parse(shift.startsAt) <= Date.now();
  const run = async (action: () => Promise<unknown>) => {
    setOutcome(null);
    try {
      await action();
      setOutcome({ ok: true, text: s.volunteers.planning.done });
      return true;
    } catch (error) {
      setOutcome({ ok: false, text: words.refusal(error) });
      return false;
    }
  };
  const held = shift.assignments.filter((assignment) => assignment.status !== 'DROPPED');
  return (
    <article className="plan-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="plan-card__title">
        {shift.title} · {s.volunteers.skills[shift.role]}
      </h2>
      <p className="plan-card__meta">
        {words.day(shift.startsAt)}, {format(s.volunteers.planning.time, { from: words.time(shift.startsAt), to: words.time(shift.endsAt) })} ·{' '}
        {format(s.volunteers.planning.places, { filled: shift.filled, needed: shift.needed })}
      </p>
      {shift.notes && <p className="muted">{shift.notes}</p>}
      <h3 className="plan-card__subtitle">{s.volunteers.planning.assigned}</h3>
      {held.length === 0 ? (
        <p className="muted">{s.volunteers.planning.nobody}</p>
      ) : (
        <ul className="plan-card__people">
          {held.map((assignment) => (
            <AssignedVolunteer key={assignment.id} shift={shift} assignment={assignment} started={started} run={run} />
          ))}
        </ul>
      )}
      {!started && shift.openPlaces > 0 && <Suggestions shift={shift} run={run} />}
      <p role="status" className={outcome ? (outcome.ok ? 'notice notice--ok' : 'notice notice--error') : undefined}>
        {outcome?.text}
      </p>
      {!started && <CancelShift shift={shift} />}
    </article>
  );
}

function AssignedVolunteer(props: {
  shift: ShiftRow;
  assignment: ShiftRow['assignments'][number];
  started: boolean;
  run(action: () => Promise<unknown>): Promise<boolean>;
}) {
  const { s, format } = useStaffI18n();
  const unassign = useStaffMutation(UNASSIGN_VOLUNTEER);
  const mark = useStaffMutation(MARK_SHIFT_ATTENDANCE);
  const { assignment, shift } = props;
  const names = { name: assignment.volunteer.displayName, shift: shift.title };
  return (
    <li className="plan-card__person">
      <span>
        {assignment.volunteer.displayName}
        {assignment.status !== 'ASSIGNED' && <span className="muted"> — {s.volunteers.assignmentStatus[assignment.status]}</span>}
      </span>
      <span className="plan-card__buttons">
        {props.started ? (
          <>
            <button
              type="button"
              className="button--secondary"
              aria-label={format(s.volunteers.planning.attendedLabel, names)}
              aria-pressed={assignment.status === 'ATTENDED'}
              onClick={() => void props.run(() => mark.mutateAsync({ assignmentId: assignment.id, attended: true }))}
            >
              {s.volunteers.planning.attended}
            </button>
            <button
              type="button"
              className="button--secondary"
              aria-label={format(s.volunteers.planning.noShowLabel, names)}
              aria-pressed={assignment.status === 'NO_SHOW'}
              onClick={() => void props.run(() => mark.mutateAsync({ assignmentId: assignment.id, attended: false }))}
            >
              {s.volunteers.planning.noShow}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button--secondary"
            aria-label={format(s.volunteers.planning.unassignLabel, names)}
            onClick={() => void props.run(() => unassign.mutateAsync({ assignmentId: assignment.id }))}
          >
            {s.volunteers.planning.unassign}
          </button>
        )}
      </span>
    </li>
  );
}

function Suggestions(props: { shift: ShiftRow; run(action: () => Promise<unknown>): Promise<boolean> }) {
  const { s, format } = useStaffI18n();
  const words = useVolunteerWords();
  const { shift } = props;
  const suggestions = useStaffQuery(SUGGESTIONS_QUERY, { shiftId: shift.id });
  const everyone = useStaffQuery(VOLUNTEER_NAMES_QUERY, {});
  const assign = useStaffMutation(ASSIGN_VOLUNTEER);
  const otherId = useId();
  const [other, setOther] = useState('');
  const held = new Set(shift.assignments.filter((a) => a.status !== 'DROPPED').map((a) => a.volunteer.id));
  const reasons = (suggestion: NonNullable<typeof suggestions.data>['suggestVolunteers'][number]) =>
    [
      suggestion.hasSkill ? s.volunteers.planning.reasonSkill : s.volunteers.planning.reasonNoSkill,
      suggestion.sharedLanguages.length > 0 && format(s.volunteers.planning.reasonLanguages, { languages: words.languages(suggestion.sharedLanguages) }),
      suggestion.usuallyAvailable ? s.volunteers.planning.reasonAvailable : s.volunteers.planning.reasonNotAvailable,
      format(s.volunteers.planning.reasonLoad, { count: suggestion.upcomingShifts }),
    ]
      .filter(Boolean)
      .join(', ');
  return (
    <>
      <h3 className="plan-card__subtitle">{s.volunteers.planning.suggestions}</h3>
      {suggestions.data && suggestions.data.suggestVolunteers.length === 0 && <p className="muted">{s.volunteers.planning.noSuggestions}</p>}
      <ul className="plan-card__people">
        {(suggestions.data?.suggestVolunteers ?? []).map((suggestion) => (
          <li key={suggestion.volunteer.id} className="plan-card__person">
            <span>
              {suggestion.volunteer.displayName} <span className="muted">— {reasons(suggestion)}</span>
            </span>
            <button
              type="button"
              aria-label={format(s.volunteers.planning.assignLabel, { name: suggestion.volunteer.displayName, shift: shift.title })}
              onClick={() => void props.run(() => assign.mutateAsync({ shiftId: shift.id, volunteerId: suggestion.volunteer.id }))}
            >
              {s.volunteers.planning.assign}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="volunteers__picker"
        onSubmit={async (event) => {
          event.preventDefault();
          if (other && (await props.run(() => assign.mutateAsync({ shiftId: shift.id, volunteerId: other })))) setOther('');
        }}
      >
        <div className="field">
          <label htmlFor={otherId}>{format(s.volunteers.planning.otherLabel, { shift: shift.title })}</label>
          <select id={otherId} value={other} onChange={(event) => setOther(event.target.value)}>
            <option value="">{s.volunteers.planning.choose}</option>
            {(everyone.data?.volunteers ?? [])
              .filter((volunteer) => !held.has(volunteer.id))
              .map((volunteer) => (
                <option key={volunteer.id} value={volunteer.id}>
                  {volunteer.displayName}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className="button--secondary" disabled={!other}>
          {s.volunteers.planning.assign}
        </button>
      </form>
    </>
  );
}

function CancelShift(props: { shift: ShiftRow }) {
  const { s, format } = useStaffI18n();
  const words = useVolunteerWords();
  const cancel = useStaffMutation(CANCEL_SHIFT);
  const [problem, setProblem] = useState<string | null>(null);
  const title = format(s.volunteers.planning.cancelLabel, { shift: props.shift.title });
  return (
    <DialogButton label={s.common.actions.cancel} accessibleName={title} title={title}>
      {(close) => (
        <>
          <p>{s.volunteers.planning.cancelConfirm}</p>
          <div role="alert" className={problem ? 'notice notice--error' : undefined}>
            {problem}
          </div>
          <button
            type="button"
            disabled={cancel.isPending}
            onClick={async () => {
              setProblem(null);
              try {
                await cancel.mutateAsync({ id: props.shift.id });
                close();
              } catch (error) {
                setProblem(words.refusal(error));
              }
            }}
          >
            {s.volunteers.planning.cancelYes}
          </button>
        </>
      )}
    </DialogButton>
  );
}
