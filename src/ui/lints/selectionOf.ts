import type { Selection } from '../../store/useViewStore';

/** A cluster policy's id: `ClusterNetworkPolicy name`, `AdminNetworkPolicy name`, `BaselineAdminNetworkPolicy name`. */
const CLUSTER_POLICY_ID = /^(ClusterNetworkPolicy|AdminNetworkPolicy|BaselineAdminNetworkPolicy) /;

/** What selecting an object named in a lint selects: a workload `ns/name[Kind]`, a namespace `ns:<name>`, a cluster policy `Kind name`, else a policy `ns/name`. */
export function selectionOf(id: string): Selection {
  if (id.startsWith('ns:')) return { kind: 'namespace', id: id.slice(3) };
  if (CLUSTER_POLICY_ID.test(id)) return { kind: 'clusterPolicy', id };
  return id.endsWith(']') ? { kind: 'workload', id } : { kind: 'policy', id };
}
