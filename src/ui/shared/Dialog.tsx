import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import './dialog.css';

/** Props of {@link Dialog}. */
export interface DialogProps {
  /** The heading, and the accessible name unless `label` is given. */
  title: string;
  /** The accessible name, where it differs from the title. */
  label?: string;
  /** `alertdialog` for a question or a notice that needs an answer. */
  role?: 'dialog' | 'alertdialog';
  /** Room for lists (a change preview), rather than a few fields. */
  isWide?: boolean;
  /** Escape calls it. */
  onClose: () => void;
  /** Makes the dialog a form: Enter in a field submits it. */
  onSubmit?: (event: FormEvent) => void;
  /** The action buttons, the primary one last. */
  buttons: ReactNode;
  children?: ReactNode;
}

const TABBABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function tabbablesOf(node: HTMLElement | null): HTMLElement[] {
  return [...(node?.querySelectorAll<HTMLElement>(TABBABLE) ?? [])];
}

/**
 * A modal dialog over a dimmed page, labelled by its title: focus moves in (to what a child focused, else the first
 * field or button), Tab and Shift+Tab stay inside, Escape closes, and focus returns to where it was when it opened.
 */
export function Dialog({ title, label, role = 'dialog', isWide = false, onClose, onSubmit, buttons, children }: DialogProps) {
  const [opener] = useState(() => document.activeElement);
  const box = useRef<HTMLElement>(null);
  const titleId = useId();

  useEffect(() => {
    const node = box.current;
    if (node !== null && !node.contains(document.activeElement)) (tabbablesOf(node)[0] ?? node).focus();
    return () => {
      const active = document.activeElement;
      const isFocusLost = active === null || active === document.body || node?.contains(active) === true;
      if (isFocusLost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [opener]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const tabbables = tabbablesOf(box.current);
    const edge = event.shiftKey ? tabbables[0] : tabbables[tabbables.length - 1];
    if (tabbables.length > 0 && document.activeElement !== edge) return;
    event.preventDefault();
    (event.shiftKey ? tabbables[tabbables.length - 1] : tabbables[0])?.focus();
  };

  const setBox = (node: HTMLElement | null) => {
    box.current = node;
  };
  const props = {
    ref: setBox,
    className: `dialog${isWide ? ' dialog--wide' : ''}`,
    role,
    'aria-modal': true,
    ...(label !== undefined ? { 'aria-label': label } : { 'aria-labelledby': titleId }),
    tabIndex: -1,
    onKeyDown,
  };
  const content = (
    <>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
      <div className="dialog__buttons">{buttons}</div>
    </>
  );
  return (
    <div className="dialog__backdrop">
      {onSubmit !== undefined ? (
        <form {...props} onSubmit={onSubmit}>
          {content}
        </form>
      ) : (
        <div {...props}>
          {content}
        </div>
      )}
    </div>
  );
}
