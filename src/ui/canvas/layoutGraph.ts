import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { Point } from '../../store/useViewStore';
import { CARD, FRAME_PADDING, type Graph } from './buildGraph';

/** A width and height in canvas pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Where the layout puts every node (workloads relative to their frame) and how big each frame is. */
export interface Layout {
  positions: Record<string, Point>;
  frameSizes: Record<string, Size>;
}

const SPACING: LayoutOptions = {
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '100',
  'elk.layered.spacing.edgeNodeBetweenLayers': '30',
  'elk.spacing.componentComponent': '60',
};

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  ...SPACING,
};

const MAX_HEADER_WIDTH = 560;
/** A node that at least this share of the other nodes may call is open: edges into it do not shape the layout. */
const OPEN_SHARE = 0.75;

/** A frame wide enough for its header: the namespace name and label chips, up to a cap. */
function headerWidth(name: string, labels: Readonly<Record<string, string>>, shownLabels: (key: string) => boolean): number {
  const chips = Object.entries(labels)
    .filter(([key]) => shownLabels(key))
    .reduce((width, [key, value]) => width + (key.length + value.length + 1) * 6 + 18, 0);
  return Math.min(MAX_HEADER_WIDTH, 2 * FRAME_PADDING.side + name.length * 9 + chips);
}

/** Invisible edges that chain four or more unconnected nodes into rows of about √n, so they form a grid instead of one tall column. */
function gridEdges(ids: readonly string[]): ElkExtendedEdge[] {
  if (ids.length < 4) return [];
  const columns = Math.ceil(Math.sqrt(ids.length));
  return ids.flatMap((id, i) => (i % columns === columns - 1 || i + 1 >= ids.length ? [] : [{ id: `grid:${id}`, sources: [id], targets: [ids[i + 1]] }]));
}

/**
 * Lays the graph out left to right with ELK's layered algorithm, namespaces as
 * compound nodes holding their workloads, cards sized by `sizeOf` (the browser's
 * measured size; an estimate when a node was never measured). Edges into
 * nodes nearly everyone may call say little about structure and are left out of
 * the layout (they are still drawn); the others weigh more the fewer nodes may call
 * their target, so clients tend to sit left of the servers they call. Nodes left
 * unconnected are set in a grid.
 */
export async function layoutGraph(elk: Pick<ELK, 'layout'>, graph: Graph, sizeOf: (id: string) => Size | undefined): Promise<Layout> {
  const cardSize = (id: string): Size => sizeOf(id) ?? CARD;
  const frames = new Map<string, ElkNode>();
  const children: ElkNode[] = [];
  for (const node of graph.nodes) {
    if (node.type === 'namespace') {
      const { name, labels } = node.data.namespace;
      const frame: ElkNode = {
        id: node.id,
        children: [],
        layoutOptions: {
          ...SPACING,
          'elk.padding': `[top=${FRAME_PADDING.top},left=${FRAME_PADDING.side},bottom=${FRAME_PADDING.bottom},right=${FRAME_PADDING.side}]`,
          'elk.nodeSize.constraints': '[MINIMUM_SIZE]',
          'elk.nodeSize.minimum': `(${headerWidth(name, labels, (key) => key !== 'kubernetes.io/metadata.name')}, ${FRAME_PADDING.top + FRAME_PADDING.bottom})`,
        },
      };
      frames.set(node.id, frame);
      children.push(frame);
    } else {
      const card: ElkNode = { id: node.id, ...cardSize(node.id) };
      const frame = node.parentId === undefined ? undefined : frames.get(node.parentId);
      if (frame) frame.children?.push(card);
      else children.push(card);
    }
  }
  const callers = new Map<string, number>();
  for (const edge of graph.edges) callers.set(edge.target, (callers.get(edge.target) ?? 0) + 1);
  const others = Math.max(1, graph.nodes.filter((n) => n.type !== 'namespace').length - 1);
  const shaping = graph.edges.filter((edge) => (callers.get(edge.target) ?? 0) < OPEN_SHARE * others);
  const linked = new Set(shaping.flatMap((edge) => [edge.source, edge.target]));
  for (const node of graph.nodes) if (node.parentId !== undefined && linked.has(node.id)) linked.add(node.parentId);
  const edges: ElkExtendedEdge[] = shaping.map((edge) => ({
    id: edge.id,
    sources: [edge.source],
    targets: [edge.target],
    layoutOptions: { 'elk.layered.priority.direction': String(Math.round(10 * (1 - (callers.get(edge.target) ?? 0) / others))) },
  }));
  for (const container of [children, ...[...frames.values()].map((frame) => frame.children ?? [])]) {
    edges.push(...gridEdges(container.filter((node) => !linked.has(node.id)).map((node) => node.id)));
  }
  const root: ElkNode = { id: 'root', layoutOptions: ROOT_OPTIONS, children, edges };
  const result = await elk.layout(root);
  const layout: Layout = { positions: {}, frameSizes: {} };
  const visit = (nodes: readonly ElkNode[]) => {
    for (const node of nodes) {
      layout.positions[node.id] = { x: node.x ?? 0, y: node.y ?? 0 };
      if (frames.has(node.id)) {
        layout.frameSizes[node.id] = { width: node.width ?? 0, height: node.height ?? 0 };
        visit(node.children ?? []);
      }
    }
  };
  visit(result.children ?? []);
  return layout;
}
