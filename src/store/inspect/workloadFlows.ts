import { externalFlows, type Analysis, type NetworkPolicy } from '../../engine';
import { compactConns, compactFlow } from '../graph/compactConns';

/** One allowed peer of a workload: the peer's node id, what to call it, and the compact connection label. */
export interface PeerFlow {
  peer: string;
  name: string;
  label: string;
  isExternal: boolean;
}

/** What the inspector tells about a workload: the policies isolating each side and its allowed peers per direction. */
export interface WorkloadFlows {
  ingressPolicies: NetworkPolicy[];
  egressPolicies: NetworkPolicy[];
  ingress: PeerFlow[];
  egress: PeerFlow[];
}

/** The policies that select workload `id` per direction and every peer it may receive from or connect to; undefined for an unknown workload. */
export function workloadFlows(analysis: Analysis, id: string): WorkloadFlows | undefined {
  const { compiled } = analysis.evaluation;
  const i = compiled.index.get(id);
  if (i === undefined) return undefined;
  const workloadIds = new Set(compiled.workloads.map((w) => w.id));
  const pairs = analysis.connections.filter((c) => workloadIds.has(c.src) && workloadIds.has(c.dst));
  const { blocks, flows } = externalFlows(analysis.model, analysis.evaluation);
  const blockName = new Map(blocks.map((b) => [b.id, b.label]));
  const ingress: PeerFlow[] = [
    ...pairs.filter((c) => c.dst === id).map((c) => ({ peer: c.src, name: c.src, label: compactConns(c.conns), isExternal: false })),
    ...flows
      .filter((f) => f.dst === id)
      .map((f) => ({ peer: f.src, name: blockName.get(f.src) ?? f.src, label: compactFlow(f.conns, f.isPartial), isExternal: true })),
  ];
  const egress: PeerFlow[] = [
    ...pairs.filter((c) => c.src === id).map((c) => ({ peer: c.dst, name: c.dst, label: compactConns(c.conns), isExternal: false })),
    ...flows
      .filter((f) => f.src === id)
      .map((f) => ({ peer: f.dst, name: blockName.get(f.dst) ?? f.dst, label: compactFlow(f.conns, f.isPartial), isExternal: true })),
  ];
  return { ingressPolicies: compiled.ingressPolicies[i], egressPolicies: compiled.egressPolicies[i], ingress, egress };
}
