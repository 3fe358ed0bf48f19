import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useDocumentStore } from '../../store/useDocumentStore';
import './files.css';

/** The bundled examples in `public/examples/`, in menu order. */
export const EXAMPLES = [
  { file: 'three-tier.yaml', title: 'Three-tier shop', hint: 'frontend → api → db, default-deny' },
  { file: 'microservices.yaml', title: 'Microservices', hint: 'a dozen services in four namespaces' },
  { file: 'ipblocks-named-ports.yaml', title: 'ipBlocks and named ports', hint: 'CIDRs with except, http/metrics/grpc' },
  { file: 'bank.yaml', title: 'Small bank', hint: '10 workloads, 9 policies in six namespaces' },
] as const;

/** The toolbar's "Examples ▾" menu: one click opens a bundled example as the workspace (undoable). */
export function ExamplesMenu() {
  const openExample = useDocumentStore((state) => state.openExample);
  const [isOpen, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (isOpen) items.current[0]?.focus();
  }, [isOpen]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const current = items.current.findIndex((item) => item === document.activeElement);
    const focus = (index: number) => items.current[(index + EXAMPLES.length) % EXAMPLES.length]?.focus();
    if (event.key === 'ArrowDown') focus(current + 1);
    else if (event.key === 'ArrowUp') focus(current - 1);
    else if (event.key === 'Escape') close();
    else return;
    event.preventDefault();
  };

  const onBlur = (event: FocusEvent) => {
    if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  };

  return (
    <div className="examples-menu" ref={root} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => setOpen(!isOpen)}
      >
        Examples ▾
      </button>
      {isOpen && (
        <ul id={menuId} className="examples-menu__list" role="menu" aria-label="Examples" onKeyDown={onMenuKeyDown}>
          {EXAMPLES.map((example, index) => (
            <li key={example.file} role="none">
              <button
                ref={(el) => {
                  items.current[index] = el;
                }}
                type="button"
                role="menuitem"
                className="examples-menu__item"
                tabIndex={-1}
                onClick={() => {
                  close();
                  void openExample(`${import.meta.env.BASE_URL}examples/${example.file}`);
                }}
              >
                {example.title}
                <span className="examples-menu__hint"> — {example.hint}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
