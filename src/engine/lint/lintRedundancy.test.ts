import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { applyPolicyChanges } from '../generate/applyPolicyChanges';
import { planAllowFlow } from '../generate/planAllowFlow';
import { policyTemplate } from '../generate/policyTemplates';
import type { SourceFile } from '../model/types';
import { manifest } from '../testing/manifest';
import { lintModel } from './lintModel';

/** The three-tier shop's namespace and workloads, without its policies. */
const SHOP = readFileSync(new URL('../../../public/examples/three-tier.yaml', import.meta.url), 'utf8').split(/^---$/m).filter((doc) => !doc.includes('kind: NetworkPolicy')).join('---');
const tcp = (port: number) => [{ protocol: 'TCP' as const, port, isProtocolDefaulted: false }];

/** Applies the default-deny-ingress template to shop, then allows each flow through the allow plan, as the app does. */
function shopWith(flows: [string, string, number][]): SourceFile[] {
  let files: SourceFile[] = [{ name: 'shop.yaml', text: SHOP }];
  const fileOf = () => 'shop.yaml';
  files = applyPolicyChanges(files, [{ kind: 'create', policy: 'shop/default-deny-ingress', nearWorkload: 'shop/api[Deployment]', manifest: policyTemplate('default-deny-ingress', 'shop') }], fileOf);
  for (const [src, dst, port] of flows) {
    const a = analyze(files, { inferWorkloads: true });
    const plan = planAllowFlow({ model: a.model, evaluation: a.evaluation, inferWorkloads: true }, { workload: src }, { workload: dst }, tcp(port));
    expect(plan.changes.length).toBeGreaterThan(0);
    files = applyPolicyChanges(files, plan.changes, fileOf);
  }
  return files;
}

function lintsOf(files: SourceFile[]) {
  const a = analyze(files, { inferWorkloads: true });
  expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return lintModel(a.model, a.evaluation);
}

describe('lintRedundancy', () => {
  it('never advises removing the default-deny template after two allows', () => {
    const lints = lintsOf(shopWith([['shop/frontend[Deployment]', 'shop/api[Deployment]', 8080], ['shop/api[Deployment]', 'shop/db[StatefulSet]', 5432]]));
    expect(lints.filter((l) => /remove/i.test(l.message))).toEqual([]);
  });

  it('notes a default-deny that allows for every pod make redundant today, and says to keep it', () => {
    const lints = lintsOf(
      shopWith([
        ['shop/frontend[Deployment]', 'shop/api[Deployment]', 8080],
        ['shop/api[Deployment]', 'shop/db[StatefulSet]', 5432],
        ['shop/api[Deployment]', 'shop/frontend[Deployment]', 8080],
      ]),
    );
    expect(lints.filter((l) => /remove/i.test(l.message))).toEqual([]);
    expect(lints.filter((l) => l.code === 'policy-no-effect').map((l) => l.message)).toEqual([
      'shop/default-deny-ingress is a default-deny that other policies make redundant today (they already isolate every pod of shop it selects); keep it: it protects pods added to shop later.',
    ]);
  });

  it('calls a rule shadowed only when other rules of its own side allow everything it allows, not when the other side denies it', () => {
    const policy = (name: string, spec: string) => `---\n${manifest.networkPolicy(name, 'shop', spec)}`;
    const twice = policy('api-out', '{podSelector: {matchLabels: {app: api}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}, {to: [{podSelector: {}}]}]}');
    const dbClosed = policy('db-closed', '{podSelector: {matchLabels: {app: db}}, policyTypes: [Ingress]}');
    const shadowed = (text: string) => lintsOf([{ name: 'shop.yaml', text }]).filter((l) => l.code === 'rule-shadowed').map((l) => l.message);
    expect(shadowed(SHOP + twice)).toEqual(['shop/api-out egress rule 1 is shadowed: other egress rules for the same workloads already allow everything it allows.']);
    const oneRule = policy('api-out', '{podSelector: {matchLabels: {app: api}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}, {to: [{podSelector: {matchLabels: {app: frontend}}}]}]}');
    expect(shadowed(SHOP + oneRule + dbClosed)).toEqual([]);
  });

  it('a 200-rule policy whose rules name workloads the input lacks draws no shadowed rule', () => {
    const rules = Array.from({ length: 200 }, (_, i) => `{from: [{podSelector: {matchLabels: {app: client-${i}}}}], ports: [{port: ${8000 + i}}]}`).join(', ');
    const big = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: big, namespace: shop}\nspec: {podSelector: {matchLabels: {app: api}}, ingress: [${rules}]}\n`;
    const codes = lintsOf([{ name: 'shop.yaml', text: SHOP + big }]).map((l) => l.code);
    expect(codes).not.toContain('rule-shadowed');
    expect(codes.length).toBeLessThan(10);
  });
});
