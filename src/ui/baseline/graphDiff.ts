import type { FlowEdgeType, Graph } from '../../store/graph/buildGraph';

/** How an edge differs from the baseline. */
export type EdgeDiff = 'added' | 'removed' | 'changed';

/** One change against the baseline, in the words the canvas uses. */
export interface EdgeChange {
  kind: EdgeDiff;
  id: string;
  before?: string;
  after?: string;
}

/** The edges of `after` that are new or changed since `before`, the edges `before` had that are gone, and the list of changes. */
export function graphDiff(before: Graph, after: Graph): { marks: ReadonlyMap<string, EdgeDiff>; removed: FlowEdgeType[]; changes: EdgeChange[] } {
  const old = new Map(before.edges.map((e) => [e.id, e]));
  const now = new Map(after.edges.map((e) => [e.id, e]));
  const nodes = new Set(after.nodes.filter((n) => !n.hidden).map((n) => n.id));
  const marks = new Map<string, EdgeDiff>();
  const changes: EdgeChange[] = [];
  for (const [id, edge] of now) {
    const was = old.get(id);
    if (!was) {
      marks.set(id, 'added');
      changes.push({ kind: 'added', id, after: edge.data?.label });
    } else if (was.data?.label !== edge.data?.label) {
      marks.set(id, 'changed');
      changes.push({ kind: 'changed', id, before: was.data?.label, after: edge.data?.label });
    }
  }
  const removed = before.edges.filter((e) => !now.has(e.id));
  for (const e of removed) changes.push({ kind: 'removed', id: e.id, before: e.data?.label });
  changes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { marks, removed: removed.filter((e) => nodes.has(e.source) && nodes.has(e.target)), changes };
}
