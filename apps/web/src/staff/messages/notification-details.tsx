import { Button } from 'react-aria-components';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { formatMoment, languageName } from './message-words';
import { type NotificationRow, RESEND_NOTIFICATION } from './queries';

export function recipientName(row: Pick<NotificationRow, 'participant'>, staff: string): string {
  return row.participant ? [row.participant.firstName, row.participant.lastName].filter(Boolean).join(' ') : staff;
}

/** A message's details in a dialog: its attempts with the server's answers, and Resend for a failed one. */
export function NotificationDetails(props: { notification: NotificationRow; onResent(): void }) {
  const { s, format, language } = useStaffI18n();
  const words = s.messages.outbox;
  const n = props.notification;
  const name = recipientName(n, words.staff);
  const kind = s.messages.kinds[n.kind as keyof typeof s.messages.kinds] ?? n.kind;
  return (
    <DialogButton label={words.details} accessibleName={format(words.detailsOf, { name })} title={format(words.detailTitle, { kind, name })}>
      {() => (
        <>
          <dl>
            <dt>{words.status}</dt>
            <dd>{s.messages.statuses[n.status]}</dd>
            <dt>{words.channel}</dt>
            <dd>{s.messages.channels[n.channel]}</dd>
            <dt>{words.language}</dt>
            <dd lang={n.language}>{languageName(n.language)}</dd>
            <dt>{words.due}</dt>
            <dd>{formatMoment(n.dueAt, language)}</dd>
            {n.sentAt && (
              <>
                <dt>{words.sentAt}</dt>
                <dd>{formatMoment(n.sentAt, language)}</dd>
              </>
            )}
            {n.lastError && (
              <>
                <dt>{words.lastError}</dt>
                <dd className="messages__error">{n.lastError}</dd>
              </>
            )}
          </dl>
          <h3>{words.attempts}</h3>
          {n.attemptsLog.length === 0 ? (
            <p>{words.noAttempts}</p>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={words.attemptsCaption}>
              <table className="data-table">
                <caption>{words.attemptsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{words.attempt}</th>
                    <th scope="col">{words.startedAt}</th>
                    <th scope="col">{words.outcome}</th>
                    <th scope="col">{words.answer}</th>
                  </tr>
                </thead>
                <tbody>
                  {n.attemptsLog.map((attempt) => (
                    <tr key={attempt.attempt}>
                      <td>{attempt.attempt}</td>
                      <td>{formatMoment(attempt.startedAt, language)}</td>
                      <td>{s.messages.outcomes[attempt.outcome]}</td>
                      <td className="messages__error">{attempt.error ?? attempt.providerId ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {n.status === 'FAILED' && <ResendButton id={n.id} onResent={props.onResent} />}
        </>
      )}
    </DialogButton>
  );
}

/** The list reloads after the resend (the row is no longer FAILED): the page, not this button, says it worked. */
function ResendButton(props: { id: string; onResent(): void }) {
  const { s } = useStaffI18n();
  const words = s.messages.outbox;
  const resend = useStaffMutation(RESEND_NOTIFICATION);
  return (
    <>
      <p>{words.resendText}</p>
      <Button
        className="button"
        isDisabled={resend.isPending}
        onPress={() => {
          void resend.mutateAsync({ id: props.id }).then(props.onResent);
        }}
      >
        {words.resend}
      </Button>
      {resend.isError && (
        <p role="alert" className="notice notice--error">
          {s.common.apiErrors.other}
        </p>
      )}
    </>
  );
}
