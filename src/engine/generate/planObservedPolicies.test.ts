import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { formatConnlistTxt } from '../format/formatConnlistTxt';
import type { SourceFile } from '../model/types';
import { classifyObservedFlows } from '../observe/classifyObservedFlows';
import { mapObservedFlows } from '../observe/mapObservedFlows';
import { parseObservedFlows } from '../observe/parseObservedFlows';
import { manifest } from '../testing/manifest';
import { applyPolicyChanges } from './applyPolicyChanges';
import { planObservedPolicies } from './planObservedPolicies';

const deploy = (name: string, ns: string, labels: string, port: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {${labels}}}\n  template:\n    metadata: {labels: {${labels}}}\n    spec: {containers: [{name: c, ports: [{containerPort: ${port}}]}]}\n`;

const SHOP = [deploy('frontend', 'shop', 'app: frontend', 8080), deploy('api', 'shop', 'app: api', 8080), deploy('db', 'shop', 'app: db', 5432), deploy('coredns', 'kube-system', 'k8s-app: kube-dns', 53)];

const OBSERVED = ['src,dst,conn', 'shop/frontend[Deployment],shop/api[Deployment],TCP 8080', 'shop/api[Deployment],shop/db[Deployment],TCP 5432', 'shop/api[Deployment],203.0.113.7,TCP 443'].join('\n');

function plan(docs: readonly string[], csv: string, defaultDeny: boolean) {
  const files: SourceFile[] = [{ name: 'c.yaml', text: docs.join('---\n') }];
  const before = analyze(files);
  const mapped = mapObservedFlows(before.model, parseObservedFlows(csv, 'flows.csv').flows);
  const result = planObservedPolicies(before.model, before.evaluation, mapped, { defaultDeny });
  const fileOf = (id: string) => before.model.workloads.find((w) => w.id === id)?.source?.file;
  const after = analyze(applyPolicyChanges(files, result.changes, fileOf));
  const classified = classifyObservedFlows(after.evaluation, mapObservedFlows(after.model, parseObservedFlows(csv, 'flows.csv').flows));
  const lines = formatConnlistTxt(after.connections).split('\n');
  return { result, after, classified, lines, created: result.changes.map((c) => `${c.kind} ${c.policy}`) };
}

const fromShop = (lines: readonly string[]) => lines.filter((l) => l.startsWith('shop/'));

describe('planObservedPolicies', () => {
  it('default-denies the shop once, keeps DNS, and allows exactly the observed flows, one policy per workload and direction', () => {
    const { result, after, classified, lines, created } = plan(SHOP, OBSERVED, true);
    expect(after.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(classified.totals.wouldBreak.flows).toBe(0);
    expect(created).toEqual([
      'create shop/default-deny-all',
      'create shop/allow-dns-egress',
      'create shop/api-egress-observed',
      'create shop/db-ingress-observed',
      'create shop/frontend-egress-observed',
      'create shop/api-ingress-observed',
    ]);
    const apiEgress = result.changes.find((c) => c.policy === 'shop/api-egress-observed');
    expect(apiEgress?.kind === 'create' && (apiEgress.manifest.spec as { egress: unknown[] }).egress).toHaveLength(2);
    expect(fromShop(lines)).toEqual([
      'shop/api[Deployment] => 203.0.113.7-203.0.113.7[External] : TCP 443',
      'shop/api[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/api[Deployment] => shop/db[Deployment] : TCP 5432',
      'shop/db[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/frontend[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/frontend[Deployment] => shop/api[Deployment] : TCP 8080',
    ]);
    expect(result.descriptions).toEqual([
      'Create shop/default-deny-all: deny ingress and egress of every pod of shop unless a policy allows it.',
      'Create shop/allow-dns-egress: keep DNS: egress of every pod of shop to the DNS servers (k8s-app kube-dns or coredns) on UDP and TCP 53.',
      'Create shop/api-egress-observed selecting api: allow api → 203.0.113.7/32 on TCP 443.',
      'Add egress rule 2 to shop/api-egress-observed: allow api → db on TCP 5432.',
      'Create shop/db-ingress-observed selecting db: allow api → db on TCP 5432.',
      'Create shop/frontend-egress-observed selecting frontend: allow frontend → api on TCP 8080.',
      'Create shop/api-ingress-observed selecting api: allow frontend → api on TCP 8080.',
    ]);
    expect(result.widened).toEqual([]);
    expect(result.tightened.map((c) => `${c.src} → ${c.dst}`)).toContain('shop/db[Deployment] → shop/frontend[Deployment]');
  });

  it('keeps a default-deny free of allows in a namespace of one workload', () => {
    const csv = [OBSERVED, 'shop/api[Deployment],pay/ledger[Deployment],TCP 9090'].join('\n');
    const { result, classified, created } = plan([...SHOP, deploy('ledger', 'pay', 'app: ledger', 9090)], csv, true);
    expect(classified.totals.wouldBreak.flows).toBe(0);
    expect(created.filter((c) => c.includes(' pay/'))).toEqual(['create pay/default-deny-all', 'create pay/allow-dns-egress', 'create pay/ledger-ingress-observed']);
    expect(result.changes.find((c) => c.policy === 'pay/default-deny-all')).toMatchObject({ manifest: { spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } } });
    expect(result.descriptions).toContain('Create pay/ledger-ingress-observed selecting ledger: allow api → ledger on TCP 9090.');
  });

  it('refuses what it cannot write a rule for: replicas of one workload, an end not in the model', () => {
    const csv = ['src,dst,conn', 'shop/api[Deployment],shop/api[Deployment],TCP 8080', 'shop/ghost[Deployment],shop/api[Deployment],TCP 8080'].join('\n');
    const { result } = plan(SHOP, csv, true);
    expect(result.refused.map((r) => r.reason.split(/[,(]/)[0].trim())).toEqual(['An end of this flow is not in the model', 'Replicas of one workload talk to each other here; the evaluation leaves a workload to itself out']);
  });

  it('adds no default-deny where one exists, and extends the policy that already selects exactly the workload', () => {
    const existing = [
      manifest.networkPolicy('deny-all', 'shop', '{podSelector: {}, policyTypes: [Ingress, Egress]}'),
      manifest.networkPolicy('api-in', 'shop', '{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}], ports: [{port: 8080}]}]}'),
    ];
    const { result, classified, created } = plan([...SHOP, ...existing], OBSERVED, true);
    expect(classified.totals.wouldBreak.flows).toBe(0);
    expect(created).not.toContain('create shop/default-deny-all');
    expect(created).not.toContain('create shop/allow-dns-egress');
    expect(created).not.toContain('create shop/api-ingress-observed');
    expect(result.changes.filter((c) => c.policy === 'shop/api-in')).toEqual([]);
  });

  it('without default-deny adds allows only for the flows that would break, extending an existing policy', () => {
    const existing = [manifest.networkPolicy('db-in', 'shop', '{podSelector: {matchLabels: {app: db}}, policyTypes: [Ingress]}')];
    const { result, classified, created } = plan([...SHOP, ...existing], OBSERVED, false);
    expect(classified.totals.wouldBreak.flows).toBe(0);
    expect(created).toEqual(['add-rule shop/db-in']);
    expect(result.tightened).toEqual([]);
    expect(result.widened).toEqual([]);
  });

  it('refuses, with the rule, a flow an Admin-tier Deny decides, and still allows the rest', () => {
    const guard = `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: guard}\nspec: {tier: Admin, priority: 5, subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}, egress: [{name: no-db, action: Deny, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}}]}]}\n`;
    const { result, classified } = plan([...SHOP, guard], OBSERVED, true);
    expect(result.refused.map((r) => r.flow.port)).toEqual([5432]);
    expect(result.refused[0].reason).toContain('ClusterNetworkPolicy guard (Admin, priority 5) egress rule 1');
    expect(result.refused[0].reason).toContain('before any NetworkPolicy is consulted');
    expect(classified.totals.wouldBreak.flows).toBe(1);
    expect(classified.totals.allowed.flows).toBe(2);
  });

  it('keeps a flow a Baseline tier allowed when another flow makes a NetworkPolicy isolate its side', () => {
    const floor = `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: floor}\nspec: {tier: Baseline, priority: 5, subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}}, ingress: [{name: no-frontend, action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: frontend}}}}]}]}\n`;
    const csv = ['src,dst,conn', 'shop/frontend[Deployment],shop/api[Deployment],TCP 8080', 'shop/db[Deployment],shop/api[Deployment],TCP 8080'].join('\n');
    const { result, classified } = plan([...SHOP, floor], csv, false);
    expect(result.refused).toEqual([]);
    expect(classified.totals.wouldBreak.flows).toBe(0);
  });

  it('accepts a classification as well, and reports twins the selectors cannot tell apart', () => {
    const twins = [...SHOP, deploy('api-canary', 'shop', 'app: api', 8080), manifest.networkPolicy('deny-all', 'shop', '{podSelector: {}, policyTypes: [Ingress, Egress]}')];
    const files: SourceFile[] = [{ name: 'c.yaml', text: twins.join('---\n') }];
    const before = analyze(files);
    const mapped = mapObservedFlows(before.model, parseObservedFlows(OBSERVED, 'flows.csv').flows);
    const result = planObservedPolicies(before.model, before.evaluation, classifyObservedFlows(before.evaluation, mapped), { defaultDeny: true });
    expect(result.refused).toEqual([]);
    expect(result.widened.map((w) => `${w.src} → ${w.dst}: ${w.reason}`)).toContain('shop/frontend[Deployment] → shop/api-canary[Deployment]: api-canary has exactly the labels of api, so no selector tells them apart');
  });
});
