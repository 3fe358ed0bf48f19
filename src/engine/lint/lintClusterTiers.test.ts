import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { manifest } from '../testing/manifest';
import { lintModel } from './lintModel';

const PODS = [manifest.namespace('a', 'team: a'), manifest.pod('web', 'a', 'app: web', { ports: '{containerPort: 8080, name: http}' }), manifest.pod('db', 'a', 'app: db')];

function findings(...objects: string[]) {
  const a = analyze([{ name: 'c.yaml', text: [...PODS, ...objects].join('---\n') }]);
  expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return lintModel(a.model, a.evaluation).filter((l) => l.code.startsWith('cluster-'));
}

const cnp = (name: string, priority: number, ingress: string) => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: ${name}}
spec: {tier: Admin, priority: ${priority}, subject: {namespaces: {}}, ingress: [${ingress}]}
`;

describe('lintClusterTiers', () => {
  it('says an Admin Pass with no NetworkPolicy or Baseline rule below it falls to the default allow, and stays quiet once a NetworkPolicy isolates the pods', () => {
    const pass = cnp('hand-down', 10, '{name: to-teams, action: Pass, from: [{namespaces: {}}]}');
    expect(findings(pass).map((l) => l.message)).toEqual([
      'ClusterNetworkPolicy hand-down ingress rule 1 "to-teams" passes, but no NetworkPolicy or Baseline rule governs the ingress of the pods it applies to: the traffic falls to the default allow, as if accepted.',
    ]);
    expect(findings(pass, manifest.networkPolicy('deny', 'a', '{podSelector: {}, policyTypes: [Ingress]}'))).toEqual([]);
  });

  it('names a rule that earlier rules of its tier always decide first (per port), and not one that still decides a port', () => {
    const first = cnp('first', 10, '{name: accept-http, action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 8080}}}]}');
    const covered = cnp('second', 20, '{name: deny-http, action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}}], protocols: [{destinationNamedPort: http}]}');
    const wider = cnp('third', 30, '{name: deny-tcp, action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: 8000, end: 9000}}}}]}');
    const codes = findings(first, covered, wider).map((l) => `${l.code}: ${l.message.slice(0, l.message.indexOf(' never') > 0 ? l.message.indexOf(' never') : 40)}`);
    expect(codes).toEqual(['cluster-rule-shadowed: ClusterNetworkPolicy second ingress rule 1 "deny-http"']);
    expect(findings(first, covered, wider)[0].objects).toEqual(['ClusterNetworkPolicy second']);
  });

  it('suggests migrating v1alpha1 objects', () => {
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: old}
spec: {priority: 5, subject: {namespaces: {}}, ingress: [{name: deny, action: Deny, from: [{namespaces: {}}]}]}
`;
    expect(findings(anp).map((l) => [l.code, l.objects])).toEqual([['cluster-v1alpha1', ['AdminNetworkPolicy old']]]);
  });
});
