import type { Workload } from '../../engine';
import type { Selection } from '../../store/useViewStore';
import type { Graph } from '../../store/graph/buildGraph';
import type { PolicyReach } from '../../store/inspect/policyReach';

/** Extra class names for the nodes and edges the selection or the search brings forward or pushes back. */
export interface Emphasis {
  nodes: Map<string, string>;
  edges: Map<string, string>;
}

/** True when the workload's name or one of its `key=value` labels contains the search text (case-insensitive). */
export function matchesSearch(workload: Workload, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') return false;
  return (
    workload.name.toLowerCase().includes(needle) ||
    Object.entries(workload.labels).some(([key, value]) => `${key}=${value}`.toLowerCase().includes(needle))
  );
}

function add(map: Map<string, string>, id: string, name: string) {
  const current = map.get(id);
  map.set(id, current === undefined ? name : `${current} ${name}`);
}

/**
 * Which nodes and edges to highlight and which to dim: a selected workload with its
 * peers and edges; a selected policy with the workloads it selects (`is-subject`) and
 * the peers its rules admit (`is-peer`, from `reach`); a selected edge with its ends; a selected
 * namespace with its workloads and their peers. A collapsed namespace is lit when one of its workloads is. Without a selection, search matches are highlighted
 * and the other workloads dimmed.
 */
export function emphasis(graph: Graph, selection: Selection | null, searchText: string, reach?: PolicyReach): Emphasis {
  const out: Emphasis = { nodes: new Map(), edges: new Map() };
  const cards = graph.nodes.filter((n) => n.type !== 'namespace');
  const matches = new Set(
    graph.nodes.flatMap((n) => (n.type === 'workload' && matchesSearch(n.data.workload, searchText) ? [n.id] : [])),
  );
  for (const id of matches) add(out.nodes, id, 'is-match');

  const lit = new Set<string>();
  const litEdges = new Set<string>();
  const lightEdges = (keep: (source: string, target: string) => boolean) => {
    for (const edge of graph.edges) if (keep(edge.source, edge.target)) litEdges.add(edge.id);
  };
  switch (selection?.kind) {
    case 'workload': {
      if (!cards.some((n) => n.id === selection.id)) return out;
      add(out.nodes, selection.id, 'is-selected');
      lit.add(selection.id);
      lightEdges((s, t) => s === selection.id || t === selection.id);
      for (const edge of graph.edges) {
        if (litEdges.has(edge.id)) {
          lit.add(edge.source);
          lit.add(edge.target);
        }
      }
      break;
    }
    case 'policy':
    case 'clusterPolicy': {
      if (!reach) return out;
      for (const id of reach.subjects) add(out.nodes, id, 'is-subject');
      for (const id of new Set([...reach.ingressPeers, ...reach.egressPeers])) if (!reach.subjects.has(id)) add(out.nodes, id, 'is-peer');
      [reach.subjects, reach.ingressPeers, reach.egressPeers].forEach((ids) => ids.forEach((id) => lit.add(id)));
      lightEdges((s, t) => (reach.ingressPeers.has(s) && reach.subjects.has(t)) || (reach.subjects.has(s) && reach.egressPeers.has(t)));
      break;
    }
    case 'edge': {
      const edge = graph.edges.find((e) => e.id === selection.id);
      if (!edge) return out;
      litEdges.add(edge.id);
      lit.add(edge.source);
      lit.add(edge.target);
      break;
    }
    case 'namespace': {
      if (!graph.nodes.some((n) => n.id === `ns:${selection.id}`)) return out;
      add(out.nodes, `ns:${selection.id}`, 'is-selected');
      lit.add(`ns:${selection.id}`);
      for (const node of graph.nodes) if (node.type === 'workload' && node.data.workload.namespace === selection.id) lit.add(node.id);
      lightEdges((s, t) => lit.has(s) || lit.has(t));
      for (const edge of graph.edges) {
        if (litEdges.has(edge.id)) {
          lit.add(edge.source);
          lit.add(edge.target);
        }
      }
      break;
    }
    case undefined:
      if (searchText.trim() === '') return out;
      matches.forEach((id) => lit.add(id));
      lightEdges((s, t) => matches.has(s) || matches.has(t));
      break;
  }
  for (const id of [...lit]) if (!id.startsWith('ns:') && id.includes('/')) lit.add(`ns:${id.slice(0, id.indexOf('/'))}`);
  for (const node of cards) if (!lit.has(node.id)) add(out.nodes, node.id, 'is-dimmed');
  for (const edge of graph.edges) add(out.edges, edge.id, litEdges.has(edge.id) ? 'is-active' : 'is-dimmed');
  if (selection?.kind === 'edge') add(out.edges, selection.id, 'is-selected');
  return out;
}
