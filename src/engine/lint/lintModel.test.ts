import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { applyPolicyChanges } from '../generate/applyPolicyChanges';
import { manifest } from '../testing/manifest';
import { lintModel } from './lintModel';

const pod = (name: string, namespace: string, labels: string) => manifest.pod(name, namespace, labels, { ports: '{containerPort: 8080, name: http}' });
const np = manifest.networkPolicy;
const BASE = [
  manifest.namespace('web', 'team: web'),
  manifest.namespace('core', 'team: core'),
  pod('frontend', 'web', 'app: frontend'),
  pod('api', 'core', 'app: api'),
  manifest.pod('coredns', 'kube-system', 'k8s-app: kube-dns', { ports: '{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}' }),
];

function lints(...docs: string[]) {
  const a = analyze([{ name: 'x.yaml', text: [...BASE, ...docs].join('---\n') }]);
  expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return lintModel(a.model, a.evaluation);
}
const codes = (...docs: string[]) => lints(...docs).map((l) => l.code);
const DENY_EGRESS = np('deny-out', 'web', '{podSelector: {}, policyTypes: [Egress]}');
const DENY_IN = np('deny-in', 'core', '{podSelector: {}, policyTypes: [Ingress]}');

describe('lintModel', () => {
  it('dns-blocked: an egress-isolated workload with no DNS egress, with a one-click fix', () => {
    const found = lints(DENY_EGRESS).find((l) => l.code === 'dns-blocked');
    expect(found?.objects).toEqual(['web/frontend[Pod]']);
    expect(found?.fix?.changes[0]).toMatchObject({ kind: 'create', policy: 'web/allow-dns-egress' });
  });

  it('dns-blocked is silent when another policy allows DNS (the union counts)', () => {
    const dns = np('dns', 'web', '{podSelector: {}, egress: [{to: [{namespaceSelector: {}}], ports: [{port: 53, protocol: UDP}, {port: 53}]}]}');
    expect(codes(DENY_EGRESS, dns)).not.toContain('dns-blocked');
  });

  it('policy-selects-nothing and peer-matches-nothing', () => {
    const c = codes(np('ghost', 'web', '{podSelector: {matchLabels: {app: ghost}}}'), np('p', 'core', '{podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: nobody}}}]}]}'));
    expect(c).toContain('policy-selects-nothing');
    expect(c).toContain('peer-matches-nothing');
  });

  it('namespace-selector-matches-nothing', () => {
    expect(codes(np('p', 'core', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: nope}}}]}]}'))).toContain('namespace-selector-matches-nothing');
  });

  it('split-peer: a namespaceSelector peer beside a podSelector peer that only makes sense joined', () => {
    const found = lints(np('api-in', 'core', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: web}}}, {podSelector: {matchLabels: {app: frontend}}}]}]}')).find((l) => l.code === 'split-peer');
    expect(found?.message).toContain('peers 1 and 2 are two peers (ORed)');
  });

  it('split-peer: its fix joins the two peers under one dash', () => {
    const text = [...BASE, np('api-in', 'core', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: web}}}, {podSelector: {matchLabels: {app: frontend}}}], ports: [{port: 8080}]}]}')].join('---\n');
    const a = analyze([{ name: 'x.yaml', text }]);
    const fix = lintModel(a.model, a.evaluation).find((l) => l.code === 'split-peer')?.fix;
    const after = analyze(applyPolicyChanges([{ name: 'x.yaml', text }], fix?.changes ?? [], () => 'x.yaml'));
    expect(after.model.policies.find((p) => p.id === 'core/api-in')?.ingress[0].peers).toEqual([
      { kind: 'selector', namespaceSelector: { matchLabels: { team: 'web' }, matchExpressions: [] }, podSelector: { matchLabels: { app: 'frontend' }, matchExpressions: [] } },
    ]);
    expect(lintModel(after.model, after.evaluation).map((l) => l.code)).not.toContain('split-peer');
  });

  it('joined-peer-matches-nothing: the reverse mistake', () => {
    expect(codes(np('api-in', 'core', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: core}}, podSelector: {matchLabels: {app: frontend}}}]}]}'))).toContain('joined-peer-matches-nothing');
  });

  it('named-port-unresolved: a named port no reachable workload declares', () => {
    expect(codes(np('p', 'core', '{podSelector: {}, ingress: [{ports: [{port: grpc}]}]}'))).toContain('named-port-unresolved');
    expect(codes(np('p', 'core', '{podSelector: {}, ingress: [{ports: [{port: http}]}]}'))).not.toContain('named-port-unresolved');
  });

  it('udp-port-without-protocol: a port without protocol on a UDP-only server, silent when another policy allows the UDP port', () => {
    const dnsOnlyUdp = manifest.pod('dns2', 'core', 'app: dns2', { ports: '{containerPort: 5353, protocol: UDP}' });
    const tcpOnly = np('p', 'core', '{podSelector: {matchLabels: {app: dns2}}, ingress: [{ports: [{port: 5353}]}]}');
    expect(codes(dnsOnlyUdp, tcpOnly)).toContain('udp-port-without-protocol');
    const udpToo = np('q', 'core', '{podSelector: {matchLabels: {app: dns2}}, ingress: [{ports: [{port: 5353, protocol: UDP}]}]}');
    expect(codes(dnsOnlyUdp, tcpOnly, udpToo)).not.toContain('udp-port-without-protocol');
  });

  it('no-default-deny is silent once every workload of the namespace is isolated by some policy', () => {
    expect(lints().filter((l) => l.code === 'no-default-deny').map((l) => l.objects[0])).toEqual(['ns:web', 'ns:core', 'ns:kube-system']);
    const byName = np('api-only', 'core', '{podSelector: {matchLabels: {app: api}}}');
    expect(lints(byName).filter((l) => l.code === 'no-default-deny').map((l) => l.objects[0])).not.toContain('ns:core');
  });

  it('open-rule-in-locked-namespace: an empty from in a namespace with a default-deny', () => {
    expect(codes(DENY_IN, np('open', 'core', '{podSelector: {}, ingress: [{}]}'))).toContain('open-rule-in-locked-namespace');
    expect(codes(np('open', 'core', '{podSelector: {}, ingress: [{}]}'))).not.toContain('open-rule-in-locked-namespace');
  });

  it('host-network-selected and ipblock-covers-pods', () => {
    const host = manifest.pod('agent', 'core', 'app: agent', { spec: 'hostNetwork: true', status: '{podIP: 10.0.0.5}' });
    const c = codes(host, DENY_IN, np('ext', 'web', '{podSelector: {}, egress: [{to: [{ipBlock: {cidr: 10.0.0.0/24}}]}]}'));
    expect(c).toContain('host-network-selected');
    expect(c).toContain('ipblock-covers-pods');
  });

  it('policy-no-effect and rule-shadowed, judged on the union', () => {
    const wide = np('wide', 'core', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {}}]}, {from: [{namespaceSelector: {matchLabels: {team: web}}}]}]}');
    const narrow = np('narrow', 'core', '{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: web}}}]}]}');
    const found = lints(wide, narrow);
    expect(found.filter((l) => l.code === 'policy-no-effect').map((l) => l.objects[0])).toEqual(['core/narrow']);
    expect(found.filter((l) => l.code === 'rule-shadowed').map((l) => l.message)).toEqual(['core/wide ingress rule 2 is shadowed: other ingress rules for the same workloads already allow everything it allows.']);
    expect(codes(wide.replace('{from: [{namespaceSelector: {}}]}, ', ''))).not.toContain('rule-shadowed');
  });
});
