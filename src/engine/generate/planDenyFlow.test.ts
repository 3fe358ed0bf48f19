import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { formatConnlistTxt } from '../format/formatConnlistTxt';
import type { SourceFile } from '../model/types';
import { manifest } from '../testing/manifest';
import { applyPolicyChanges } from './applyPolicyChanges';
import type { FlowEnd } from './planAllowFlow';
import { planDenyFlow } from './planDenyFlow';

const pod = (name: string, namespace: string, labels: string) => manifest.pod(name, namespace, labels, { ports: '{containerPort: 8080}' });
const policy = manifest.networkPolicy;

const PODS = [pod('web', 'shop', 'app: web, tier: front'), pod('admin', 'shop', 'app: admin, tier: front'), pod('api', 'shop', 'app: api'), pod('scanner', 'ops', 'app: scanner')];

function deny(text: string, src: FlowEnd, dst: FlowEnd) {
  const files: SourceFile[] = [{ name: 'c.yaml', text }];
  const a = analyze(files);
  const plan = planDenyFlow(a, src, dst);
  const after = applyPolicyChanges(files, plan.changes, () => 'c.yaml');
  const errors = analyze(after).issues.filter((i) => i.severity === 'error');
  return { plan, before: formatConnlistTxt(a.connections).split('\n'), after: formatConnlistTxt(analyze(after).connections).split('\n'), errors };
}

const W = (id: string) => ({ workload: id });
const removed = (r: { before: string[]; after: string[] }) => r.before.filter((l) => !r.after.includes(l));

describe('planDenyFlow', () => {
  it('removes a peer that admits only the source, and the rule when it empties, in every policy that allows it', () => {
    const text = [
      ...PODS,
      policy('api-in', 'shop', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n  - from: [{podSelector: {matchLabels: {app: admin}}}]\n'),
      policy('api-in-too', 'shop', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: web}}}, {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}}]\n'),
    ].join('---\n');
    const r = deny(text, W('shop/web[Pod]'), W('shop/api[Pod]'));
    expect(r.plan.descriptions).toEqual(['Edit shop/api-in: ingress rule 1 removed (web was all it admitted).', 'Edit shop/api-in-too: ingress rule 1 no longer admits web.']);
    expect(r.plan.sideEffects).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(removed(r)).toEqual(['shop/web[Pod] => shop/api[Pod] : All Connections']);
  });

  it('narrows a podSelector that admits several pods with NotIn on the identifying label', () => {
    const text = [...PODS, policy('api-in', 'shop', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {tier: front}}}]\n    ports: [{port: 8080}]\n')].join('---\n');
    const r = deny(text, W('shop/web[Pod]'), W('shop/api[Pod]'));
    expect(r.plan.changes[0]).toMatchObject({ kind: 'replace-spec', spec: { ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'front' }, matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] } }], ports: [{ port: 8080 }] }] } });
    expect(removed(r)).toEqual(['shop/web[Pod] => shop/api[Pod] : TCP 8080']);
    expect(r.after).toContain('shop/admin[Pod] => shop/api[Pod] : TCP 8080');
  });

  it('turns an open rule (empty from) into every namespace, pod and address except the source', () => {
    const text = [...PODS, policy('api-in', 'shop', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - {}\n')].join('---\n');
    const r = deny(text, W('ops/scanner[Pod]'), W('shop/api[Pod]'));
    expect(r.errors).toEqual([]);
    expect(removed(r)).toEqual(['ops/scanner[Pod] => shop/api[Pod] : All Connections']);
  });

  it('adds an except for an external range inside an ipBlock', () => {
    const text = [...PODS, policy('api-in', 'shop', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8}}]\n')].join('---\n');
    const r = deny(text, { cidr: '10.1.0.0/16' }, W('shop/api[Pod]'));
    expect(r.plan.changes[0]).toMatchObject({ spec: { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }] } });
    expect(r.after).toContain('10.2.0.0-10.255.255.255[External] => shop/api[Pod] : All Connections');
    expect(r.after.some((l) => l.startsWith('10.1.0.0-10.1.255.255[External] => shop/api[Pod]'))).toBe(false);
  });

  it('isolates the destination and admits everyone else when no policy selects either side', () => {
    const r = deny(PODS.join('---\n'), W('shop/web[Pod]'), W('shop/api[Pod]'));
    expect(r.plan.descriptions).toEqual(['Create shop/deny-web-to-api: isolate api for ingress and admit every peer except web.']);
    expect(r.errors).toEqual([]);
    expect(removed(r)).toEqual(['shop/web[Pod] => shop/api[Pod] : All Connections']);
  });

  it('narrows the egress side when only the source is isolated, keeping the rule for the policy\'s other workloads', () => {
    const text = [...PODS, policy('out', 'shop', '  podSelector: {}\n  egress:\n  - to: [{namespaceSelector: {}}]\n')].join('---\n');
    const r = deny(text, W('shop/api[Pod]'), W('ops/scanner[Pod]'));
    expect(r.plan.changes[0]).toMatchObject({ kind: 'replace-spec', policy: 'shop/out', spec: { podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] } } });
    expect(r.plan.descriptions).toEqual([
      'Narrow the podSelector of shop/out so it no longer selects api; its other workloads keep its rules.',
      "Create shop/out-api selecting api: shop/out's rules, except egress rule 1 no longer admits scanner.",
    ]);
    expect(r.plan.sideEffects).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(removed(r), JSON.stringify(r.plan.changes)).toEqual(['shop/api[Pod] => ops/scanner[Pod] : All Connections']);
  });

  it('denies a flow between inferred workloads of a policies-only file', () => {
    const files: SourceFile[] = [{ name: 'c.yaml', text: policy('web-in', 'shop', '  podSelector: {matchLabels: {app: web}}\n  ingress: [{from: [{podSelector: {}}]}]\n') }];
    const a = analyze(files, { inferWorkloads: true });
    const plan = planDenyFlow({ ...a, inferWorkloads: true }, W('shop/any-pod[Inferred]'), W('shop/web[Inferred]'));
    const after = analyze(applyPolicyChanges(files, plan.changes, () => 'c.yaml'), { inferWorkloads: true });
    expect(after.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(formatConnlistTxt(a.connections)).toContain('shop/any-pod[Inferred] => shop/web[Inferred] : All Connections');
    expect(formatConnlistTxt(after.connections)).not.toContain('shop/any-pod[Inferred] => shop/web[Inferred]');
  });
});
