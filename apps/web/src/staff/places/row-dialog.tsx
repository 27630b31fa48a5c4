import { type ReactNode, useState } from 'react';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';

/** DialogButton for a table row: the same short label on every row, an accessible name that says which row. */
export function RowDialogButton(props: { label: string; accessibleName: string; title: string; children: (close: () => void) => ReactNode }) {
  return <DialogButton {...props} className="button--secondary places__row-action" />;
}

/** The catalogue sentences of a place kind's deactivate and reactivate dialogs ({name} filled in). */
interface ActivationStrings {
  deactivateTitle: string;
  deactivateText: string;
  reactivateTitle: string;
  reactivateText: string;
}

/** Deactivate an active place, or reactivate an inactive one, after a confirmation that says what follows. */
export function ActivationButton(props: {
  active: boolean;
  name: string;
  strings: ActivationStrings;
  onDeactivate(): Promise<unknown>;
  onReactivate(): Promise<unknown>;
}) {
  const { s, format } = useStaffI18n();
  const values = { name: props.name };
  const [label, title, text, onConfirm] = props.active
    ? [s.common.actions.deactivate, props.strings.deactivateTitle, props.strings.deactivateText, props.onDeactivate]
    : [s.common.actions.activate, props.strings.reactivateTitle, props.strings.reactivateText, props.onReactivate];
  return (
    <RowDialogButton label={label} accessibleName={format(title, values)} title={format(title, values)}>
      {(close) => <ConfirmAction text={format(text, values)} action={label} onConfirm={onConfirm} close={close} />}
    </RowDialogButton>
  );
}

/** The confirmation inside a deactivate/reactivate dialog: what happens, then one button that does it. */
export function ConfirmAction(props: { text: string; action: string; onConfirm(): Promise<unknown>; close(): void }) {
  const { s } = useStaffI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div>
      <p>{props.text}</p>
      <div role="alert" className={failed ? 'notice notice--error' : undefined}>
        {failed ? s.common.apiErrors.other : null}
      </div>
      <button
        type="button"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={async () => {
          setBusy(true);
          setFailed(false);
          try {
            await props.onConfirm();
            props.close();
          } catch {
            setFailed(true);
            setBusy(false);
          }
        }}
      >
        {props.action}
      </button>
    </div>
  );
}
