import type { CompiledClusterRule } from './compileClusterTiers';
import { ALL_CONNS, NO_CONNS, intersectConns, isEmptyConns, subtractConns, unionConns, type ConnSet } from './connSet';

/** What one tier decided for one side of a connection: the connections its rules accepted, denied and passed on. */
export interface TierVerdict {
  accepted: ConnSet;
  denied: ConnSet;
  passed: ConnSet;
}

/** A tier that decided nothing. */
export const NO_VERDICT: TierVerdict = { accepted: NO_CONNS, denied: NO_CONNS, passed: NO_CONNS };

/**
 * Walks a tier's rules for one side in order: each connection is decided by the first rule that matches the peer and
 * the port (Accept and Deny are final; Pass skips the rest of the tier); what no rule matches is left undecided.
 */
export function tierVerdict(rules: readonly CompiledClusterRule[], admits: (r: CompiledClusterRule) => boolean, dest: number): TierVerdict {
  if (rules.length === 0) return NO_VERDICT;
  let accepted = NO_CONNS;
  let denied = NO_CONNS;
  let passed = NO_CONNS;
  let decided = NO_CONNS;
  for (const r of rules) {
    if (!admits(r)) continue;
    const conns = subtractConns(r.connsTo(dest), decided);
    if (isEmptyConns(conns)) continue;
    if (r.action === 'Accept') accepted = unionConns(accepted, conns);
    else if (r.action === 'Deny') denied = unionConns(denied, conns);
    else passed = unionConns(passed, conns);
    decided = unionConns(decided, conns);
    if (decided === ALL_CONNS) break;
  }
  return accepted === NO_CONNS && denied === NO_CONNS && passed === NO_CONNS ? NO_VERDICT : { accepted, denied, passed };
}

/**
 * What one side allows across the tiers: the Admin tier's Accepts, then for what it leaves undecided or passes, the
 * NetworkPolicy tier when NetworkPolicies isolate the side (`np`: what they allow; undefined when none select it),
 * otherwise the Baseline tier, whose Accepts and undecided connections fall to the default allow.
 */
export function tieredSide(np: ConnSet | undefined, admin: TierVerdict, baseline: TierVerdict): ConnSet {
  const belowAdmin = subtractConns(subtractConns(ALL_CONNS, admin.accepted), admin.denied);
  const lower = np ?? subtractConns(ALL_CONNS, baseline.denied);
  return unionConns(admin.accepted, intersectConns(belowAdmin, lower));
}
