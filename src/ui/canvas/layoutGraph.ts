import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { Point } from '../../store/useViewStore';
import { FRAME_PADDING, GAP, type CanvasNode, type Graph } from '../../store/graph/buildGraph';

/** A width and height in canvas pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Where the layout puts every node (workloads relative to their frame) and how big each frame is. */
export interface Layout {
  positions: Record<string, Point>;
  frameSizes: Record<string, Size>;
  /** Set when the automatic layout failed somewhere and a simple grid stands in: why. */
  fallback?: string;
}

const SPACING: LayoutOptions = {
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.layered.spacing.edgeNodeBetweenLayers': '30',
  'elk.spacing.componentComponent': '60',
};

const LAYERED: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.thoroughness': '1',
  'elk.edgeRouting': 'POLYLINE',
  ...SPACING,
};

/** Above this many nodes ELK's layered algorithm is slow or may overflow the stack: a grid is used instead. */
export const ELK_LIMITS = { nodes: 80 } as const;
/** ELK's cost grows with edges: each node leads the layout by at most this many of its outgoing edges (the rest are still drawn). */
const LINKS_PER_NODE = 3;

/** At most {@link LINKS_PER_NODE} links out of each node, preferring links into nodes few others call (they say most about structure). */
function thinLinks(links: readonly [string, string][]): [string, string][] {
  const callers = new Map<string, number>();
  for (const [, target] of links) callers.set(target, (callers.get(target) ?? 0) + 1);
  const kept = new Map<string, number>();
  return [...links]
    .sort((a, b) => (callers.get(a[1]) ?? 0) - (callers.get(b[1]) ?? 0))
    .filter(([source]) => {
      const count = kept.get(source) ?? 0;
      kept.set(source, count + 1);
      return count < LINKS_PER_NODE;
    });
}
const MAX_HEADER_WIDTH = 560;
/** Space between top-level nodes (frames, collapsed namespaces, address blocks). */
export const TOP_GAP = 96;

/** A frame wide enough for its header: the namespace name and label chips, up to a cap. */
function headerWidth(node: CanvasNode): number {
  if (node.type !== 'namespace') return 0;
  const { name, labels } = node.data.namespace;
  const chips = Object.entries(labels)
    .filter(([key]) => key !== 'kubernetes.io/metadata.name')
    .reduce((width, [key, value]) => width + (key.length + value.length + 1) * 6 + 18, 0);
  const note = node.data.namespace.isDeclared ? 0 : 110;
  return Math.min(MAX_HEADER_WIDTH, 2 * FRAME_PADDING.side + name.length * 9 + chips + note);
}

function sizeOf(node: CanvasNode): Size {
  return { width: node.width ?? 0, height: node.height ?? 0 };
}

/** Invisible edges that chain four or more unconnected nodes into rows of about √n, so they form a grid instead of one tall column. */
function gridEdges(ids: readonly string[]): ElkExtendedEdge[] {
  if (ids.length < 4) return [];
  const columns = Math.ceil(Math.sqrt(ids.length));
  return ids.flatMap((id, i) => (i % columns === columns - 1 || i + 1 >= ids.length ? [] : [{ id: `grid:${id}`, sources: [id], targets: [ids[i + 1]] }]));
}

/** Places boxes in rows (left to right, wrapping at about the square root of their total area), each at `origin`; returns positions and the bounding size. */
export function gridPlace(items: readonly { id: string; size: Size }[], gap: Size = { width: GAP.x, height: GAP.y }): { positions: Record<string, Point>; size: Size } {
  const area = items.reduce((sum, item) => sum + (item.size.width + gap.width) * (item.size.height + gap.height), 0);
  const widest = items.reduce((max, item) => Math.max(max, item.size.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.4);
  const positions: Record<string, Point> = {};
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const item of items) {
    if (x > 0 && x + item.size.width > rowWidth) {
      x = 0;
      y += rowHeight + gap.height;
      rowHeight = 0;
    }
    positions[item.id] = { x, y };
    x += item.size.width + gap.width;
    width = Math.max(width, x - gap.width);
    rowHeight = Math.max(rowHeight, item.size.height);
  }
  return { positions, size: { width, height: y + rowHeight } };
}

