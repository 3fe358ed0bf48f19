import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import type { SourceFile } from '../model/types';
import { manifest } from '../testing/manifest';
import { lintModel } from './lintModel';

const { pod, networkPolicy: np } = manifest;

const DENY = np('default-deny', 'shop', '{podSelector: {}, policyTypes: [Ingress]}');
const API_TO_DB = np('allow-api-to-db', 'shop', '{podSelector: {matchLabels: {app: db}}, ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]}');
const FROM_MONITORING = np('allow-monitoring', 'shop', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]}]}');
const COREDNS = pod('coredns', 'kube-system', 'k8s-app: kube-dns', { ports: '{containerPort: 53, protocol: UDP}, {containerPort: 53}' });

function lintsOf(files: SourceFile[]) {
  const a = analyze(files, { inferWorkloads: true });
  expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return lintModel(a.model, a.evaluation);
}
const lints = (...docs: string[]) => lintsOf([{ name: 'policies.yaml', text: docs.join('---\n') }]);
const codes = (...docs: string[]) => lints(...docs).map((l) => l.code);

describe('lints on inferred workloads', () => {
  it('a policies-only file gets one info instead of a "selects no workload" warning per selector', () => {
    const found = lints(DENY, API_TO_DB, FROM_MONITORING);
    expect(found.map((l) => l.code)).not.toContain('policy-selects-nothing');
    expect(found.map((l) => l.code)).not.toContain('peer-matches-nothing');
    expect(found.map((l) => l.code)).not.toContain('namespace-selector-matches-nothing');
    const info = found.filter((l) => l.code === 'workloads-inferred');
    expect(info).toHaveLength(1);
    expect(info[0].severity).toBe('info');
    expect(info[0].message).toBe(
      'Policies without workloads in policies.yaml: 4 workloads inferred from their selectors (monitoring/any-pod, shop/any-pod, shop/api, shop/db), drawn dashed and marked inferred. Add the real workloads to replace them.',
    );
  });

  it('reports once per file', () => {
    const found = lintsOf([
      { name: 'a.yaml', text: [DENY, API_TO_DB].join('---\n') },
      { name: 'b.yaml', text: FROM_MONITORING },
    ]).filter((l) => l.code === 'workloads-inferred');
    expect(found.map((l) => l.message.split(':')[0])).toEqual(['Policies without workloads in a.yaml', 'Policies without workloads in b.yaml']);
  });

  it('the info goes once real workloads match every selector', () => {
    expect(codes(API_TO_DB, pod('api', 'shop', 'app: api'), pod('db', 'shop', 'app: db'))).not.toContain('workloads-inferred');
  });

  it('a contradictory selector still warns: nothing is inferred for it', () => {
    expect(codes(np('never', 'shop', '{podSelector: {matchExpressions: [{key: app, operator: In, values: [a]}, {key: app, operator: NotIn, values: [a]}]}}'))).toContain('policy-selects-nothing');
  });

  it('joined-peer-matches-nothing still fires when the real workloads show the split', () => {
    const ns = manifest.namespace('core', 'team: core');
    const joined = np('p', 'core', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: core}}, podSelector: {matchLabels: {app: frontend}}}]}]}');
    expect(codes(ns, pod('frontend', 'web', 'app: frontend'), pod('api', 'core', 'app: api'), joined)).toContain('joined-peer-matches-nothing');
  });

  it('named-port-unresolved is silent when the destination is inferred (its container ports are unknown)', () => {
    expect(codes(np('p', 'shop', '{podSelector: {matchLabels: {app: db}}, ingress: [{ports: [{port: postgres}]}]}'))).not.toContain('named-port-unresolved');
  });

  it('no-default-deny does not speak for inferred workloads', () => {
    expect(lints(FROM_MONITORING).filter((l) => l.code === 'no-default-deny')).toEqual([]);
  });

  it('redundancy is not judged on inferred workloads (one per selector cannot show a rule is shadowed)', () => {
    const twoRules = np('p', 'shop', '{podSelector: {}, ingress: [{from: [{podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}}]}, {from: [{podSelector: {matchLabels: {app: web}}}]}]}');
    const found = codes(twoRules);
    expect(found).not.toContain('rule-shadowed');
    expect(found).not.toContain('policy-no-effect');
  });

  it('dns-blocked offers its fix (a policy for every pod) only when a policy already isolates every pod of the namespace', () => {
    const apiOut = np('api-out', 'shop', '{podSelector: {matchLabels: {app: api}}, policyTypes: [Egress]}');
    const blocked = (...docs: string[]) => lints(COREDNS, ...docs).find((l) => l.code === 'dns-blocked');
    expect(blocked(apiOut)?.objects).toEqual(['shop/api[Inferred]']);
    expect(blocked(apiOut)?.fix).toBeUndefined();
    expect(blocked(apiOut, np('deny-out', 'shop', '{podSelector: {}, policyTypes: [Egress]}'))?.fix).toBeDefined();
  });

  it('a podSelector peer whose pods exist only in another namespace still warns (the classic missing namespaceSelector), inferred stand-in or not', () => {
    const prometheus = pod('prometheus', 'monitoring', 'app: prometheus');
    const scrape = np('scrape', 'shop', '{podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: prometheus}}}]}]}');
    const found = lints(prometheus, scrape).filter((l) => l.code === 'peer-matches-nothing');
    expect(found.map((l) => l.message)).toEqual([
      "shop/scrape ingress rule 1, peer 1: the podSelector admits no workload in shop (without a namespaceSelector it means the policy's namespace only); matching pods exist in monitoring — add a namespaceSelector?",
    ]);
  });
});
