import { Dialog } from '../shared/Dialog';

/** A small dialog that tells why a designed flow needs no change; OK or Escape closes it. */
export function FlowNotice({ title, message, onClose }: { title: string; message: string; onClose: () => void }) {
  return (
    <Dialog
      title={title}
      role="alertdialog"
      onClose={onClose}
      buttons={
        <button type="button" onClick={onClose}>
          OK
        </button>
      }
    >
      <p>{message}</p>
    </Dialog>
  );
}
