import { useMemo } from 'react';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import { DropdownMenu, type DropdownMenuItem } from '../shared/DropdownMenu';

/**
 * A toolbar menu with a checkbox item per namespace (the shared menu's keys: Enter, Space or ArrowDown open, arrows
 * move, Space or Enter toggle, Escape closes); unchecked namespaces, their workloads and edges leave the canvas.
 */
export function NamespaceFilter() {
  const namespaces = useAnalysisStore((state) => state.live.model.namespaces);
  const hidden = useViewStore((state) => state.hiddenNamespaces);
  const toggleNamespace = useViewStore((state) => state.toggleNamespace);
  const showAllNamespaces = useViewStore((state) => state.showAllNamespaces);
  const names = useMemo(() => namespaces.map((n) => n.name), [namespaces]);
  const hiddenCount = names.filter((name) => hidden.includes(name)).length;
  const items = useMemo((): DropdownMenuItem[] => {
    if (names.length === 0) return [{ label: 'No namespaces', isDisabled: true, onSelect: () => {} }];
    const rows: DropdownMenuItem[] = names.map((name) => ({ label: name, isChecked: !hidden.includes(name), onSelect: () => toggleNamespace(name) }));
    return hiddenCount > 0 ? [...rows, { label: 'Show all', onSelect: showAllNamespaces }] : rows;
  }, [names, hidden, hiddenCount, toggleNamespace, showAllNamespaces]);
  return (
    <div className="namespace-filter">
      <DropdownMenu buttonText={`Namespaces${hiddenCount > 0 ? ` (${names.length - hiddenCount}/${names.length})` : ''} ▾`} label="Show namespaces" items={items} />
    </div>
  );
}
