import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { explainConnection, type ExplainQuery } from './explainConnection';

const YAML = `apiVersion: v1
kind: Namespace
metadata: {name: web, labels: {team: web}}
---
apiVersion: v1
kind: Namespace
metadata: {name: core, labels: {team: core}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: web}
spec:
  template:
    metadata: {labels: {app: frontend}}
    spec: {containers: [{name: c}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: core}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: web}
spec:
  podSelector: {}
  policyTypes: [Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: frontend-out, namespace: web}
spec:
  podSelector: {matchLabels: {app: frontend}}
  egress:
  - to: [{namespaceSelector: {matchLabels: {team: core}}, podSelector: {matchLabels: {app: api}}}]
    ports: [{port: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in, namespace: core}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: frontend}}}]
    ports: [{port: http}]
  - from: [{namespaceSelector: {matchLabels: {team: web}}}]
    ports: [{port: grpc}]
  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
`;

const { evaluation } = analyze([{ name: 'x.yaml', text: YAML }]);
const FRONTEND = { workload: 'web/frontend[Deployment]' };
const API = { workload: 'core/api[Deployment]' };
const explain = (q: Partial<ExplainQuery>) => explainConnection(evaluation.compiled, { src: FRONTEND, dst: API, protocol: 'TCP', port: 8080, ...q });

describe('explainConnection', () => {
  it('names the isolating policies of each side and the rule that allows', () => {
    const e = explain({});
    expect(e.isAllowed).toBe(false);
    expect(e.egress.isIsolated).toBe(true);
    expect(e.egress.isolatingPolicies).toEqual(['web/deny-all', 'web/frontend-out']);
    expect(e.egress.rules.filter((r) => r.isAllowing).map((r) => [r.policy, r.ruleIndex])).toEqual([['web/frontend-out', 0]]);
    expect(e.egress.isAllowed).toBe(true);
    expect(e.ingress.isolatingPolicies).toEqual(['core/api-in']);
    expect(e.ingress.isAllowed).toBe(false);
  });

  it('shows the near miss: right port, but a podSelector-only peer looks in the policy namespace', () => {
    const rule0 = explain({}).ingress.rules[0];
    expect(rule0).toMatchObject({ isPortMatch: true, isPeerMatch: false, isAllowing: false });
    expect(rule0.ports[0]).toMatchObject({ isMatch: true, resolvedPort: 8080 });
    expect(rule0.peers[0].reason).toBe('namespace-differs');
  });

  it('shows the near miss: right peer, but a named port that does not resolve on the destination', () => {
    const rule1 = explain({}).ingress.rules[1];
    expect(rule1).toMatchObject({ isPeerMatch: true, isPortMatch: false });
    expect(rule1.ports[0].reason).toBe('named-port-unresolved');
  });

  it('judges a wrong protocol and a wrong port apart', () => {
    expect(explain({ protocol: 'UDP' }).egress.rules[0].ports[0].reason).toBe('protocol-differs');
    expect(explain({ port: 9090 }).egress.rules[0].ports[0].reason).toBe('port-differs');
    expect(explain({ port: 9090 }).egress.isAllowed).toBe(false);
  });

  it('explains an external address: allowed inside the cidr, refused in its except', () => {
    const inside = explain({ src: { ip: '10.2.3.4' } });
    expect(inside.isAllowed).toBe(true);
    expect(inside.egress).toMatchObject({ isIsolated: false, isAllowed: true });
    expect(inside.egress.workload).toBeUndefined();
    expect(inside.ingress.rules[2].isAllowing).toBe(true);
    const excepted = explain({ src: { ip: '10.1.0.9' } });
    expect(excepted.isAllowed).toBe(false);
    expect(excepted.ingress.rules[2].peers[0].reason).toBe('address-excepted');
    expect(explain({ src: { ip: '192.168.0.1' } }).ingress.rules[2].peers[0].reason).toBe('address-outside');
  });

  it('says a side that no policy selects allows everything, and a defaulted policyTypes isolates ingress too', () => {
    const e = explain({ src: API, dst: FRONTEND, port: 22 });
    expect(e.egress).toMatchObject({ isIsolated: false, isolatingPolicies: [], rules: [], isAllowed: true });
    expect(e.ingress).toMatchObject({ isIsolated: true, isolatingPolicies: ['web/frontend-out'], rules: [], isAllowed: false });
    expect(e.isAllowed).toBe(false);
  });
});
