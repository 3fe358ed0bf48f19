import { describe, expect, it } from 'vitest';
import { analyze, explainConnection, type ExplainQuery } from '../../engine';
import { describeExplanation, type ExplainSentence } from './describeExplanation';

const YAML = `apiVersion: v1
kind: Namespace
metadata: {name: web, labels: {team: web}}
---
apiVersion: v1
kind: Namespace
metadata: {name: core, labels: {team: core}}
---
apiVersion: v1
kind: Pod
metadata: {name: frontend, namespace: web, labels: {app: frontend}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: core, labels: {app: api}}
spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: web}
spec: {podSelector: {}, policyTypes: [Egress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: frontend-out, namespace: web}
spec:
  podSelector: {matchLabels: {app: frontend}}
  policyTypes: [Egress]
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
`;

const { model, evaluation } = analyze([{ name: 'x.yaml', text: YAML }]);
const text = (s: ExplainSentence) => s.parts.map((p) => p.text).join('');
const explain = (q: Partial<ExplainQuery>) =>
  describeExplanation(explainConnection(evaluation.compiled, { src: { workload: 'web/frontend[Pod]' }, dst: { workload: 'core/api[Pod]' }, protocol: 'TCP', port: 8080, ...q }), model);

describe('describeExplanation', () => {
  it('says which policies isolate a side and which rule allows, with links to them', () => {
    const [egress] = explain({});
    expect(text(egress)).toBe('Egress from frontend: isolated by web/deny-all, web/frontend-out; allowed by web/frontend-out egress rule 1 (to pods app=api in namespaces team=core, TCP 8080).');
    expect(egress.parts).toContainEqual({ policy: 'web/frontend-out', rule: { direction: 'egress', index: 0 }, text: 'web/frontend-out egress rule 1' });
  });

  it('for a denied side names the nearest rule and why it missed', () => {
    const [, ingress] = explain({});
    expect(ingress.isAllowed).toBe(false);
    expect(text(ingress)).toBe('Ingress to api: isolated by core/api-in; no rule allows it. Nearest: core/api-in ingress rule 1 (from pods app=frontend in namespace core, TCP http) — right port, but the peer looks in other namespaces.');
  });

  it('says a side with no policy is not isolated, and an external address is not governed', () => {
    const [egress, ingress] = explain({ src: { ip: '203.0.113.9' }, dst: { workload: 'web/frontend[Pod]' } });
    expect(text(egress)).toBe('Egress from 203.0.113.9: an address outside the cluster; no policy governs it.');
    expect(text(ingress)).toBe('Ingress to frontend: not isolated — no policy with Ingress selects it, so everything is allowed.');
  });
});
