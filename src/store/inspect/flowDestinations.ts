import type { Graph } from '../graph/buildGraph';
import { isValidFlowConnection } from '../graph/flowEndOf';

/** A destination to offer: the node id, and how the list shows it. */
export interface FlowDestination {
  value: string;
  label: string;
}

/**
 * The nodes a flow from `source` may be drawn to, as a drag would accept them (workloads and address ranges, not the
 * source itself, no frames): workloads first as `namespace/name · Kind`, then address ranges as `addresses <range>`.
 */
export function flowDestinations(graph: Graph, source: string): FlowDestination[] {
  const workloads: FlowDestination[] = [];
  const addresses: FlowDestination[] = [];
  for (const node of graph.nodes) {
    if (!isValidFlowConnection({ source, target: node.id })) continue;
    if (node.type === 'workload') {
      const { namespace, name, kind, isInferred } = node.data.workload;
      workloads.push({ value: node.id, label: `${namespace}/${name} · ${isInferred ? 'inferred' : kind}` });
    } else if (node.type === 'external') {
      addresses.push({ value: node.id, label: `addresses ${node.data.label}` });
    }
  }
  return [...workloads, ...addresses];
}
