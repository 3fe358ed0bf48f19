import type { DragEvent } from 'react';
import { useViewStore } from '../../store/useViewStore';
import { parseWorkloadId } from '../modelEditor/fieldIssues';
import { PALETTE_ITEMS, PALETTE_MIME, type PaletteItemKind } from './paletteItem';
import type { PaletteActions } from './usePaletteActions';

/** Props of {@link Palette}. */
export interface PaletteProps {
  actions: PaletteActions;
  /** Asks for the address range of a new external node. */
  onAskCidr: () => void;
}

/** A small floating panel with three items to drag onto the canvas (or click): a namespace, a workload and an external CIDR. */
export function Palette({ actions, onAskCidr }: PaletteProps) {
  const selection = useViewStore((state) => state.selection);
  const selectedNamespace =
    selection?.kind === 'namespace' ? selection.id : selection?.kind === 'workload' ? parseWorkloadId(selection.id)?.namespace : undefined;
  const add = (kind: PaletteItemKind) => {
    if (kind === 'namespace') actions.addNamespace();
    else if (kind === 'workload') actions.addWorkload(selectedNamespace ?? 'default');
    else onAskCidr();
  };
  const onDragStart = (event: DragEvent, kind: PaletteItemKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <div className="palette" role="toolbar" aria-label="Palette">
      {PALETTE_ITEMS.map((item) => (
        <button
          key={item.kind}
          type="button"
          draggable
          className="palette__item"
          aria-label={`Add ${item.label.toLowerCase()}`}
          title={`Drag onto the canvas, or click, to add ${item.hint}${item.kind === 'workload' ? ` (in ${selectedNamespace ?? 'default'})` : ''}`}
          data-testid={`palette-${item.kind}`}
          onDragStart={(event) => onDragStart(event, item.kind)}
          onClick={() => add(item.kind)}
        >
          <span className="palette__icon" aria-hidden="true">
            {item.icon}
          </span>
          <span className="palette__label">{item.label}</span>
        </button>
      ))}
    </div>
  );
}
