import { finding, type Finding } from './finding';
import { portNameErrors } from './portNameErrors';
import { portNumberErrors } from './portNumberErrors';
import { quoteValue } from './quoteValue';

/** A container port as written; `undefined` marks an entry decode could not read. */
export interface RawContainerPort {
  name?: string;
  containerPort: number;
}

/**
 * Checks one container's `ports` like `validateContainerPorts`: every
 * `containerPort` is in 1..65535 and every name is an IANA_SVC_NAME, unique
 * within the container.
 */
export function validateContainerPorts(ports: readonly (RawContainerPort | undefined)[], path: string): Finding[] {
  const findings: Finding[] = [];
  const names = new Map<string, number>();
  ports.forEach((port, i) => {
    if (!port) return;
    const portPath = `${path}[${i}]`;
    if (port.name !== undefined && port.name !== '') {
      const errors = portNameErrors(port.name);
      const first = names.get(port.name);
      if (errors.length > 0) {
        findings.push(finding(`${portPath}.name`, 'container-port-name', `${quoteValue(port.name)} is not a valid port name: ${errors.join('; ')}`));
      } else if (first !== undefined) {
        findings.push(finding(`${portPath}.name`, 'container-port-name-duplicate', `port name ${quoteValue(port.name)} is already used by ${path}[${first}]`));
      } else {
        names.set(port.name, i);
      }
    }
    const errors = portNumberErrors(port.containerPort);
    if (errors.length > 0) findings.push(finding(`${portPath}.containerPort`, 'container-port-number', `${port.containerPort} is not a valid port: ${errors.join('; ')}`));
  });
  return findings;
}
