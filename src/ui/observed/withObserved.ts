import { NO_CONNS } from '../../engine';
import type { FlowEdgeType, Graph } from '../../store/graph/buildGraph';
import type { ObservedOverlay } from '../../store/inspect/observedOverlay';
import type { ObservedFilter } from '../../store/useObservedStore';

/**
 * The graph with observed traffic laid over it: drawn edges marked used or unused (allowed, never observed), an edge
 * some observed flow on it would break marked so with those ports, and a new edge for each pair whose observed flows
 * the policies deny entirely (both ends drawn); then only the edges of the filter's state.
 */
export function withObserved(graph: Graph, overlay: ObservedOverlay, filter: ObservedFilter): Graph {
  const observed = new Map(overlay.edges.map((e) => [e.id, e]));
  const unused = new Set(overlay.unusedEdges);
  const nodes = new Set(graph.nodes.map((n) => n.id));
  const marked = graph.edges.map((edge): FlowEdgeType => {
    if (edge.data === undefined) return edge;
    const seen = observed.get(edge.id);
    if (seen?.state === 'wouldBreak') return { ...edge, data: { ...edge.data, observed: 'wouldBreak', label: `${edge.data.label} · would break: ${seen.conns}` } };
    if (seen) return { ...edge, data: { ...edge.data, observed: 'used' } };
    return unused.has(edge.id) ? { ...edge, data: { ...edge.data, observed: 'unused' } } : edge;
  });
  const drawn = new Set(graph.edges.map((e) => e.id));
  const breaking = overlay.edges
    .filter((e) => e.state === 'wouldBreak' && !drawn.has(e.id) && nodes.has(e.source) && nodes.has(e.target))
    .map(
      (e): FlowEdgeType => ({
        id: e.id,
        type: 'flow',
        source: e.source,
        target: e.target,
        data: { kind: 'denied', conns: NO_CONNS, label: `would break · ${e.conns}`, connsText: 'No Connections', isPartial: false, hasReverse: drawn.has(`${e.target}=>${e.source}`), observed: 'wouldBreak' },
      }),
    );
  const edges = [...marked, ...breaking];
  return { nodes: graph.nodes, edges: filter === 'all' ? edges : edges.filter((e) => e.data?.observed === filter) };
}
