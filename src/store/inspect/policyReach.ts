import type { Analysis, CompiledRule, Direction, NetworkPolicy } from '../../engine';
import { OTHER_ADDRESSES } from '../../engine';

/** What one policy reaches: the workloads its podSelector selects and, per direction, the peers its rules admit. */
export interface PolicyReach {
  policy: NetworkPolicy;
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
 * The workloads policy `id` (`ns/name`) selects and the peers its rules admit, from the
 * engine's compiled model; undefined when there is no such policy. A policy that selects
 * no workload admits no peer here, since its rules govern nothing.
 */
export function policyReach(analysis: Analysis, id: string): PolicyReach | undefined {
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
