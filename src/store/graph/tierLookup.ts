import { TIER_RANK, adminDenied, decidingTier, isEmptyConns, isInRanges, sideTiers, type ConnSet, type DecidingTier, type Evaluation } from '../../engine';

/** Which tier decided each flow the canvas draws, class pair by class pair and block by block. */
export interface TierLookup {
  /** The tier of the flow from class `a` to class `b` allowing `allowed`. */
  ofPair(a: number, b: number, allowed: ConnSet): DecidingTier | undefined;
  /** The tier of the flow between class `c` and an address block whose egress pieces lie in `spans` (from the block on `ingress`, to it on `egress`). */
  ofBlock(c: number, direction: 'ingress' | 'egress', spans: readonly number[], allowed: ConnSet): DecidingTier | undefined;
  /** Visits every class pair that nothing is allowed between and an Admin Deny decided, with what it denied. */
  visitAdminDenied(visit: (a: number, b: number, denied: ConnSet) => void): void;
}

/** The more decisive of two tiers. */
export function topTier(a: DecidingTier | undefined, b: DecidingTier | undefined): DecidingTier | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return TIER_RANK.indexOf(a) <= TIER_RANK.indexOf(b) ? a : b;
}

/** The tiers of an evaluation's flows, read from its compiled cluster tiers and NetworkPolicy isolation. */
export function tierLookup(evaluation: Evaluation): TierLookup {
  const { compiled, pairColumns } = evaluation;
  const { classMembers } = compiled;
  const rep = (c: number) => classMembers[c][0];
  const pairSides = (a: number, b: number) => {
    const [s, d] = [rep(a), rep(b)];
    return [sideTiers(compiled, 'egress', s, (r) => r.podMask[d] === 1, d), sideTiers(compiled, 'ingress', d, (r) => r.podMask[s] === 1, d)];
  };
  return {
    ofPair: (a, b, allowed) => decidingTier(pairSides(a, b), allowed),
    ofBlock(c, direction, spans, allowed) {
      // Cluster rules name addresses only in egress `networks`; a block's egress pieces never straddle one.
      if (direction === 'ingress') return decidingTier([sideTiers(compiled, direction, rep(c), () => false, -1)], allowed);
      let tier: DecidingTier | undefined;
      for (let i = 0; i < spans.length; i += 2) {
        for (let k = spans[i]; k < spans[i + 1]; k++) {
          const range = evaluation.egressExternals[k].range;
          tier = topTier(tier, decidingTier([sideTiers(compiled, 'egress', rep(c), (r) => isInRanges(range, r.ipRanges), -1)], allowed));
        }
      }
      return tier;
    },
    visitAdminDenied(visit) {
      const tiers = compiled.clusterTiers;
      if (!tiers) return;
      const hasDeny = (rules: readonly { action: string }[]) => rules.some((r) => r.action === 'Deny');
      const allowedPairs = new Set<number>();
      const classes = classMembers.length;
      pairColumns.forEach((column, b) => column.sources.forEach((a) => allowedPairs.add(a * classes + b)));
      for (let a = 0; a < classes; a++) {
        const denyOut = hasDeny(tiers.admin.egress[a]);
        for (let b = 0; b < classes; b++) {
          if (!denyOut && !hasDeny(tiers.admin.ingress[b])) continue;
          if (allowedPairs.has(a * classes + b)) continue;
          const denied = adminDenied(pairSides(a, b));
          if (!isEmptyConns(denied)) visit(a, b, denied);
        }
      }
    },
  };
}
