import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import './exportMenu.css';
import { useExportActions, type ExportAction, type ExportOutcome } from './useExportActions';

/** How long a message stays: a success briefly, a warning or an error long enough to read. */
const MESSAGE_MS = { done: 4000, warning: 12000, error: 12000 } as const;

/** The toolbar's "Export ▾" menu button: YAML downloads, clipboard copy and canvas images, usable from the keyboard. */
export function ExportMenu() {
  const actions = useExportActions();
  const [isOpen, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const focusOnOpen = useRef(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (isOpen) items.current[focusOnOpen.current]?.focus();
  }, [isOpen]);

  useEffect(() => {
    if (outcome === null) return;
    const timer = setTimeout(() => setOutcome(null), MESSAGE_MS[outcome.tone]);
    return () => clearTimeout(timer);
  }, [outcome]);

  const open = (index: number) => {
    focusOnOpen.current = index;
    setOutcome(null);
    setOpen(true);
  };

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const choose = (action: ExportAction) => {
    if (action.isDisabled) return;
    close();
    setOutcome({ message: 'Exporting…', tone: 'done' });
    void action.run().then(setOutcome);
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    open(event.key === 'ArrowDown' ? 0 : actions.length - 1);
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const current = items.current.findIndex((item) => item === document.activeElement);
    const focus = (index: number) => items.current[(index + actions.length) % actions.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(current + 1);
        break;
      case 'ArrowUp':
        focus(current - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(actions.length - 1);
        break;
      case 'Escape':
        close();
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  const onBlur = (event: FocusEvent) => {
    if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  };

  return (
    <div className="export-menu" ref={root} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="export-menu__button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => (isOpen ? setOpen(false) : open(0))}
        onKeyDown={onButtonKeyDown}
      >
        Export ▾
      </button>
      {isOpen && (
        <ul id={menuId} className="export-menu__list" role="menu" aria-label="Export" onKeyDown={onMenuKeyDown}>
          {actions.map((action, index) => (
            <li key={action.label} role="none">
              <button
                ref={(el) => {
                  items.current[index] = el;
                }}
                type="button"
                role="menuitem"
                className="export-menu__item"
                aria-disabled={action.isDisabled}
                tabIndex={-1}
                onClick={() => choose(action)}
              >
                {action.label}
                {action.hint !== undefined && <span className="export-menu__hint"> — {action.hint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <span className={`export-menu__status export-menu__status--${outcome?.tone ?? 'done'}`} role="status">
        {outcome?.message}
      </span>
    </div>
  );
}
