import type { Point } from '../../store/useViewStore';
import type { CanvasNode } from './buildGraph';
import type { Layout } from './layoutGraph';

/**
 * The graph's nodes placed for React Flow: a position the person dragged wins over
 * the layout's, which wins over where the node already was, which wins over the
 * graph's grid guess; frames take the layout's size; sizes React Flow measured are kept.
 */
export function placeNodes(
  nodes: readonly CanvasNode[],
  previous: readonly CanvasNode[],
  layout: Layout | null,
  dragged: Readonly<Record<string, Point>>,
): CanvasNode[] {
  const before = new Map(previous.map((node) => [node.id, node]));
  return nodes.map((node) => {
    const old = before.get(node.id);
    const position = dragged[node.id] ?? layout?.positions[node.id] ?? old?.position ?? node.position;
    const frame = node.type === 'namespace' ? (layout?.frameSizes[node.id] ?? (old ? { width: old.width, height: old.height } : {})) : {};
    return { ...node, ...frame, position, measured: old?.measured } as CanvasNode;
  });
}
