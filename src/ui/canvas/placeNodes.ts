import type { Point } from '../../store/useViewStore';
import { FRAME_PADDING, type CanvasNode } from '../../store/graph/buildGraph';
import type { Layout } from './layoutGraph';

/**
 * The graph's nodes placed for React Flow: a position the person dragged wins over
 * the layout's, which wins over the graph's grid guess; frames take the layout's size;
 * sizes React Flow measured before are kept (a frame's only while the layout keeps its size), so it does not measure every node again;
 * a node that has not changed is the very object it was, so an edit re-renders only the nodes it changed, and when none
 * changed the result is `previous` itself.
 */
export function placeNodes(nodes: readonly CanvasNode[], previous: readonly CanvasNode[], layout: Layout | null, dragged: Readonly<Record<string, Point>>): CanvasNode[] {
  const before = new Map(previous.map((node) => [node.id, node]));
  // A frame always holds its cards, wherever they were dragged: it grows to their far corner.
  const reach = new Map<string, Point>();
  for (const node of nodes) {
    if (node.parentId === undefined) continue;
    const at = dragged[node.id] ?? layout?.positions[node.id] ?? node.position;
    const far = reach.get(node.parentId) ?? { x: 0, y: 0 };
    reach.set(node.parentId, { x: Math.max(far.x, at.x + (node.width ?? 0) + FRAME_PADDING.side), y: Math.max(far.y, at.y + (node.height ?? 0) + FRAME_PADDING.bottom) });
  }
  const placed = nodes.map((node) => {
    const position = dragged[node.id] ?? layout?.positions[node.id] ?? node.position;
    const planned = node.type === 'namespace' ? layout?.frameSizes[node.id] : undefined;
    const far = reach.get(node.id);
    const frame = planned && far ? { width: Math.max(planned.width, far.x), height: Math.max(planned.height, far.y) } : planned;
    // A frame's size comes from the layout: a size measured before it may be stale (and would mislead fitting the view).
    const last = before.get(node.id);
    const known = last?.measured;
    const isCurrent = known !== undefined && (frame === undefined || (known.width === frame.width && known.height === frame.height));
    const next = { ...node, ...frame, position, measured: isCurrent ? known : undefined } as CanvasNode;
    return last !== undefined && isSame(last, next) ? last : next;
  });
  // Nothing moved or changed: the very array React Flow holds, so that it does not take the nodes in again.
  return placed.length === previous.length && placed.every((node, i) => node === previous[i]) ? (previous as CanvasNode[]) : placed;
}

/** True when a node placed again is the one React Flow already holds: then the same object is kept, so React Flow does not render it again. */
function isSame(last: CanvasNode, placed: CanvasNode): boolean {
  return (
    last.type === placed.type &&
    last.parentId === placed.parentId &&
    last.position.x === placed.position.x &&
    last.position.y === placed.position.y &&
    last.width === placed.width &&
    last.height === placed.height &&
    last.measured === placed.measured &&
    JSON.stringify(last.data) === JSON.stringify(placed.data)
  );
}
