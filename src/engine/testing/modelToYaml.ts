import { policyToRaw } from '../generate/ruleToRaw';
import type { Model, SourceFile } from '../model/types';
import { dumpYaml } from '../yaml/dumpYaml';

/**
 * A model written as the files a person would open: declared namespaces with
 * their labels, every workload as a Pod (labels, container ports, `status.podIPs`,
 * `hostNetwork`) and every policy as written (defaulted fields left out), one file.
 */
export function modelToYaml(model: Model): SourceFile[] {
  const namespaces = model.namespaces
    .filter((ns) => ns.isDeclared)
    .map((ns) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: Object.fromEntries(Object.entries(ns.labels).filter(([k]) => k !== 'kubernetes.io/metadata.name')) } }));
  const pods = model.workloads.map((w) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: w.name, namespace: w.namespace, labels: { ...w.labels } },
    spec: {
      ...(w.hostNetwork ? { hostNetwork: true } : {}),
      containers: [{ name: 'c', ports: w.ports.map((p) => ({ ...(p.name !== undefined ? { name: p.name } : {}), containerPort: p.containerPort, protocol: p.protocol })) }],
    },
    ...(w.ips.length > 0 ? { status: { podIP: w.ips[0], podIPs: w.ips.map((ip) => ({ ip })) } } : {}),
  }));
  return [{ name: 'cluster.yaml', text: dumpYaml([...namespaces, ...pods, ...model.policies.map(policyToRaw)]) }];
}
