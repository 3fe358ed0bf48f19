import type { CanvasNode } from '../../store/graph/buildGraph';

/** How the canvas draws a node at the moment: its emphasis class, whether it is left out, whether it is selected. */
export interface NodeLook {
  className: string | undefined;
  hidden: boolean;
  selected: boolean;
}

const drawn = new WeakMap<CanvasNode, { look: NodeLook; shown: CanvasNode }>();

/**
 * The node as React Flow gets it: the placed node with its look. The same placed node with the same look gives the
 * very same object, so React Flow renders again only the nodes an edit or a selection changed.
 */
export function shownNode(node: CanvasNode, look: NodeLook): CanvasNode {
  const last = drawn.get(node);
  if (last !== undefined && last.look.className === look.className && last.look.hidden === look.hidden && last.look.selected === look.selected) return last.shown;
  const shown = { ...node, ...look, zIndex: node.type === 'namespace' ? 0 : 2 } as CanvasNode;
  drawn.set(node, { look, shown });
  return shown;
}
