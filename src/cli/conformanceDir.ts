import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The NetworkPolicy tiers of the netpol-analyzer corpus. */
export const NETPOL_TIERS = ['cases', 'exposure-derived/cases', 'ingress-filtered/cases'] as const;

/** The tiers of the corpus whose cases add AdminNetworkPolicy / BaselineAdminNetworkPolicy (v1alpha1). */
export const ANP_TIERS = ['anp/cases', 'exposure-derived/anp/cases'] as const;

/** The netpol-analyzer conformance corpus: `$CONFORMANCE_DIR`, else `../shared/...` beside the project; undefined when absent. */
export function conformanceDir(): string | undefined {
  const candidates = [process.env.CONFORMANCE_DIR, resolve(process.cwd(), '../shared/conformance/netpol-analyzer')];
  return candidates.find((d): d is string => d !== undefined && d !== '' && existsSync(resolve(d, 'cases')));
}

/** {@link conformanceDir}, for the tests that check against the corpus: its absence fails them, saying where to put it, instead of skipping them. */
export function requireConformanceDir(): string {
  const dir = conformanceDir();
  if (dir === undefined) throw new Error('netpol-analyzer conformance corpus not found: set CONFORMANCE_DIR or place ../shared beside the project');
  return dir;
}
