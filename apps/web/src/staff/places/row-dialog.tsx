import { type ReactNode, useState } from 'react';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';

/** DialogButton for a table row: the same short label on every row, an accessible name that says which row. */
export function RowDialogButton(props: { label: string; accessibleName: string; title: string; children: (close: () => void) => ReactNode }) {
  return <DialogButton {...props} className="button--secondary places__row-action" />;
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
