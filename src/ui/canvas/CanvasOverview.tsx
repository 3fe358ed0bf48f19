import { memo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { CanvasNode } from '../../store/graph/buildGraph';
import { nodeBounds } from './nodeBounds';

/** The overview's name for a node, shown as its tooltip. */
function nameOf(node: CanvasNode): string {
  if (node.type === 'namespace' || node.type === 'namespaceGroup') return `namespace ${node.data.namespace.name}`;
  if (node.type === 'external') return node.data.label;
  return node.id;
}

/**
 * The canvas seen from far away when it holds too many nodes to mount: one rectangle per node, drawn in the canvas'
 * own coordinates (it pans and zooms with it), in a single SVG. Clicking a rectangle zooms in on it.
 */
export const CanvasOverview = memo(function CanvasOverview({ nodes, selected, onPick }: { nodes: readonly CanvasNode[]; selected: string | null; onPick: (node: CanvasNode) => void }) {
  const bounds = nodeBounds(nodes, null);
  if (bounds === null) return null;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return (
    <ViewportPortal>
      <svg className="canvas-overview" data-testid="canvas-overview" style={{ left: bounds.x, top: bounds.y }} width={bounds.width} height={bounds.height} viewBox={`${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`}>
        {nodes.map((node) => {
          const parent = node.parentId === undefined ? undefined : byId.get(node.parentId);
          return (
            <rect
              key={node.id}
              className={`canvas-overview__node canvas-overview__node--${node.type ?? 'workload'}${node.id === selected ? ' is-selected' : ''}`}
              x={node.position.x + (parent?.position.x ?? 0)}
              y={node.position.y + (parent?.position.y ?? 0)}
              width={node.width ?? 0}
              height={node.height ?? 0}
              rx={8}
              onClick={() => onPick(node)}
            >
              <title>{nameOf(node)}</title>
            </rect>
          );
        })}
      </svg>
    </ViewportPortal>
  );
});
