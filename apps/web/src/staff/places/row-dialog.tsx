import { type ReactNode, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useStaffI18n } from '../staff-strings';

/**
 * DialogButton (ui/confirm-dialog.tsx) for a table row: the short visible label ("Wijzigen") is
 * the same on every row, so the button's accessible name also says which row it acts on.
 */
export function RowDialogButton(props: { label: string; accessibleName: string; title: string; children: (close: () => void) => ReactNode }) {
  const { s } = useStaffI18n();
  return (
    <DialogTrigger>
      <Button className="button--secondary places__row-action" aria-label={props.accessibleName}>
        {props.label}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="modal__dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{props.title}</Heading>
                {props.children(close)}
                <Button className="button--secondary modal__close" onPress={close}>
                  {s.common.actions.close}
                </Button>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
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
