import { useState, type DragEvent, type ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Point } from '../../store/useViewStore';
import type { CanvasNode } from '../../store/graph/buildGraph';
import { CidrPrompt } from './CidrPrompt';
import { frameAt } from './frameAt';
import { Palette } from './Palette';
import { PALETTE_MIME, paletteItemOf } from './paletteItem';
import { usePaletteActions } from './usePaletteActions';
import './palette.css';

/** The canvas area that takes palette drops (an external node stays where it is dropped, a workload joins the frame it is dropped on, a namespace frame goes where the layout puts it), with the palette floating at its top-left. */
export function PaletteDropZone({ children }: { children: ReactNode }) {
  const { screenToFlowPosition, getNodes } = useReactFlow<CanvasNode>();
  const actions = usePaletteActions();
  /** Open when not undefined: where the new external node goes (null: let the layout place it). */
  const [ask, setAsk] = useState<Point | null | undefined>(undefined);

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const kind = paletteItemOf(event.dataTransfer.getData(PALETTE_MIME));
    if (kind === undefined) return;
    event.preventDefault();
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    if (kind === 'namespace') actions.addNamespace();
    if (kind === 'external') setAsk(point);
    if (kind !== 'workload') return;
    const frames = getNodes().flatMap((node) =>
      node.type === 'namespace' && !node.hidden
        ? [{ namespace: node.data.namespace.name, ...node.position, width: node.measured?.width ?? node.width ?? 0, height: node.measured?.height ?? node.height ?? 0 }]
        : [],
    );
    actions.addWorkload(frameAt(point, frames)?.namespace ?? 'default');
  };

  return (
    <div className="palette-drop" onDragOver={onDragOver} onDrop={onDrop}>
      {children}
      <Palette actions={actions} onAskCidr={() => setAsk(null)} />
      {ask !== undefined && (
        <CidrPrompt
          onCancel={() => setAsk(undefined)}
          onAdd={(cidr) => {
            actions.addExternal(cidr, ask ?? undefined);
            setAsk(undefined);
          }}
        />
      )}
    </div>
  );
}
