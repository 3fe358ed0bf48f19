import type { Analysis, ClusterPolicy, CompiledRule, Direction, NetworkPolicy } from '../../engine';
import { OTHER_ADDRESSES } from '../../engine';

/** What one policy reaches: the workloads its podSelector (or subject) selects and, per direction, the peers its rules admit. */
export interface PolicyReach {
  policy: NetworkPolicy | ClusterPolicy;
  /** Workload ids the podSelector selects. */
  subjects: Set<string>;
  /** Node ids (workloads and external blocks) the ingress rules admit. */
  ingressPeers: Set<string>;
  /** Node ids (workloads and external blocks) the egress rules admit. */
  egressPeers: Set<string>;
}

function blockIdsOf(policy: NetworkPolicy, direction: Direction, ruleIndex: number): string[] {
  const rule = (direction === 'ingress' ? policy.ingress : policy.egress)[ruleIndex];
  return (rule?.peers ?? []).flatMap((peer) =>
    peer.kind === 'ipBlock' ? [`ext:${peer.except.length > 0 ? `${peer.cidr} except ${peer.except.join(', ')}` : peer.cidr}`] : [],
  );
}

function peersOf(analysis: Analysis, rules: readonly CompiledRule[], allBlocks: readonly string[]): Set<string> {
  const { workloads } = analysis.evaluation.compiled;
  const peers = new Set<string>();
  for (const rule of rules) {
    rule.podMask.forEach((bit, i) => {
      if (bit === 1) peers.add(workloads[i].id);
    });
    const blocks = rule.isAnyPeer ? allBlocks : blockIdsOf(rule.policy, rule.direction, rule.ruleIndex);
    for (const block of blocks) peers.add(block);
  }
  return peers;
}

/**
 * What a cluster policy reaches: the workloads its rules apply to (the subjects of a policy with rules) and the
 * workloads its `namespaces`/`pods` peers match (`networks` peers match addresses the canvas groups as "any other
 * address", not shown here).
 */
function clusterPolicyReach(analysis: Analysis, policy: ClusterPolicy): PolicyReach {
  const { compiled } = analysis.evaluation;
  const reach: PolicyReach = { policy, subjects: new Set(), ingressPeers: new Set(), egressPeers: new Set() };
  const tiers = compiled.clusterTiers;
  if (!tiers) return reach;
  const tier = policy.tier === 'Admin' ? tiers.admin : tiers.baseline;
  compiled.workloads.forEach((workload, i) => {
    for (const direction of ['ingress', 'egress'] as const) {
      const rules = tier[direction][compiled.workloadClass[i]].filter((r) => r.policy === policy);
      if (rules.length === 0) continue;
      reach.subjects.add(workload.id);
      const peers = direction === 'ingress' ? reach.ingressPeers : reach.egressPeers;
      for (const rule of rules) rule.podMask.forEach((bit, j) => {
        if (bit === 1) peers.add(compiled.workloads[j].id);
      });
    }
  });
  return reach;
}

/**
 * The workloads policy `id` (`ns/name`) selects and the peers its rules admit, from the
 * engine's compiled model; undefined when there is no such policy. A policy that selects
 * no workload admits no peer here, since its rules govern nothing.
 */
export function policyReach(analysis: Analysis, id: string): PolicyReach | undefined {
  const clusterPolicy = analysis.model.clusterPolicies.find((p) => p.id === id);
  if (clusterPolicy) return clusterPolicyReach(analysis, clusterPolicy);
  const policy = analysis.model.policies.find((p) => p.id === id);
  if (!policy) return undefined;
  const { compiled } = analysis.evaluation;
  const subjects = new Set<string>();
  const rules: CompiledRule[] = [];
  compiled.workloads.forEach((workload, i) => {
    const isIngressSubject = compiled.ingressPolicies[i].some((p) => p.id === id);
    const isEgressSubject = compiled.egressPolicies[i].some((p) => p.id === id);
    if (!isIngressSubject && !isEgressSubject) return;
    if (subjects.size === 0) {
      rules.push(...compiled.ingressRules[i].filter((r) => r.policy.id === id), ...compiled.egressRules[i].filter((r) => r.policy.id === id));
    }
    subjects.add(workload.id);
  });
  const blocks = new Set<string>([OTHER_ADDRESSES]);
  for (const p of analysis.model.policies) {
    for (const [direction, list] of [['ingress', p.ingress], ['egress', p.egress]] as const) {
      list.forEach((_, ruleIndex) => blockIdsOf(p, direction, ruleIndex).forEach((b) => blocks.add(b)));
    }
  }
  const allBlocks = [...blocks];
  return {
    policy,
    subjects,
    ingressPeers: peersOf(analysis, rules.filter((r) => r.direction === 'ingress'), allBlocks),
    egressPeers: peersOf(analysis, rules.filter((r) => r.direction === 'egress'), allBlocks),
  };
}
