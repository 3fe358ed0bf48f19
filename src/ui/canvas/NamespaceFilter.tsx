import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import { useOutsideClick } from '../shared/useOutsideClick';

/** A toolbar dropdown with a checkbox per namespace; unchecked namespaces, their workloads and edges leave the canvas. */
export function NamespaceFilter() {
  const namespaces = useAnalysisStore((state) => state.live.model.namespaces);
  const hidden = useViewStore((state) => state.hiddenNamespaces);
  const toggleNamespace = useViewStore((state) => state.toggleNamespace);
  const showAllNamespaces = useViewStore((state) => state.showAllNamespaces);
  const [isOpen, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const names = namespaces.map((n) => n.name);
  const hiddenCount = names.filter((name) => hidden.includes(name)).length;
  const dismiss = useCallback(() => setOpen(false), []);
  useOutsideClick(root, isOpen, dismiss);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !isOpen) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="namespace-filter" ref={root} onKeyDown={onKeyDown}>
      <button ref={button} type="button" aria-expanded={isOpen} aria-controls={isOpen ? panelId : undefined} onClick={() => setOpen(!isOpen)}>
        Namespaces{hiddenCount > 0 ? ` (${names.length - hiddenCount}/${names.length})` : ''} ▾
      </button>
      {isOpen && (
        <fieldset id={panelId} className="namespace-filter__menu">
          <legend>Show namespaces</legend>
          {names.length === 0 && <p className="namespace-filter__empty">No namespaces</p>}
          {names.map((name) => (
            <label key={name}>
              <input type="checkbox" checked={!hidden.includes(name)} onChange={() => toggleNamespace(name)} />
              {name}
            </label>
          ))}
          {hiddenCount > 0 && (
            <button type="button" onClick={showAllNamespaces}>
              Show all
            </button>
          )}
        </fieldset>
      )}
    </div>
  );
}
