import type { ClusterTiers, CompiledClusterRule } from '../evaluate/compileClusterTiers';
import type { CompiledModel, Direction } from '../evaluate/compileModel';
import { formatConnSet, intersectConns, isEmptyConns, subtractConns, unionConns, NO_CONNS, type ConnSet } from '../evaluate/connSet';
import { tieredSide, tierVerdict } from '../evaluate/tieredSide';
import { isInside, parseCidr, partition, type IPRange } from '../ip/ipRange';
import type { ClusterAction } from '../model/types';
import type { FlowEnd } from './planAllowFlow';

/** An Admin-tier rule that decides part of a flow before any NetworkPolicy is consulted. */
export interface AdminDecision {
  rule: CompiledClusterRule;
  /** The side the rule governs: the source's egress or the destination's ingress. */
  direction: Direction;
  /** The part of the asked connections it decides. */
  conns: ConnSet;
}

/** The other end of a side as cluster rules see it: a workload index, or one address piece (never straddling a rule's networks). */
type Remote = { index: number } | { range: IPRange };

function admits(rule: CompiledClusterRule, remote: Remote): boolean {
  return 'index' in remote ? rule.podMask[remote.index] === 1 : rule.ipRanges.some((r) => isInside(remote.range, r));
}

/** The remotes standing for a flow end on one side: the workload, or the pieces of the block cut at every networks edge of the side's rules. */
function remotesOf(end: FlowEnd, rules: readonly CompiledClusterRule[], index: ReadonlyMap<string, number>): Remote[] {
  if ('workload' in end) {
    const i = index.get(end.workload);
    return i === undefined ? [] : [{ index: i }];
  }
  const block = parseCidr(end.cidr);
  if (!block) return [];
  return partition(block.family, [block, ...rules.flatMap((r) => r.ipRanges)])
    .filter((p) => isInside(p, block))
    .map((range) => ({ range }));
}

interface Side {
  direction: Direction;
  self: number;
  other: FlowEnd;
}

function sidesOf(compiled: CompiledModel, src: FlowEnd, dst: FlowEnd): Side[] {
  const out: Side[] = [];
  const si = 'workload' in src ? compiled.index.get(src.workload) : undefined;
  const di = 'workload' in dst ? compiled.index.get(dst.workload) : undefined;
  if (si !== undefined) out.push({ direction: 'egress', self: si, other: dst });
  if (di !== undefined) out.push({ direction: 'ingress', self: di, other: src });
  return out;
}

/**
 * The first Admin-tier rule, on either side of `src → dst` and for any address of a block end, that takes `action` on
 * some of `conns`: rules are walked in evaluation order and each decides only the connections earlier rules left (a
 * Pass decides too: it hands them down).
 */
export function adminDecision(compiled: CompiledModel, src: FlowEnd, dst: FlowEnd, conns: ConnSet, action: ClusterAction): AdminDecision | undefined {
  const tiers = compiled.clusterTiers;
  if (!tiers || isEmptyConns(conns)) return undefined;
  const destIndex = 'workload' in dst ? (compiled.index.get(dst.workload) ?? -1) : -1;
  for (const { direction, self, other } of sidesOf(compiled, src, dst)) {
    const rules = tiers.admin[direction][compiled.workloadClass[self]];
    for (const remote of remotesOf(other, rules, compiled.index)) {
      let decided = NO_CONNS;
      for (const rule of rules) {
        if (!admits(rule, remote)) continue;
        const claimed = subtractConns(rule.connsTo(destIndex), decided);
        const hit = intersectConns(claimed, conns);
        if (rule.action === action && !isEmptyConns(hit)) return { rule, direction, conns: hit };
        decided = unionConns(decided, claimed);
      }
    }
  }
  return undefined;
}

/**
 * What side `direction` of workload `self` allows toward `other` across the tiers, for every address of a block end
 * (the intersection over its pieces): Admin first, then `np` (what its NetworkPolicies allow) when they isolate it,
 * else the Baseline tier.
 */
export function tieredSideToward(tiers: ClusterTiers, compiled: CompiledModel, direction: Direction, self: number, other: FlowEnd, np: ConnSet | undefined, destIndex: number): ConnSet {
  const c = compiled.workloadClass[self];
  const admin = tiers.admin[direction][c];
  const baseline = tiers.baseline[direction][c];
  const remotes = remotesOf(other, [...admin, ...baseline], compiled.index);
  let out: ConnSet | undefined;
  for (const remote of remotes) {
    const at = (r: CompiledClusterRule) => admits(r, remote);
    const conns = tieredSide(np, tierVerdict(admin, at, destIndex), tierVerdict(baseline, at, destIndex));
    out = out === undefined ? conns : intersectConns(out, conns);
  }
  return out ?? NO_CONNS;
}

/** `ClusterNetworkPolicy guardrails (Admin, priority 10) egress rule 2 "deny-to-kube-system"`. */
function describeAdminRule(d: AdminDecision): string {
  const { policy, ruleIndex, rule } = d.rule;
  return `${policy.id} (Admin, priority ${policy.priority}) ${d.direction} rule ${ruleIndex + 1}${rule.name === '' ? '' : ` "${rule.name}"`}`;
}

/** Why no NetworkPolicy can change what an Admin rule decided, and the exception that would. */
export function adminRefusal(d: AdminDecision, verb: 'allow' | 'deny', flow: string): string {
  const opposite = d.rule.action === 'Deny' ? 'Accept' : 'Deny';
  const { policy, ruleIndex } = d.rule;
  return (
    `${describeAdminRule(d)} ${d.rule.action === 'Deny' ? 'denies' : 'accepts'} ${flow} on ${formatConnSet(d.conns)} before any NetworkPolicy is consulted, so no NetworkPolicy can ${verb} it. ` +
    `The exception it needs: an ${opposite} rule for exactly this flow ahead of it — before ${d.direction} rule ${ruleIndex + 1} of ${policy.id}, or in an Admin-tier policy with a priority below ${policy.priority}.`
  );
}
