import { policyToRaw, selectorToRaw } from '../generate/ruleToRaw';
import type { ClusterPeer, ClusterPolicy, ClusterRule, Model, PolicyPort, SourceFile } from '../model/types';
import { dumpYaml } from '../yaml/dumpYaml';

function protocolToRaw(p: PolicyPort): Record<string, unknown> {
  if (typeof p.port === 'string') return { destinationNamedPort: p.port };
  const key = p.protocol.toLowerCase();
  const start = p.port ?? 1;
  const end = p.port === undefined ? 65535 : (p.endPort ?? p.port);
  return { [key]: { destinationPort: start === end ? { number: start } : { range: { start, end } } } };
}

function clusterPeerToRaw(peer: ClusterPeer): Record<string, unknown> {
  if (peer.kind === 'namespaces') return { namespaces: selectorToRaw(peer.namespaceSelector) };
  if (peer.kind === 'pods') return { pods: { namespaceSelector: selectorToRaw(peer.namespaceSelector), podSelector: selectorToRaw(peer.podSelector) } };
  if (peer.kind === 'networks') return { networks: peer.cidrs };
  return { [peer.field]: peer.field === 'nodes' ? { matchLabels: { role: 'worker' } } : ['example.com'] };
}

function clusterRuleToRaw(rule: ClusterRule, peersKey: 'from' | 'to'): Record<string, unknown> {
  return { name: rule.name, action: rule.action, [peersKey]: rule.peers.map(clusterPeerToRaw), ...(rule.ports ? { protocols: rule.ports.map(protocolToRaw) } : {}) };
}

/** A ClusterNetworkPolicy (v1alpha2) as written. */
function clusterPolicyToRaw(p: ClusterPolicy): Record<string, unknown> {
  const spec = { tier: p.tier, priority: p.priority, subject: clusterPeerToRaw(p.subject), ingress: p.ingress.map((r) => clusterRuleToRaw(r, 'from')), egress: p.egress.map((r) => clusterRuleToRaw(r, 'to')) };
  return { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: p.name }, spec };
}

/**
 * A model written as the files a person would open: declared namespaces with
 * their labels, every workload as a Pod (labels, container ports, `status.podIPs`,
 * `hostNetwork`), every policy as written (defaulted fields left out) and every
 * cluster policy as a ClusterNetworkPolicy, one file.
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
  return [{ name: 'cluster.yaml', text: dumpYaml([...namespaces, ...pods, ...model.policies.map(policyToRaw), ...model.clusterPolicies.map(clusterPolicyToRaw)]) }];
}
