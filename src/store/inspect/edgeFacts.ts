import type { Analysis } from '../../engine';
import { graphOf } from '../graph/graphOf';

/** One end of an allowed connection: its node id, whether it is a workload (else an address block), and what to call it. */
export interface EdgeEnd {
  id: string;
  isWorkload: boolean;
  name: string;
}

/** What the inspector tells about an allowed connection: its two ends and what it allows, compact and as the CLI prints it. */
export interface EdgeFacts {
  source: EdgeEnd;
  target: EdgeEnd;
  label: string;
  connsText: string;
  /** True when only some addresses of a block may do more than `connsText` says. */
  isPartial: boolean;
}

/** The facts of edge `id` (`<src>=><dst>`) in the graph with every allowed pair drawn, or null when that connection is not allowed. */
export function edgeFacts(analysis: Analysis, id: string): EdgeFacts | null {
  const graph = graphOf(analysis);
  const edge = graph.edges.find((e) => e.id === id);
  if (!edge?.data) return null;
  const end = (nodeId: string): EdgeEnd => {
    const node = graph.nodes.find((n) => n.id === nodeId);
    if (node?.type === 'external') return { id: nodeId, isWorkload: false, name: node.data.label };
    return { id: nodeId, isWorkload: node?.type === 'workload', name: nodeId };
  };
  return { source: end(edge.source), target: end(edge.target), label: edge.data.label, connsText: edge.data.connsText, isPartial: edge.data.isPartial };
}
