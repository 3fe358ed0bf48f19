import { dns1123LabelErrors, dns1123SubdomainErrors } from './dns1123Errors';
import { finding, type Finding } from './finding';
import { quoteValue } from './quoteValue';

/** A Job created by a CronJob is named `<cronjob>-<11 characters>`, which must fit a 63-character label. */
const CRONJOB_NAME_MAX = 52;

const ANALYSED_ANYWAY = 'the API server would reject it; it is analysed anyway because names do not change what policies allow';

function nameErrors(kind: string, name: string): string[] {
  if (kind === 'Namespace') return dns1123LabelErrors(name);
  const errors = dns1123SubdomainErrors(name);
  if (kind === 'CronJob' && name.length > CRONJOB_NAME_MAX) errors.push(`must be no more than ${CRONJOB_NAME_MAX} characters`);
  return errors;
}

/**
 * Checks `metadata.name` (a DNS-1123 label for a Namespace, a DNS-1123
 * subdomain for NetworkPolicies and workloads) and `metadata.namespace` (a
 * DNS-1123 label) as warnings, since semantics §9 does not reject on name
 * syntax and the netpol-analyzer corpus uses names such as `use_common_labels`.
 */
export function validateName(kind: string, name: string, namespace?: string): Finding[] {
  const findings: Finding[] = [];
  const errors = name === '' ? [] : nameErrors(kind, name);
  if (errors.length > 0) {
    findings.push(finding('metadata.name', 'metadata-name', `${quoteValue(name)} is not a valid ${kind} name (${ANALYSED_ANYWAY}): ${errors.join('; ')}`, { severity: 'warning' }));
  }
  const nsErrors = namespace === undefined || namespace === '' ? [] : dns1123LabelErrors(namespace);
  if (nsErrors.length > 0) {
    findings.push(finding('metadata.namespace', 'metadata-namespace', `${quoteValue(namespace)} is not a valid namespace name (${ANALYSED_ANYWAY}): ${nsErrors.join('; ')}`, { severity: 'warning' }));
  }
  return findings;
}
