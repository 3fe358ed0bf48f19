import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from './runAnalyze';

const CLUSTER = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: "db", namespace: shop, labels: {app: db}}
spec:
  containers: [{name: c, ports: [{containerPort: 5432}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: 5432}, {port: 53, protocol: UDP}]
`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('analyze CLI', () => {
  it('prints the sorted connection list in txt by default', () => {
    const r = runAnalyze(['-'], () => CLUSTER);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toContain('shop/web[Pod] => shop/db[Pod] : TCP 5432,UDP 53');
    expect(r.stdout.split('\n')).not.toContain('shop/db[Pod] => shop/web[Pod] : TCP 5432,UDP 53');
    expect(r.stdout.startsWith('0.0.0.0-255.255.255.255[External] => shop/web[Pod] : All Connections\n')).toBe(true);
  });

  it('reads directories recursively, only .yaml, .yml and .json files', () => {
    const dir = workspace({
      'a/pods.yaml': CLUSTER.split('---')[0],
      'b/c/db.yml': CLUSTER.split('---')[1],
      'b/notes.txt': 'kind: Pod\nmetadata: {name: ghost}\n',
      'policy.json': JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' }, spec: { podSelector: {} } }),
    });
    const r = runAnalyze([dir], () => '');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('ghost');
    expect(r.stdout).toContain('shop/web[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections');
    expect(r.stdout).not.toContain('=> shop/db[Pod]');
  });

  it('writes json, csv, md and dot with the same lines', () => {
    const json = JSON.parse(runAnalyze(['--format', 'json', '-'], () => CLUSTER).stdout);
    expect(json).toContainEqual({ src: 'shop/web[Pod]', dst: 'shop/db[Pod]', conn: 'TCP 5432,UDP 53' });
    const csv = runAnalyze(['--format=csv', '-'], () => CLUSTER).stdout.split('\n');
    expect(csv[0]).toBe('src,dst,conn');
    expect(csv).toContain('shop/web[Pod],shop/db[Pod],"TCP 5432,UDP 53"');
    const md = runAnalyze(['-o', 'md', '-'], () => CLUSTER).stdout;
    expect(md).toContain('| shop/web[Pod] | shop/db[Pod] | TCP 5432,UDP 53 |');
    const dot = runAnalyze(['--format', 'dot', '-'], () => CLUSTER).stdout;
    expect(dot).toContain('"shop/web[Pod]" -> "shop/db[Pod]" [label="TCP 5432,UDP 53"];');
    expect(json).toHaveLength(csv.length - 2);
  });

  it('reports invalid input with file, line and field path on stderr and exits 1', () => {
    const bad = CLUSTER.replace('{port: 5432}', '{port: 5432, protocol: ICMP}');
    const r = runAnalyze(['-'], () => bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('<stdin>:20:');
    expect(r.stderr).toContain('NetworkPolicy shop/db-in spec.ingress[0].ports[0].protocol');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reports a YAML syntax error with its line and exits 1', () => {
    const r = runAnalyze(['-'], () => 'kind: Pod\nmetadata: {name: a\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:\d+:\d+: error: YAML syntax error/);
  });

  it('says which path is missing and exits 1', () => {
    const r = runAnalyze(['/no/such/dir'], () => '');
    expect(r).toEqual({ stdout: '', stderr: 'netpol-canvas: no such file or directory: /no/such/dir\n', code: 1 });
  });

  it('rejects an unknown format with usage and exit code 2', () => {
    const r = runAnalyze(['--format', 'xml', '-'], () => CLUSTER);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "xml"');
  });
});
