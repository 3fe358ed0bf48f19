import type { ClusterPolicy, ClusterRule, Model, NetworkPolicy, Rule } from '../model/types';
import type { Direction } from '../evaluate/compileModel';
import { matchesSelector } from '../selectors/matchesSelector';
import { ALL_POTENTIAL, NO_POTENTIAL, intersectPotential, isEmptyPotential, subtractPotential, unionPotential, type PotentialConns } from './potentialConns';
import { isAllNamespacesClusterRule, isAllNamespacesPeer } from './representativePeers';
import { clusterPeerAdmits, clusterPeerFilter, peerAdmits, peerFilter, type ExposureEnd, type RepresentativeFilter } from './peerAdmits';
import { clusterRulePotentialConns, rulePotentialConns } from './rulePotentialConns';
import type { ExposureRule } from './exposureAnalysis';

/** The policies of a model as the exposure analysis walks them: NetworkPolicies, and each cluster tier by priority (then input order). */
export interface ExposurePolicies {
  /** NetworkPolicies by namespace. */
  byNamespace: ReadonlyMap<string, readonly NetworkPolicy[]>;
  admin: readonly ClusterPolicy[];
  baseline: readonly ClusterPolicy[];
}

/** The policies governing one side of an end: the NetworkPolicies isolating it (none for a representative) and the cluster policies whose subject it is. */
export interface Governance {
  isolating: NetworkPolicy[];
  admin: ClusterPolicy[];
  baseline: ClusterPolicy[];
}

/** What one side allows toward a peer, and the rules of that side that admit the peer. */
export interface SideResult {
  conns: PotentialConns;
  rules: ExposureRule[];
}

interface TierResult {
  accepted: PotentialConns;
  denied: PotentialConns;
  rules: ExposureRule[];
}

/** The policies of a model in the order the exposure analysis walks them. */
export function exposurePolicies(model: Model): ExposurePolicies {
  const byPriority = (tier: ClusterPolicy['tier']) =>
    model.clusterPolicies
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.tier === tier)
      .sort((a, b) => a.p.priority - b.p.priority || a.i - b.i)
      .map(({ p }) => p);
  const byNamespace = new Map<string, NetworkPolicy[]>();
  for (const p of model.policies) {
    const list = byNamespace.get(p.namespace);
    if (list) list.push(p);
    else byNamespace.set(p.namespace, [p]);
  }
  return { byNamespace, admin: byPriority('Admin'), baseline: byPriority('Baseline') };
}

/** The policies governing one side of an end; a side with none is not protected. */
export function governance(all: ExposurePolicies, end: ExposureEnd, direction: Direction): Governance {
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  const w = end.kind === 'workload' ? end.workload : undefined;
  const isolating = w ? (all.byNamespace.get(w.namespace) ?? []).filter((p) => p.policyTypes.includes(type) && matchesSelector(p.podSelector, w.labels)) : [];
  const subjectOf = (policies: readonly ClusterPolicy[]) => policies.filter((p) => p[direction].length > 0 && clusterPeerAdmits(p.subject, end));
  return { isolating, admin: subjectOf(all.admin), baseline: subjectOf(all.baseline) };
}

/** Walks a tier's rules in order (priority, then rule order): each connection is decided by the first rule that admits the peer. */
function tierWalk(policies: readonly ClusterPolicy[], direction: Direction, admits: (rule: ClusterRule) => boolean, dest: ExposureEnd | undefined): TierResult {
  let accepted = NO_POTENTIAL;
  let denied = NO_POTENTIAL;
  let decided = NO_POTENTIAL;
  const rules: ExposureRule[] = [];
  for (const policy of policies) {
    policy[direction].forEach((rule, ruleIndex) => {
      if (!admits(rule)) return;
      const conns = subtractPotential(clusterRulePotentialConns(rule.ports, dest), decided);
      if (isEmptyPotential(conns)) return;
      rules.push({ policy: policy.id, direction, ruleIndex });
      if (rule.action === 'Accept') accepted = unionPotential(accepted, conns);
      else if (rule.action === 'Deny') denied = unionPotential(denied, conns);
      decided = unionPotential(decided, conns);
    });
  }
  return { accepted, denied, rules };
}

/**
 * Across the tiers, as for connections between workloads: the Admin tier's Accepts, then for what it leaves undecided
 * or passes, the NetworkPolicies isolating the side (`np`; undefined when none do), else the default allow less the
 * Baseline tier's Denies.
 */
function tiered(np: PotentialConns | undefined, admin: TierResult, baseline: TierResult): PotentialConns {
  const belowAdmin = subtractPotential(subtractPotential(ALL_POTENTIAL, admin.accepted), admin.denied);
  const lower = np ?? subtractPotential(ALL_POTENTIAL, baseline.denied);
  return unionPotential(admin.accepted, intersectPotential(belowAdmin, lower));
}

/**
 * One side of a connection with a peer: `gov` governs the side, `other` is the peer its rules must admit, `dest` the
 * destination (named ports resolve on a workload's container ports). Without `other`, what the side allows every pod of
 * every namespace: only rules naming every peer or every namespace count, and named ports stay unresolved.
 */
export function exposureSide(gov: Governance, direction: Direction, other: ExposureEnd | undefined, dest: ExposureEnd | undefined): SideResult {
  const rules: ExposureRule[] = [];
  const admitsRule = (policy: NetworkPolicy, rule: Rule) =>
    rule.peers.length === 0 ||
    rule.peers.some((p) => (other === undefined ? p.kind === 'selector' && isAllNamespacesPeer(p.namespaceSelector, p.podSelector) : peerAdmits(p, policy.namespace, other)));
  let np: PotentialConns | undefined;
  if (gov.isolating.length > 0) {
    let allowed = NO_POTENTIAL;
    for (const policy of gov.isolating) {
      policy[direction].forEach((rule, ruleIndex) => {
        if (!admitsRule(policy, rule)) return;
        rules.push({ policy: policy.id, direction, ruleIndex });
        allowed = unionPotential(allowed, rulePotentialConns(rule.ports, dest));
      });
    }
    np = allowed;
  }
  const admitsClusterRule = (rule: ClusterRule) => (other === undefined ? isAllNamespacesClusterRule(rule) : rule.peers.some((p) => clusterPeerAdmits(p, other)));
  const admin = tierWalk(gov.admin, direction, admitsClusterRule, dest);
  const baseline = tierWalk(gov.baseline, direction, admitsClusterRule, dest);
  return { conns: tiered(np, admin, baseline), rules: [...admin.rules, ...rules, ...baseline.rules] };
}

/** The filters of the peers of a side's rules that name particular representatives; any other representative gets what one no selector names gets. */
export function namingFilters(gov: Governance, direction: Direction): Exclude<RepresentativeFilter, 'every' | 'none'>[] {
  const filters = [
    ...gov.isolating.flatMap((policy) => policy[direction].flatMap((rule) => rule.peers.map((peer) => peerFilter(peer, policy.namespace)))),
    ...[...gov.admin, ...gov.baseline].flatMap((policy) => policy[direction].flatMap((rule) => rule.peers.map(clusterPeerFilter))),
  ];
  return filters.filter((f) => f !== 'every' && f !== 'none');
}
