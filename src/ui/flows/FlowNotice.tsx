import { useEffect, useRef } from 'react';
import './flows.css';

/** A small dialog that tells why a designed flow needs no change; OK or Escape closes it. */
export function FlowNotice({ title, message, onClose }: { title: string; message: string; onClose: () => void }) {
  const ok = useRef<HTMLButtonElement>(null);
  useEffect(() => ok.current?.focus(), []);
  return (
    <div className="flow-dialog__backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="flow-dialog" role="alertdialog" aria-modal="true" aria-label={title}>
        <h2 className="flow-dialog__title">{title}</h2>
        <p>{message}</p>
        <div className="flow-dialog__buttons">
          <button type="button" ref={ok} className="flow-dialog__primary" onClick={onClose}>
            OK
          </button>
        </div>
      </div>
    </div>
  );
}
