import type { CanvasNode } from '../../store/graph/buildGraph';

/** How the canvas draws a node at the moment: its emphasis class, whether it is left out, whether it is selected. */
export interface NodeLook {
  className: string | undefined;
  hidden: boolean;
  selected: boolean;
}

/** What a screen reader announces when the node takes focus. */
export function nodeAriaLabel(node: CanvasNode): string {
  switch (node.type) {
    case 'workload':
      return `${node.data.workload.isInferred ? 'Inferred workload' : node.data.workload.kind} ${node.data.workload.name}, namespace ${node.data.workload.namespace}${
        node.data.rejectedNames?.length ? `, ${node.data.rejectedNames.some((mark) => mark.severity === 'error') ? 'error' : 'warning'}: the API server would reject its name` : ''
      }`;
    case 'namespace':
      return `Namespace ${node.data.namespace.name}`;
    case 'namespaceGroup':
      return `Namespace ${node.data.namespace.name}, collapsed: ${node.data.workloads} workloads`;
    case 'external':
      return `Addresses ${node.data.label}`;
  }
}

const drawn = new WeakMap<CanvasNode, { look: NodeLook; shown: CanvasNode }>();

/**
 * The node as React Flow gets it: the placed node with its look. The same placed node with the same look gives the
 * very same object, so React Flow renders again only the nodes an edit or a selection changed.
 */
export function shownNode(node: CanvasNode, look: NodeLook): CanvasNode {
  const last = drawn.get(node);
  if (last !== undefined && last.look.className === look.className && last.look.hidden === look.hidden && last.look.selected === look.selected) return last.shown;
  const shown = { ...node, ...look, zIndex: node.type === 'namespace' ? 0 : 2, ariaLabel: nodeAriaLabel(node) } as CanvasNode;
  drawn.set(node, { look, shown });
  return shown;
}
