import type { Selection } from '../../store/useViewStore';
import type { Graph } from '../../store/graph/buildGraph';

/**
 * The node ids within `depth` hops (along drawn edges, either direction) of the
 * selected workload, namespace or edge, with the frames holding them; null when
 * nothing focusable is selected or `depth` is 0 (everything shown).
 */
export function focusOf(graph: Graph, selection: Selection | null, depth: number): Set<string> | null {
  if (depth === 0 || selection === null) return null;
  const start: string[] = [];
  if (selection.kind === 'workload') start.push(selection.id);
  if (selection.kind === 'namespace') {
    const id = `ns:${selection.id}`;
    start.push(id, ...graph.nodes.filter((node) => node.parentId === id).map((node) => node.id));
  }
  if (selection.kind === 'edge') {
    const edge = graph.edges.find((e) => e.id === selection.id);
    if (edge) start.push(edge.source, edge.target);
  }
  if (start.length === 0 || !graph.nodes.some((node) => node.id === start[0])) return null;
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const edge of graph.edges) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  const shown = new Set(start);
  let frontier = start;
  for (let hop = 0; hop < depth; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of neighbours.get(id) ?? []) {
        if (shown.has(other)) continue;
        shown.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  for (const node of graph.nodes) if (node.parentId !== undefined && shown.has(node.id)) shown.add(node.parentId);
  return shown;
}
