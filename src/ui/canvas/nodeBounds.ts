import type { Rect } from '@xyflow/react';
import type { CanvasNode } from '../../store/graph/buildGraph';

/**
 * The rectangle (canvas coordinates) holding the nodes whose ids are in `ids`, or all nodes when `ids` is null:
 * cards inside a frame count at their frame's position plus their own. Null when none of them is known. Computed from
 * the nodes' own positions and sizes, so it works for nodes React Flow has not mounted or measured (hidden, far away).
 */
export function nodeBounds(nodes: readonly CanvasNode[], ids: ReadonlySet<string> | null): Rect | null {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    if (ids !== null && !ids.has(node.id)) continue;
    const parent = node.parentId === undefined ? undefined : byId.get(node.parentId);
    const x = node.position.x + (parent?.position.x ?? 0);
    const y = node.position.y + (parent?.position.y ?? 0);
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + (node.width ?? node.measured?.width ?? 0));
    bottom = Math.max(bottom, y + (node.height ?? node.measured?.height ?? 0));
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}
