import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { manifest, type PodParts } from '../testing/manifest';
import { lintModel } from './lintModel';

const HTTP = { ports: '{containerPort: 8080, name: http}' };
const pod = (name: string, namespace: string, labels: string, parts: PodParts = HTTP) => manifest.pod(name, namespace, labels, parts);
const { networkPolicy: np, namespace: ns } = manifest;

const BASE = [ns('web', 'team: web'), ns('core', 'team: core'), pod('frontend', 'web', 'app: frontend'), pod('api', 'core', 'app: api'), pod('coredns', 'kube-system', 'k8s-app: kube-dns', { ports: '{containerPort: 53, protocol: UDP}, {containerPort: 53}' })];

function codes(docs: string[]): string[] {
  const a = analyze([{ name: 'x.yaml', text: [...BASE, ...docs].join('---\n') }]);
  expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return lintModel(a.model, a.evaluation).map((l) => l.code);
}

/** For each lint: a workspace where it fires and, where something can be added to cover the case, that addition (the others are covered below). */
const TABLE: { code: string; fires: string[]; covered: string[]; because?: string }[] = [
  { code: 'dns-blocked', fires: [np('deny', 'web', '{podSelector: {}, policyTypes: [Egress]}')], covered: [np('dns', 'web', '{podSelector: {}, egress: [{ports: [{port: 53, protocol: UDP}, {port: 53}]}]}')], because: 'another policy allows DNS' },
  { code: 'policy-selects-nothing', fires: [np('p', 'web', '{podSelector: {matchLabels: {app: later}}}')], covered: [pod('later', 'web', 'app: later')], because: 'a workload it selects is added' },
  { code: 'namespace-selector-matches-nothing', fires: [np('p', 'core', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}}]}]}')], covered: [ns('ops', 'team: ops')], because: 'the namespace is declared' },
  { code: 'peer-matches-nothing', fires: [np('p', 'core', '{podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: batch}}}]}]}')], covered: [pod('batch', 'core', 'app: batch')], because: 'a matching pod exists' },
  { code: 'joined-peer-matches-nothing', fires: [np('p', 'core', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: core}}, podSelector: {matchLabels: {app: frontend}}}]}]}')], covered: [pod('frontend', 'core', 'app: frontend')], because: 'the joined peer admits a pod' },
  { code: 'split-peer', fires: [np('p', 'core', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: web}}}, {podSelector: {matchLabels: {app: frontend}}}]}]}')], covered: [pod('frontend-local', 'core', 'app: frontend')], because: 'the podSelector peer also matches pods of its own namespace' },
  { code: 'named-port-unresolved', fires: [np('p', 'core', '{podSelector: {}, ingress: [{ports: [{port: grpc}]}]}')], covered: [pod('api-v2', 'core', 'app: api', { ports: '{containerPort: 9000, name: grpc}' })], because: 'a selected workload declares the name' },
  { code: 'udp-port-without-protocol', fires: [pod('dns2', 'core', 'app: dns2', { ports: '{containerPort: 5353, protocol: UDP}' }), np('p', 'core', '{podSelector: {matchLabels: {app: dns2}}, ingress: [{ports: [{port: 5353}]}]}')], covered: [np('q', 'core', '{podSelector: {matchLabels: {app: dns2}}, ingress: [{ports: [{port: 5353, protocol: UDP}]}]}')], because: 'another policy allows the UDP port' },
  { code: 'no-default-deny', fires: [], covered: [np('deny', 'web', '{podSelector: {}}'), np('deny', 'core', '{podSelector: {}}'), np('deny', 'kube-system', '{podSelector: {}}')], because: 'every namespace gets a default-deny' },
  { code: 'open-rule-in-locked-namespace', fires: [np('deny', 'core', '{podSelector: {}, policyTypes: [Ingress]}'), np('open', 'core', '{podSelector: {}, ingress: [{}]}')], covered: [] },
  { code: 'host-network-selected', fires: [pod('agent', 'core', 'app: agent', { spec: 'hostNetwork: true' }), np('api-only', 'core', '{podSelector: {}}')], covered: [] },
  { code: 'ipblock-covers-pods', fires: [pod('db', 'core', 'app: db', { status: '{podIP: 10.0.0.5}' }), np('p', 'web', '{podSelector: {}, egress: [{to: [{ipBlock: {cidr: 10.0.0.0/24}}]}]}')], covered: [] },
  { code: 'policy-no-effect', fires: [np('wide', 'core', '{podSelector: {}, ingress: [{}]}'), np('narrow', 'core', '{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{namespaceSelector: {}}]}]}')], covered: [] },
  { code: 'rule-shadowed', fires: [np('p', 'core', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {}}]}, {from: [{namespaceSelector: {matchLabels: {team: web}}}]}]}')], covered: [] },
];

describe('every lint fires on its mistake and is silent once the case is covered', () => {
  it.each(TABLE.filter((row) => row.covered.length > 0))('$code is silent when $because', ({ code, fires, covered }) => {
    expect(codes(fires)).toContain(code);
    expect(codes([...fires, ...covered])).not.toContain(code);
  });

  it.each(TABLE)('$code fires on its mistake', ({ code, fires }) => {
    expect(codes(fires)).toContain(code);
  });
});

describe('lints that another policy could make untrue stay silent then', () => {
  it('open-rule-in-locked-namespace is silent when the namespace has no default-deny', () => {
    expect(codes([np('open', 'core', '{podSelector: {}, ingress: [{}]}')])).not.toContain('open-rule-in-locked-namespace');
  });

  it('host-network-selected is silent when no policy selects the hostNetwork pod', () => {
    expect(codes([pod('agent', 'core', 'app: agent', { spec: 'hostNetwork: true' }), np('api-only', 'core', '{podSelector: {matchLabels: {app: api}}}')])).not.toContain('host-network-selected');
  });

  it('ipblock-covers-pods is silent when an except carves the pod IPs out', () => {
    expect(codes([pod('db', 'core', 'app: db', { status: '{podIP: 10.0.0.5}' }), np('p', 'web', '{podSelector: {}, egress: [{to: [{ipBlock: {cidr: 10.0.0.0/24, except: [10.0.0.0/29]}}]}]}')])).not.toContain('ipblock-covers-pods');
  });

  it('policy-no-effect and rule-shadowed are silent when nothing else allows the same', () => {
    const c = codes([np('narrow', 'core', '{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{namespaceSelector: {}}]}]}')]);
    expect(c).not.toContain('policy-no-effect');
    expect(c).not.toContain('rule-shadowed');
  });
});
