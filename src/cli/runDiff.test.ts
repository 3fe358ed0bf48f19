import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireConformanceDir } from './conformanceDir';
import { runAnalyze } from './runAnalyze';

const root = requireConformanceDir();

function connlist(dir: string): Map<string, string> {
  const lines = readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
  return new Map(lines.map((l) => {
    const [pair, conns] = l.split(' : ');
    return [pair, conns];
  }));
}

/** The diff a reviewer would work out by hand from two expected connection lists. */
function expectedDiff(before: Map<string, string>, after: Map<string, string>): string {
  const pairs = [...new Set([...before.keys(), ...after.keys()])].sort();
  return pairs
    .flatMap((p) => {
      const a = before.get(p);
      const b = after.get(p);
      if (a === b) return [];
      if (a === undefined) return [`added   ${p} : ${b}\n`];
      if (b === undefined) return [`removed ${p} : ${a}\n`];
      return [`changed ${p} : ${a} -> ${b}\n`];
    })
    .join('');
}

const POLICY = (name: string, from: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [${from}], ports: [{port: 5432}]}]
`;

describe('analyze diff', () => {
  describe('on conformance pairs, equals the difference of the expected connection lists', () => {
    it.each([
      ['semanticDiff-same-topologies-old1', 'semanticDiff-same-topologies-new1'],
      ['semanticDiff-same-topologies-old2', 'semanticDiff-same-topologies-new2'],
      ['test_with_named_ports', 'test_with_named_ports_changed_netpol'],
      ['semanticDiff-same-topologies-new1', 'semanticDiff-same-topologies-new1a'],
    ])('%s → %s', (a, b) => {
      const dirA = join(root, 'cases', a);
      const dirB = join(root, 'cases', b);
      const r = runAnalyze(['diff', join(dirA, 'input'), join(dirB, 'input')], () => '');
      expect(r.code).toBe(0);
      expect(r.stdout).not.toBe('');
      expect(r.stdout).toBe(expectedDiff(connlist(dirA), connlist(dirB)));
    });
  });

  it('re-cuts address ranges so a narrowed ipBlock shows as the pieces that changed', () => {
    const pods = `apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: shop, labels: {app: db}}\nspec: {containers: [{name: c}]}\n---\n`;
    const stdin = [pods + POLICY('db-in', '{ipBlock: {cidr: 10.0.0.0/8}}'), pods + POLICY('db-in', '{ipBlock: {cidr: 10.0.0.0/16}}')];
    const r = runAnalyze(['diff', '-', '-'], () => stdin.shift() ?? '');
    expect(r.stdout).toBe('removed 10.1.0.0-10.255.255.255[External] => shop/db[Pod] : TCP 5432\n');
  });

  it('prints json with before and after', () => {
    const pods = `apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: shop, labels: {app: db}}\nspec: {containers: [{name: c}]}\n---\n`;
    const stdin = [pods, pods + POLICY('db-in', '{ipBlock: {cidr: 10.0.0.0/8}}')];
    const rows = JSON.parse(runAnalyze(['diff', '--format', 'json', '-', '-'], () => stdin.shift() ?? '').stdout);
    expect(rows).toContainEqual({ kind: 'changed', src: '10.0.0.0-10.255.255.255[External]', dst: 'shop/db[Pod]', before: 'All Connections', after: 'TCP 5432' });
    expect(rows).toContainEqual({ kind: 'removed', src: '0.0.0.0-9.255.255.255[External]', dst: 'shop/db[Pod]', before: 'All Connections', after: 'No Connections' });
  });

  it('needs exactly two inputs and reports invalid ones with exit code 1', () => {
    expect(runAnalyze(['diff', '-'], () => '').code).toBe(2);
    const bad = runAnalyze(['diff', '-', '-'], () => 'kind: NetworkPolicy\nmetadata: {name: x}\nspec: {policyTypes: [Sideways]}\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('spec.policyTypes[0]');
  });
});
