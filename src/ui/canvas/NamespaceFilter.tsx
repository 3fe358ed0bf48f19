import { useEffect, useRef, useState } from 'react';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';

/** A toolbar dropdown with a checkbox per namespace; unchecked namespaces, their workloads and edges leave the canvas. */
export function NamespaceFilter() {
  const namespaces = useAnalysisStore((state) => state.live.model.namespaces);
  const hidden = useViewStore((state) => state.hiddenNamespaces);
  const toggleNamespace = useViewStore((state) => state.toggleNamespace);
  const showAllNamespaces = useViewStore((state) => state.showAllNamespaces);
  const [isOpen, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const names = namespaces.map((n) => n.name);
  const hiddenCount = names.filter((name) => hidden.includes(name)).length;

  useEffect(() => {
    if (!isOpen) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [isOpen]);

  return (
    <div className="namespace-filter" ref={root}>
      <button type="button" aria-expanded={isOpen} aria-haspopup="true" onClick={() => setOpen(!isOpen)}>
        Namespaces{hiddenCount > 0 ? ` (${names.length - hiddenCount}/${names.length})` : ''} ▾
      </button>
      {isOpen && (
        <fieldset className="namespace-filter__menu">
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
