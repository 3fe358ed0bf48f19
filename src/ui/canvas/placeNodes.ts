import type { Point } from '../../store/useViewStore';
import type { CanvasNode } from '../../store/graph/buildGraph';
import type { Layout } from './layoutGraph';

/**
 * The graph's nodes placed for React Flow: a position the person dragged wins over
 * the layout's, which wins over the graph's grid guess; frames take the layout's size;
 * sizes React Flow measured before are kept, so it does not measure every node again.
 */
export function placeNodes(nodes: readonly CanvasNode[], previous: readonly CanvasNode[], layout: Layout | null, dragged: Readonly<Record<string, Point>>): CanvasNode[] {
  const measured = new Map(previous.map((node) => [node.id, node.measured]));
  return nodes.map((node) => {
    const position = dragged[node.id] ?? layout?.positions[node.id] ?? node.position;
    const frame = node.type === 'namespace' ? layout?.frameSizes[node.id] : undefined;
    return { ...node, ...frame, position, measured: measured.get(node.id) } as CanvasNode;
  });
}
