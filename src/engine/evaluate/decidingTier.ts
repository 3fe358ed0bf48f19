import type { CompiledClusterRule } from './compileClusterTiers';
import type { CompiledModel, Direction } from './compileModel';
import { NO_CONNS, intersectConns, isEmptyConns, unionConns, type ConnSet } from './connSet';
import { NO_VERDICT, tierVerdict, type TierVerdict } from './tieredSide';

/**
 * The tier that decided a flow, as the canvas' tier view names it: an Admin rule that accepted some of its allowed
 * connections, NetworkPolicies isolating one of its sides, Baseline rules that had a say, nothing at all (`open`), or,
 * for a flow with nothing allowed, an Admin rule that denied it.
 */
export type DecidingTier = 'admin-accept' | 'admin-deny' | 'np' | 'baseline' | 'open';

/** Tiers from the most to the least decisive, for aggregating several flows into one edge. */
export const TIER_RANK: readonly DecidingTier[] = ['admin-deny', 'admin-accept', 'np', 'baseline', 'open'];

/** What the tiers say on one side of a flow: the Admin and Baseline verdicts and whether NetworkPolicies isolate it. */
export interface SideTiers {
  admin: TierVerdict;
  baseline: TierVerdict;
  isIsolated: boolean;
}

/**
 * What the tiers of side `direction` of workload `self` say about the remote that `admits` recognises (a workload by
 * its mask, an address piece by its ranges), for connections toward workload `dest` (-1: toward an address).
 */
export function sideTiers(compiled: CompiledModel, direction: Direction, self: number, admits: (r: CompiledClusterRule) => boolean, dest: number): SideTiers {
  const c = compiled.workloadClass[self];
  const tiers = compiled.clusterTiers;
  const isIsolated = (direction === 'ingress' ? compiled.ingressPolicies : compiled.egressPolicies)[self].length > 0;
  if (!tiers) return { admin: NO_VERDICT, baseline: NO_VERDICT, isIsolated };
  return { admin: tierVerdict(tiers.admin[direction][c], admits, dest), baseline: tierVerdict(tiers.baseline[direction][c], admits, dest), isIsolated };
}

/** The connections an Admin Deny decided on any of the sides. */
export function adminDenied(sides: readonly SideTiers[]): ConnSet {
  return sides.reduce((out, side) => unionConns(out, side.admin.denied), NO_CONNS);
}

/**
 * 1. Nothing allowed: `admin-deny` when an Admin Deny decided some connection, else undefined (no flow to name).
 * 2. An Admin Accept on either side covers some allowed connection: `admin-accept`.
 * 3. NetworkPolicies isolate either side: `np`.
 * 4. Baseline rules accepted or denied something on either side: `baseline`; otherwise `open`.
 */
export function decidingTier(sides: readonly SideTiers[], allowed: ConnSet): DecidingTier | undefined {
  if (isEmptyConns(allowed)) return isEmptyConns(adminDenied(sides)) ? undefined : 'admin-deny';
  if (sides.some((s) => !isEmptyConns(intersectConns(s.admin.accepted, allowed)))) return 'admin-accept';
  if (sides.some((s) => s.isIsolated)) return 'np';
  if (sides.some((s) => !isEmptyConns(s.baseline.accepted) || !isEmptyConns(s.baseline.denied))) return 'baseline';
  return 'open';
}
