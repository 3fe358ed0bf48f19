import type { LabelSelector, NetworkPolicy, Peer, PolicyPort, Rule } from '../model/types';

/** A label selector as YAML would hold it, empty parts left out. */
export function selectorToRaw(s: LabelSelector): Record<string, unknown> {
  return {
    ...(Object.keys(s.matchLabels).length > 0 ? { matchLabels: { ...s.matchLabels } } : {}),
    ...(s.matchExpressions.length > 0
      ? { matchExpressions: s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values.length > 0 ? { values: [...e.values] } : {}) })) }
      : {}),
  };
}

/** A peer as YAML would hold it. */
export function peerToRaw(p: Peer): Record<string, unknown> {
  if (p.kind === 'ipBlock') return { ipBlock: { cidr: p.cidr, ...(p.except.length > 0 ? { except: [...p.except] } : {}) } };
  return {
    ...(p.namespaceSelector ? { namespaceSelector: selectorToRaw(p.namespaceSelector) } : {}),
    ...(p.podSelector ? { podSelector: selectorToRaw(p.podSelector) } : {}),
  };
}

/** A port entry as YAML would hold it; a defaulted protocol stays unwritten. */
export function portToRaw(p: PolicyPort): Record<string, unknown> {
  return {
    ...(p.isProtocolDefaulted ? {} : { protocol: p.protocol }),
    ...(p.port !== undefined ? { port: p.port } : {}),
    ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
  };
}

/** An ingress or egress rule as YAML would hold it, with `from` or `to` by direction. */
export function ruleToRaw(rule: Rule, direction: 'ingress' | 'egress'): Record<string, unknown> {
  return {
    ...(rule.peers.length > 0 ? { [direction === 'ingress' ? 'from' : 'to']: rule.peers.map(peerToRaw) } : {}),
    ...(rule.ports.length > 0 ? { ports: rule.ports.map(portToRaw) } : {}),
  };
}

/** A NetworkPolicy as YAML would hold it; `policyTypes` written only when it was (so defaulting stays as it was). */
export function policyToRaw(p: NetworkPolicy): Record<string, unknown> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: p.name, namespace: p.namespace },
    spec: {
      podSelector: selectorToRaw(p.podSelector),
      ...(p.isPolicyTypesDefaulted ? {} : { policyTypes: [...p.policyTypes] }),
      ...(p.ingress.length > 0 ? { ingress: p.ingress.map((r) => ruleToRaw(r, 'ingress')) } : {}),
      ...(p.egress.length > 0 ? { egress: p.egress.map((r) => ruleToRaw(r, 'egress')) } : {}),
    },
  };
}
