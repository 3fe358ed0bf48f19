import { finding, type Finding } from './finding';

/** Checks `spec.policyTypes` lists at most two entries, as `ValidateNetworkPolicySpec` does (values are checked by decode). */
export function validatePolicyTypes(policyTypes: readonly unknown[], path: string): Finding[] {
  if (policyTypes.length <= 2) return [];
  return [finding(path, 'policy-types-count', `may not list more than two policyTypes (Ingress and Egress), got ${policyTypes.length}`)];
}
