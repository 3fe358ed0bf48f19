import type { Workload } from '../../engine';

/** A named container port to suggest for a policy port, with the workloads that declare it. */
export interface PortName {
  name: string;
  /** How it reads in the suggestion list, e.g. `TCP 8080 on shop/api`. */
  detail: string;
}

/** The distinct named container ports of `workloads`, sorted by name, each with its protocol, number and owners. */
export function workloadPortNames(workloads: readonly Workload[]): PortName[] {
  const byName = new Map<string, { ports: Set<string>; owners: string[] }>();
  for (const workload of workloads) {
    for (const port of workload.ports) {
      if (port.name === undefined) continue;
      const entry = byName.get(port.name) ?? { ports: new Set<string>(), owners: [] };
      entry.ports.add(`${port.protocol} ${port.containerPort}`);
      if (!entry.owners.includes(`${workload.namespace}/${workload.name}`)) entry.owners.push(`${workload.namespace}/${workload.name}`);
      byName.set(port.name, entry);
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, { ports, owners }]) => ({ name, detail: `${[...ports].join(', ')} on ${owners.join(', ')}` }));
}
