import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The NetworkPolicy tiers of the netpol-analyzer corpus (the `anp/` tier belongs to the cluster-scoped layer). */
export const NETPOL_TIERS = ['cases', 'exposure-derived/cases', 'ingress-filtered/cases'] as const;

/** The netpol-analyzer conformance corpus: `$CONFORMANCE_DIR`, else `../shared/...` beside the project; undefined when absent. */
export function conformanceDir(): string | undefined {
  const candidates = [process.env.CONFORMANCE_DIR, resolve(process.cwd(), '../shared/conformance/netpol-analyzer')];
  return candidates.find((d): d is string => d !== undefined && d !== '' && existsSync(resolve(d, 'cases')));
}
