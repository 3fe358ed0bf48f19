import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { formatConnlistTxt } from '../format/formatConnlistTxt';
import type { LabelSelector } from '../model/types';
import { inferWorkloads } from './inferWorkloads';
import { solveSelector } from './solveSelector';

const np = (name: string, ns: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}\n`;
const deploy = (name: string, ns: string, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {selector: {matchLabels: {${labels}}}, template: {metadata: {labels: {${labels}}}, spec: {containers: [{name: c}]}}}\n`;
const run = (...docs: string[]) => {
  const a = analyze([{ name: 'policies.yaml', text: docs.join('---\n') }], { inferWorkloads: true });
  expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return a;
};
const ids = (...docs: string[]) => run(...docs).model.workloads.map((w) => w.id);

const DENY = np('default-deny', 'shop', '{podSelector: {}, policyTypes: [Ingress, Egress]}');
const API_TO_DB = np('allow-api-to-db', 'shop', '{podSelector: {matchLabels: {app: db}}, ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]}');
const API_OUT = np('api-out', 'shop', '{podSelector: {matchLabels: {app: api}}, egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}]}');
const FROM_MONITORING = np('allow-monitoring', 'shop', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]}]}');

const sel = (matchLabels: Record<string, string>, matchExpressions: LabelSelector['matchExpressions'] = []): LabelSelector => ({ matchLabels, matchExpressions });

describe('solveSelector', () => {
  it.each([
    ['matchLabels as written', sel({ app: 'db' }), { app: 'db' }],
    ['In: the first value', sel({}, [{ key: 'tier', operator: 'In', values: ['back', 'front'] }]), { tier: 'back' }],
    ['In: the first value a NotIn leaves', sel({}, [{ key: 'tier', operator: 'In', values: ['back', 'front'] }, { key: 'tier', operator: 'NotIn', values: ['back'] }]), { tier: 'front' }],
    ['Exists: the placeholder any', sel({}, [{ key: 'team', operator: 'Exists', values: [] }]), { team: 'any' }],
    ['Exists with NotIn any: any-2', sel({}, [{ key: 'team', operator: 'Exists', values: [] }, { key: 'team', operator: 'NotIn', values: ['any'] }]), { team: 'any-2' }],
    ['NotIn and DoesNotExist: the key left out', sel({ app: 'x' }, [{ key: 'env', operator: 'NotIn', values: ['prod'] }, { key: 'debug', operator: 'DoesNotExist', values: [] }]), { app: 'x' }],
    ['{}: no labels', sel({}), {}],
  ])('%s', (_, selector, labels) => {
    expect(solveSelector(selector)).toEqual(labels);
  });

  it.each([
    ['In [a] and NotIn [a]', sel({}, [{ key: 'k', operator: 'In', values: ['a'] }, { key: 'k', operator: 'NotIn', values: ['a'] }])],
    ['matchLabels and a disjoint In', sel({ k: 'a' }, [{ key: 'k', operator: 'In', values: ['b'] }])],
    ['Exists and DoesNotExist', sel({}, [{ key: 'k', operator: 'Exists', values: [] }, { key: 'k', operator: 'DoesNotExist', values: [] }])],
  ])('contradictory: %s has no solution', (_, selector) => {
    expect(solveSelector(selector)).toBeUndefined();
  });
});

