import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { formatConnlistTxt } from '../format/formatConnlistTxt';
import type { SourceFile } from '../model/types';
import { applyPolicyChanges } from './applyPolicyChanges';
import { planAllowFlow, type FlowEnd } from './planAllowFlow';

const deploy = (name: string, ns: string, labels: string, port: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {${labels}}}
  template:
    metadata: {labels: {${labels}}}
    spec: {containers: [{name: c, ports: [{containerPort: ${port}, name: http}]}]}
`;

const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;

const CLUSTER = [deploy('frontend', 'shop', 'app: frontend, tier: web', 8080), deploy('api', 'shop', 'app: api, tier: backend', 8080), deploy('db', 'shop', 'app: db, tier: backend', 5432), DENY].join('---\n');

function allow(files: SourceFile[], src: FlowEnd, dst: FlowEnd, port?: number, protocol: 'TCP' | 'UDP' = 'TCP') {
  const a = analyze(files);
  const plan = planAllowFlow(a, src, dst, port === undefined ? [] : [{ protocol, isProtocolDefaulted: false, port }]);
  const fileOf = (id: string) => a.model.workloads.find((w) => w.id === id)?.source?.file;
  return { plan, files: applyPolicyChanges(files, plan.changes, fileOf) };
}

const lines = (files: SourceFile[]) => formatConnlistTxt(analyze(files).connections).split('\n');
const W = (id: string) => ({ workload: id });

describe('planAllowFlow + applyPolicyChanges', () => {
  it('builds the three-tier app: exactly frontend→api TCP 8080 and api→db TCP 5432 into api and db', () => {
    const step1 = allow([{ name: 'app.yaml', text: CLUSTER }], W('shop/frontend[Deployment]'), W('shop/api[Deployment]'), 8080);
    expect(step1.plan.descriptions).toEqual(['Create shop/allow-frontend-to-api selecting api: allow frontend → api on TCP 8080.']);
    const step2 = allow(step1.files, W('shop/api[Deployment]'), W('shop/db[Deployment]'), 5432);
    const result = analyze(step2.files);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const into = (dst: string) => lines(step2.files).filter((l) => l.includes(` => ${dst} : `));
    expect(into('shop/api[Deployment]')).toEqual(['shop/frontend[Deployment] => shop/api[Deployment] : TCP 8080']);
    expect(into('shop/db[Deployment]')).toEqual(['shop/api[Deployment] => shop/db[Deployment] : TCP 5432']);
  });

  it('picks the fewest labels that single out a workload: app, not tier', () => {
    const { plan } = allow([{ name: 'app.yaml', text: CLUSTER }], W('shop/api[Deployment]'), W('shop/db[Deployment]'), 5432);
    expect(plan.changes[0]).toMatchObject({ kind: 'create', manifest: { spec: { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }] }] } } });
  });

  it('extends the policy that selects exactly the workload instead of creating another', () => {
    const first = allow([{ name: 'app.yaml', text: CLUSTER }], W('shop/frontend[Deployment]'), W('shop/api[Deployment]'), 8080);
    const second = allow(first.files, W('shop/db[Deployment]'), W('shop/api[Deployment]'), 9090);
    expect(second.plan.changes).toMatchObject([{ kind: 'add-rule', policy: 'shop/allow-frontend-to-api', direction: 'ingress' }]);
    expect(second.plan.descriptions[0]).toBe('Add ingress rule 2 to shop/allow-frontend-to-api: allow db → api on TCP 9090.');
    expect(lines(second.files)).toContain('shop/db[Deployment] => shop/api[Deployment] : TCP 9090');
    expect(analyze(second.files).model.policies).toHaveLength(2);
  });

  it('reaches across namespaces with namespaceSelector and podSelector in one peer', () => {
    const files = [{ name: 'app.yaml', text: CLUSTER }, { name: 'mon.yaml', text: deploy('prometheus', 'monitoring', 'app: prometheus', 9090) }];
    const { plan, files: after } = allow(files, W('monitoring/prometheus[Deployment]'), W('shop/api[Deployment]'), 8080);
    expect(plan.changes[0]).toMatchObject({ manifest: { spec: { ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } }] }] } } });
    expect(lines(after)).toContain('monitoring/prometheus[Deployment] => shop/api[Deployment] : TCP 8080');
    expect(after[1].text).toBe(files[1].text);
  });

  it('opens the egress side too when the source is egress-isolated, and only that when ingress is open', () => {
    const egressDeny = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-out, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Egress]}\n`;
    const files = [{ name: 'app.yaml', text: CLUSTER + egressDeny }];
    const { plan, files: after } = allow(files, W('shop/api[Deployment]'), { cidr: '203.0.113.0/24' }, 443);
    expect(plan.changes).toMatchObject([{ kind: 'create', policy: 'shop/allow-api-to-203-0-113-0-24-egress', manifest: { spec: { policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }] }] } } }]);
    expect(lines(after)).toContain('shop/api[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443');
  });

  it('changes nothing when the flow is already allowed', () => {
    const { plan } = allow([{ name: 'app.yaml', text: CLUSTER }], W('shop/api[Deployment]'), { cidr: '0.0.0.0/0' }, 53, 'UDP');
    expect(plan).toMatchObject({ isAlreadyAllowed: true, changes: [] });
  });

  it('plans between inferred workloads of a policies-only file: the selectors come from the inferred labels', () => {
    const policies = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-in, namespace: shop}
spec: {podSelector: {matchLabels: {app: db}}, ingress: [{from: [{podSelector: {matchExpressions: [{key: app, operator: In, values: [api, worker]}]}}], ports: [{port: 5432}]}]}
---
${DENY}`;
    const files = [{ name: 'policies.yaml', text: policies }];
    const a = analyze(files, { inferWorkloads: true });
    const plan = planAllowFlow({ ...a, inferWorkloads: true }, W('shop/api[Inferred]'), W('shop/any-pod[Inferred]'), [{ protocol: 'TCP', isProtocolDefaulted: false, port: 8080 }]);
    // any-pod stands for the pods of shop that carry no app label: the new policy selects exactly that, so db gains nothing.
    expect(plan.changes).toMatchObject([{ kind: 'create', manifest: { spec: { podSelector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }] }] } } }]);
    const after = analyze(applyPolicyChanges(files, plan.changes, () => undefined), { inferWorkloads: true });
    expect(after.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const txt = formatConnlistTxt(after.connections).split('\n');
    expect(txt).toContain('shop/api[Inferred] => shop/any-pod[Inferred] : TCP 8080');
    expect(txt).toContain('shop/api[Inferred] => shop/db[Inferred] : TCP 5432');
  });
});
