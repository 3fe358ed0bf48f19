import { finding, type Finding } from './finding';
import { portNameErrors } from './portNameErrors';
import { portNumberErrors } from './portNumberErrors';
import { quoteValue } from './quoteValue';

/** The `port`/`endPort` of a NetworkPolicy port as written (a string port is a named port). */
export interface RawPolicyPort {
  port?: number | string;
  endPort?: number;
}

/**
 * Checks a NetworkPolicy port like `ValidateNetworkPolicyPort`: a numeric port
 * is in 1..65535, a named port is an IANA_SVC_NAME, and `endPort` needs a
 * numeric `port`, is `>= port` and in range.
 */
export function validatePolicyPort(raw: RawPolicyPort, path: string): Finding[] {
  const findings: Finding[] = [];
  const { port, endPort } = raw;
  if (typeof port === 'string') {
    const errors = portNameErrors(port);
    if (errors.length > 0) findings.push(finding(`${path}.port`, 'port-name', `${quoteValue(port)} is not a valid port name: ${errors.join('; ')}`));
    if (endPort !== undefined) findings.push(finding(`${path}.endPort`, 'end-port-named-port', `endPort ${endPort} may not be used with the named port ${quoteValue(port)}: a range needs a numeric port`));
    return findings;
  }
  if (port === undefined) {
    if (endPort !== undefined) findings.push(finding(`${path}.endPort`, 'end-port-without-port', `endPort ${endPort} may not be used without port`));
    return findings;
  }
  const errors = portNumberErrors(port);
  if (errors.length > 0) findings.push(finding(`${path}.port`, 'port-number', `${port} is not a valid port: ${errors.join('; ')}`));
  if (endPort !== undefined) {
    if (endPort < port) findings.push(finding(`${path}.endPort`, 'end-port-below-port', `endPort ${endPort} must be greater than or equal to port ${port}`));
    const endErrors = portNumberErrors(endPort);
    if (endErrors.length > 0) findings.push(finding(`${path}.endPort`, 'end-port-number', `${endPort} is not a valid endPort: ${endErrors.join('; ')}`));
  }
  return findings;
}