describe('inferWorkloads', () => {

  it('infers again after an edit changes what a policy selects, and answers an edit elsewhere as a fresh inference does', () => {
    expect(ids(DENY, API_TO_DB)).toEqual(['shop/any-pod[Inferred]', 'shop/api[Inferred]', 'shop/db[Inferred]']);
    expect(ids(DENY, API_TO_DB.replace('{app: api}', '{app: web}'))).toEqual(['shop/any-pod[Inferred]', 'shop/db[Inferred]', 'shop/web[Inferred]']);
    const edited = run(DENY, API_TO_DB.replace('port: 5432', 'port: 5433')).model;
    expect(inferWorkloads({ ...edited, workloads: edited.workloads.filter((w) => !w.isInferred) })).toEqual(edited);
    expect(ids(DENY, API_TO_DB, deploy('api', 'shop', 'app: api'))).toEqual(['shop/api[Deployment]', 'shop/db[Inferred]']);
  });
  it('infers one workload per distinct selector of a policies-only file, named from its labels, and the flows the policies imply', () => {
    const a = run(DENY, API_TO_DB, API_OUT, FROM_MONITORING);
    expect(a.model.workloads.map((w) => w.id).sort()).toEqual(['monitoring/any-pod[Inferred]', 'shop/any-pod[Inferred]', 'shop/api[Inferred]', 'shop/db[Inferred]']);
    expect(a.model.workloads.every((w) => w.isInferred && w.kind === 'Inferred')).toBe(true);
    expect(a.model.namespaces.find((n) => n.name === 'monitoring')).toMatchObject({ isInferred: true, labels: { 'kubernetes.io/metadata.name': 'monitoring' } });
    expect(a.model.namespaces.find((n) => n.name === 'shop')?.isInferred).toBeUndefined();
    const lines = formatConnlistTxt(a.connections).split('\n');
    expect(lines).toContain('shop/api[Inferred] => shop/db[Inferred] : TCP 5432');
    expect(lines.filter((l) => l.startsWith('monitoring/any-pod[Inferred] => shop/'))).toEqual([
      'monitoring/any-pod[Inferred] => shop/any-pod[Inferred] : All Connections',
      'monitoring/any-pod[Inferred] => shop/api[Inferred] : All Connections',
      'monitoring/any-pod[Inferred] => shop/db[Inferred] : All Connections',
    ]);
  });

  it('records which policy selector each inferred workload comes from', () => {
    const db = run(API_TO_DB, API_OUT).model.workloads.find((w) => w.name === 'db');
    expect(db?.inferredFrom).toEqual([
      { policy: 'shop/allow-api-to-db', path: 'spec.podSelector' },
      { policy: 'shop/api-out', path: 'spec.egress[0].to[0]' },
    ]);
  });

  it('a real workload that matches replaces the inferred one; the others stay', () => {
    expect(ids(API_TO_DB)).toEqual(['shop/api[Inferred]', 'shop/db[Inferred]']);
    expect(ids(API_TO_DB, deploy('postgres', 'shop', 'app: db'))).toEqual(['shop/postgres[Deployment]', 'shop/api[Inferred]']);
  });

  it('a real workload in another namespace does not count: podSelector alone means the policy namespace', () => {
    expect(ids(API_TO_DB, deploy('api', 'other', 'app: api'))).toContain('shop/api[Inferred]');
  });

  it('infers nothing without policies and leaves the model as it is', () => {
    const decoded = analyze([{ name: 'x.yaml', text: deploy('web', 'shop', 'app: web') }]).model;
    expect(inferWorkloads(decoded)).toBe(decoded);
  });

  it('infers nothing for a contradictory selector', () => {
    expect(ids(np('never', 'shop', '{podSelector: {matchExpressions: [{key: app, operator: In, values: [a]}, {key: app, operator: NotIn, values: [a]}]}}'))).toEqual([]);
  });

  it('matchExpressions: In takes its first value, Exists a placeholder, NotIn and DoesNotExist name what is avoided', () => {
    const policy = np(
      'p',
      'shop',
      '{podSelector: {}, ingress: [{from: [{podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}}, {podSelector: {matchExpressions: [{key: team, operator: Exists}]}}, {podSelector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}}, {podSelector: {matchExpressions: [{key: debug, operator: DoesNotExist}]}}]}]}',
    );
    const byName = Object.fromEntries(run(policy).model.workloads.map((w) => [w.name, w.labels]));
    expect(byName).toEqual({ 'any-pod': {}, team: { team: 'any' }, web: { app: 'web' } });
  });

  it('selectors solved to the same labels share one workload; the empty selector names it any-pod', () => {
    const w = run(np('p', 'shop', '{podSelector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}, ingress: [{from: [{podSelector: {}}]}]}')).model.workloads;
    expect(w.map((x) => x.id)).toEqual(['shop/any-pod[Inferred]']);
    expect(w[0].inferredFrom?.map((f) => f.path)).toEqual(['spec.podSelector', 'spec.ingress[0].from[0]']);
  });

  it('a namespaceSelector matching no namespace infers one with labels satisfying it, and the peer pods inside it', () => {
    const a = run(np('p', 'shop', '{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}, podSelector: {matchLabels: {app: prometheus}}}]}]}'));
    expect(a.model.namespaces.find((n) => n.isInferred)).toMatchObject({ name: 'ops', labels: { team: 'ops', 'kubernetes.io/metadata.name': 'ops' }, inferredFrom: [{ policy: 'shop/p', path: 'spec.ingress[0].from[0].namespaceSelector' }] });
    expect(a.model.workloads.map((w) => w.id)).toEqual(['ops/prometheus[Inferred]', 'shop/api[Inferred]']);
    expect(formatConnlistTxt(a.connections)).toContain('ops/prometheus[Inferred] => shop/api[Inferred] : All Connections');
  });

  it('a namespaceSelector that matches existing namespaces infers the peer pods in each of them', () => {
    const a = run(np('a', 'shop', '{podSelector: {}}'), np('b', 'web', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: probe}}}]}]}'));
    expect(a.model.workloads.filter((w) => w.name === 'probe').map((w) => w.namespace).sort()).toEqual(['shop', 'web']);
    expect(a.model.namespaces.some((n) => n.isInferred)).toBe(false);
  });

  it('a namespaceSelector peer that already admits a real pod somewhere infers no stand-in in the other namespaces', () => {
    const dns = np('dns', 'shop', '{podSelector: {}, policyTypes: [Egress], egress: [{to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]}]}');
    const coredns = deploy('coredns', 'kube-system', 'k8s-app: kube-dns');
    expect(ids(dns, np('deny', 'web', '{podSelector: {}}')).filter((id) => id.includes('kube-dns'))).toEqual(['shop/kube-dns[Inferred]', 'web/kube-dns[Inferred]']);
    expect(ids(dns, np('deny', 'web', '{podSelector: {}}'), coredns).filter((id) => id.includes('kube-dns'))).toEqual([]);
  });

  it('an inferred namespace whose name is taken by a namespace that does not match gets a suffix', () => {
    const ns = `apiVersion: v1\nkind: Namespace\nmetadata: {name: ops}\n`;
    const a = run(ns, np('p', 'shop', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}}]}]}'));
    expect(a.model.namespaces.filter((n) => n.isInferred).map((n) => n.name)).toEqual(['ops-2']);
  });

  it('ids are deterministic and do not depend on the order of the policies', () => {
    const docs = [DENY, API_TO_DB, API_OUT, FROM_MONITORING];
    expect(ids(...docs).sort()).toEqual(ids(...[...docs].reverse()).sort());
  });

  it('is idempotent: inferring again on an inferred model changes nothing', () => {
    const model = run(DENY, API_TO_DB, FROM_MONITORING).model;
    expect(inferWorkloads(model)).toEqual(model);
  });

  it('without the option, analyze infers nothing (the CLI and conformance keep netpol-analyzer parity)', () => {
    expect(analyze([{ name: 'p.yaml', text: API_TO_DB }]).model.workloads).toEqual([]);
  });
});
