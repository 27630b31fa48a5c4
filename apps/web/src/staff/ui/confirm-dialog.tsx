import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useStaffI18n } from '../staff-strings';

/**
 * A modal dialog (React Aria: focus kept inside, Escape closes, focus back on the trigger) opened
 * by a button; `children` gets `close` to call after the action inside succeeded.
 */
export function DialogButton(props: {
  label: string;
  title: string;
  className?: string;
  /** When the visible label is the same on every row ("Wijzigen"): the name that says which row. */
  accessibleName?: string;
  children: (close: () => void) => ReactNode;
}) {
  const { s } = useStaffI18n();
  return (
    <DialogTrigger>
      <Button className={props.className ?? 'button--secondary'} aria-label={props.accessibleName}>
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