/** Lays out leaf boxes with ELK's layered algorithm (left to right) when small enough, else in a grid; ELK's failure falls back to the grid and says why. */
async function placeBoxes(
  elk: Pick<ELK, 'layout'>,
  items: readonly { id: string; size: Size }[],
  links: readonly [string, string][],
  gap: Size,
): Promise<{ positions: Record<string, Point>; size: Size; error?: string }> {
  if (items.length <= 1 || items.length > ELK_LIMITS.nodes) return gridPlace(items, gap);
  const leading = thinLinks(links);
  const linked = new Set(leading.flat());
  const edges: ElkExtendedEdge[] = leading.map(([source, target], i) => ({ id: `e${i}`, sources: [source], targets: [target] }));
  edges.push(...gridEdges(items.filter((item) => !linked.has(item.id)).map((item) => item.id)));
  const root: ElkNode = { id: 'root', layoutOptions: LAYERED, children: items.map((item) => ({ id: item.id, ...item.size })), edges };
  try {
    const result = await elk.layout(root);
    const positions: Record<string, Point> = {};
    for (const child of result.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
    return { positions, size: { width: result.width ?? 0, height: result.height ?? 0 } };
  } catch (error) {
    return { ...gridPlace(items, gap), error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Lays the graph out in two levels, so the cost grows with the nodes, not with the
 * allowed pairs: 1. inside each namespace frame its workloads, by the edges between
 * them; 2. the frames, collapsed namespaces and external blocks, by the edges between
 * them aggregated to one per pair of top-level nodes. Each level uses ELK's layered
 * algorithm when small and a grid otherwise; a failure falls back to the grid and is
 * reported in `fallback`.
 */
export async function layoutGraph(elk: Pick<ELK, 'layout'>, graph: Graph): Promise<Layout> {
  const layout: Layout = { positions: {}, frameSizes: {} };
  const errors: string[] = [];
  const topOf = new Map<string, string>();
  const members = new Map<string, CanvasNode[]>();
  for (const node of graph.nodes) {
    topOf.set(node.id, node.parentId ?? node.id);
    if (node.parentId !== undefined) {
      const list = members.get(node.parentId);
      if (list) list.push(node);
      else members.set(node.parentId, [node]);
    }
  }
  const tops = graph.nodes.filter((node) => node.parentId === undefined);

  // 1. Inside each frame.
  for (const frame of tops) {
    if (frame.type !== 'namespace') continue;
    const cards = members.get(frame.id) ?? [];
    const inside = new Set(cards.map((card) => card.id));
    const links = graph.edges.filter((e) => inside.has(e.source) && inside.has(e.target)).map((e): [string, string] => [e.source, e.target]);
    const placed = await placeBoxes(elk, cards.map((card) => ({ id: card.id, size: sizeOf(card) })), links, { width: GAP.x, height: GAP.y });
    if (placed.error) errors.push(placed.error);
    for (const card of cards) {
      const at = placed.positions[card.id] ?? { x: 0, y: 0 };
      layout.positions[card.id] = { x: at.x + FRAME_PADDING.side, y: at.y + FRAME_PADDING.top };
    }
    layout.frameSizes[frame.id] = {
      width: Math.max(headerWidth(frame), placed.size.width + 2 * FRAME_PADDING.side),
      height: Math.max(FRAME_PADDING.top + FRAME_PADDING.bottom, placed.size.height + FRAME_PADDING.top + FRAME_PADDING.bottom),
    };
  }

  // 2. The top level, with edges aggregated to one per pair of top-level nodes.
  const seen = new Set<string>();
  const links: [string, string][] = [];
  for (const edge of graph.edges) {
    const source = topOf.get(edge.source);
    const target = topOf.get(edge.target);
    if (source === undefined || target === undefined || source === target || seen.has(`${source}\n${target}`)) continue;
    seen.add(`${source}\n${target}`);
    links.push([source, target]);
  }
  const items = tops.map((node) => ({ id: node.id, size: layout.frameSizes[node.id] ?? sizeOf(node) }));
  const placed = await placeBoxes(elk, items, links, { width: TOP_GAP, height: TOP_GAP });
  if (placed.error) errors.push(placed.error);
  // 3. The layered order, read left to right, packed into rows: as compact as a grid, so the view fits at a readable zoom.
  const at = (id: string) => placed.positions[id] ?? { x: 0, y: 0 };
  const ordered = [...items].sort((a, b) => at(a.id).x - at(b.id).x || at(a.id).y - at(b.id).y);
  const packed = gridPlace(ordered, { width: TOP_GAP, height: TOP_GAP });
  for (const node of tops) layout.positions[node.id] = packed.positions[node.id] ?? { x: 0, y: 0 };
  if (errors.length > 0) layout.fallback = errors[0];
  return layout;
}
