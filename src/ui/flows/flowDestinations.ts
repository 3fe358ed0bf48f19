import type { Graph } from '../../store/graph/buildGraph';
import type { ComboboxChoice } from '../explain/Combobox';
import { isValidFlowConnection } from './flowEndOf';

/**
 * The nodes a flow from `source` may be drawn to, as a drag would accept them (workloads and address ranges, not the
 * source itself, no frames): workloads first as `namespace/name · Kind`, then address ranges as `addresses <range>`.
 */
export function flowDestinations(graph: Graph, source: string): ComboboxChoice[] {
  const workloads: ComboboxChoice[] = [];
  const addresses: ComboboxChoice[] = [];
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
