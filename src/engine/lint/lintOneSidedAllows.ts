import type { CompiledModel, CompiledRule } from '../evaluate/compileModel';
import { ALL_CONNS, formatConnSet, intersectConns, isEmptyConns } from '../evaluate/connSet';
import { tieredSideToward } from '../generate/adminDecision';
import { sideConns } from '../evaluate/evaluateModel';
import { peerNamespaceMatches, peerPodMatches } from '../evaluate/peerMatches';
import type { Workload } from '../model/types';
import { isEmptySelector } from '../selectors/matchesSelector';
import type { Lint } from './lint';

/** True when one of the rule's peers names workload `other` by a non-empty podSelector. */
function namesWorkload(compiled: CompiledModel, rule: CompiledRule, other: Workload): boolean {
  return rule.policy[rule.direction][rule.ruleIndex].peers.some(
    (peer) =>
      peer.kind === 'selector' &&
      peer.podSelector !== undefined &&
      !isEmptySelector(peer.podSelector) &&
      peerNamespaceMatches(peer, rule.policy.namespace, other.namespace, compiled.namespaceLabels.get(other.namespace) ?? {}) &&
      peerPodMatches(peer, other.labels),
  );
}

/**
 * Rules that name workloads on the other end (peers with a non-empty
 * podSelector, no ipBlock) and allow nothing that the other ends' own sides
 * admit: egress allows A → B but B is ingress-isolated and admits none of it
 * from A, or the mirror (B's ingress admits A, but A is egress-isolated and
 * allows none of it toward B). A connection needs both sides (semantics §3), so
 * such a rule has no effect; one finding per rule, fixed (when it names one
 * pair) by the allow plan of that flow (`allowFlow`). A rule that works for some of its
 * peers is an ordinary narrow side, not reported.
 */
export function lintOneSidedAllows(compiled: CompiledModel): Lint[] {
  const { workloads, classMembers, clusterTiers: tiers } = compiled;
  const lints: Lint[] = [];
  for (const compiledPolicy of compiled.compiledPolicies) {
    const subjects = compiledPolicy.subjects.flatMap((c) => classMembers[c].filter((i) => !workloads[i].isInferred));
    for (const direction of ['egress', 'ingress'] as const) {
      for (const rule of compiledPolicy[direction]) {
        if (rule.isAnyPeer || rule.ipRanges.length > 0) continue;
        // 1. Every real pair the rule allows on its side; stop at the first the other side admits.
        const denied: { src: number; dst: number }[] = [];
        let isAlive = false;
        for (const self of subjects) {
          for (let other = 0; other < workloads.length && !isAlive; other++) {
            if (other === self || rule.podMask[other] !== 1 || workloads[other].isInferred) continue;
            const [src, dst] = direction === 'egress' ? [self, other] : [other, self];
            const wanted = rule.connsTo(dst);
            if (isEmptyConns(wanted)) continue;
            const isOtherIsolated = (direction === 'egress' ? compiled.ingressPolicies[other] : compiled.egressPolicies[other]).length > 0;
            const otherRules = direction === 'egress' ? compiled.ingressRules[other] : compiled.egressRules[other];
            const np = isOtherIsolated ? sideConns(true, otherRules, (r) => r.podMask[self] === 1, dst) : undefined;
            // With cluster tiers the other side's Admin and Baseline rules count too (an Admin Accept there keeps the rule alive).
            const otherSide = tiers ? tieredSideToward(tiers, compiled, direction === 'egress' ? 'ingress' : 'egress', other, { workload: workloads[self].id }, np, dst) : (np ?? ALL_CONNS);
            if (!isEmptyConns(intersectConns(otherSide, wanted))) isAlive = true;
            else denied.push({ src, dst });
          }
        }
        if (isAlive) continue;
        // 2. One finding per rule, naming the denied pairs the rule names by their labels.
        const pairs = denied.filter(({ src, dst }) => namesWorkload(compiled, rule, workloads[direction === 'egress' ? dst : src]));
        if (pairs.length === 0) continue;
        const [s, d] = [workloads[pairs[0].src], workloads[pairs[0].dst]];
        const name = (w: Workload) => (s.namespace === d.namespace ? w.name : `${w.namespace}/${w.name}`);
        const where = `${rule.policy.id} ${direction} rule ${rule.ruleIndex + 1}`;
        const conns = formatConnSet(rule.connsTo(pairs[0].dst));
        const others = pairs.length > 1 ? ` (and ${pairs.length - 1} more pair${pairs.length === 2 ? '' : 's'} alike)` : '';
        lints.push({
          code: 'one-sided-allow',
          severity: 'warning',
          message:
            direction === 'egress'
              ? `${where} allows ${name(s)} → ${name(d)} on ${conns}${others}, but ${name(d)}'s ingress does not admit it (no policy selecting ${d.name} allows it from ${s.name}): the connection is denied and the rule has no effect.`
              : `${where} admits ${name(s)} → ${name(d)} on ${conns}${others}, but ${name(s)}'s egress does not allow it (no policy selecting ${s.name} allows it toward ${d.name}): the connection is denied and the rule has no effect.`,
          objects: [rule.policy.id, ...new Set(pairs.flatMap(({ src, dst }) => [workloads[src].id, workloads[dst].id]))],
          ...(pairs.length === 1 ? { allowFlow: { src: s.id, dst: d.id, ports: [...rule.ports] } } : {}),
        });
      }
    }
  }
  return lints;
}
