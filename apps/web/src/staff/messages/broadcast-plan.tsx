import { useStaffI18n } from '../staff-strings';
import { languageName } from './message-words';
import type { BroadcastPlan } from './queries';

const MAX_SMS_SEGMENTS = 2;

/** How many readers per channel and language, in which words, and how long their SMS is. */
export function BroadcastPlanTable(props: { plan: BroadcastPlan }) {
  const { s, format } = useStaffI18n();
  const words = s.messages.broadcast;
  const { plan } = props;
  const unreachable = format(words.unreachable, { count: plan.unreachable });
  return (
    <>
      <p>
        <strong>{plan.audienceTitle}</strong>: {format(words.reached, { count: plan.reached })}
      </p>
      {unreachable && <p>{unreachable}</p>}
      {plan.groups.length > 0 && (
        // Focusable: on a phone the table scrolls sideways inside the dialog, and keyboard users must reach that too.
        <div className="table-scroll" tabIndex={0} role="region" aria-label={words.planCaption}>
          <table className="data-table">
            <caption>{words.planCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.messages.outbox.channel}</th>
                <th scope="col">{s.messages.outbox.language}</th>
                <th scope="col">{words.readers}</th>
                <th scope="col">{words.words}</th>
                <th scope="col">{words.segments}</th>
              </tr>
            </thead>
            <tbody>
              {plan.groups.map((group) => (
                <tr key={`${group.channel}-${group.language}`} data-row-id={`${group.channel}-${group.language}`}>
                  <td>{s.messages.channels[group.channel]}</td>
                  <td lang={group.language}>{languageName(group.language)}</td>
                  <td>{group.readers}</td>
                  <td>{group.translated ? words.translated : words.inDutch}</td>
                  <td>
                    {group.smsSegments ?? ''}
                    {group.smsSegments !== null && group.smsSegments > MAX_SMS_SEGMENTS && <span className="field-error"> {words.tooLong}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
