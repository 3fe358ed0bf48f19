import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../engine';
import { MAX_FILE_BYTES } from './readInputs';
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

  it('reports invalid input with file, line and field path on stderr and exits 1 (with --no-keep-going, no list)', () => {
    const bad = CLUSTER.replace('{port: 5432}', '{port: 5432, protocol: ICMP}');
    const r = runAnalyze(['--no-keep-going', '-'], () => bad);
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

  it('with --exposure appends netpol-analyzer\'s exposure section after the list and a blank line', () => {
    const r = runAnalyze(['--exposure', '-'], () => CLUSTER);
    expect(r.code).toBe(0);
    const [list, exposure] = r.stdout.split('\n\nExposure Analysis Result:\n');
    expect(`${list}\n`).toBe(runAnalyze(['-'], () => CLUSTER).stdout);
    expect(exposure.split('\n')).toEqual([
      'Egress Exposure:',
      'shop/db[Pod]  \t=> \t0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/db[Pod]  \t=> \tentire-cluster : All Connections',
      'shop/web[Pod] \t=> \t0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/web[Pod] \t=> \tentire-cluster : All Connections',
      '',
      'Ingress Exposure:',
      'shop/web[Pod] \t<= \t0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/web[Pod] \t<= \tentire-cluster : All Connections',
      '',
      'Workloads not protected by network policies:',
      'shop/db[Pod] is not protected on Egress',
      'shop/web[Pod] is not protected on Egress',
      'shop/web[Pod] is not protected on Ingress',
      '',
    ]);
  });

  it('prints the exposure section alone when nothing connects, and --exposure in another format than txt is a usage error', () => {
    const denyAll = `${CLUSTER}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n`;
    expect(runAnalyze(['--exposure', '-'], () => denyAll)).toEqual({ stdout: 'Exposure Analysis Result:\n', stderr: '', code: 0 });
    const r = runAnalyze(['--exposure', '--format', 'json', '-'], () => CLUSTER);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--exposure prints txt only');
  });

  it('keeps going by default: lists what the valid objects allow, reports the invalid one and exits 1', () => {
    const bad = CLUSTER.replace('{port: 5432}', '{port: 5432, protocol: ICMP}');
    const r = runAnalyze(['-'], () => bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NetworkPolicy shop/db-in spec.ingress[0].ports[0].protocol');
    expect(r.stderr).toContain('netpol-canvas: 1 error(s); the list shows what the rest allows\n');
    expect(r.stdout.split('\n')).toContain('shop/web[Pod] => shop/db[Pod] : All Connections');
  });

  it('analyses the readable files of a directory and skips, with a message, a binary file, a dangling symlink, a FIFO and a file over the size cap', () => {
    const dir = workspace({ 'good.yaml': CLUSTER, 'broken.yaml': 'kind: Pod\nmetadata: {name: [\n', 'binary.yaml': 'kind: Pod\u0000\u0001\u0002' });
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'dangling.yaml'));
    const hasFifo = spawnSync('mkfifo', [join(dir, 'fifo.yaml')]).status === 0;
    writeFileSync(join(dir, 'huge.yaml'), '');
    truncateSync(join(dir, 'huge.yaml'), MAX_FILE_BYTES + 1);
    const r = runAnalyze([dir], () => '');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toContain('shop/web[Pod] => shop/db[Pod] : TCP 5432,UDP 53');
    expect(r.stderr).toMatch(/binary\.yaml: skipped, a binary file/);
    expect(r.stderr).toMatch(/dangling\.yaml: skipped, no such file \(or a dangling symlink\)/);
    expect(r.stderr).toMatch(/huge\.yaml: skipped, larger than 16 MiB/);
    if (hasFifo) expect(r.stderr).toMatch(/fifo\.yaml: skipped, not a regular file/);
    expect(r.stderr).toMatch(/broken\.yaml:3:1: error: YAML syntax error/);
  });

  it('skips a device named on the command line instead of reading it forever', () => {
    const r = runAnalyze(['/dev/zero', '-'], () => CLUSTER);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('netpol-canvas: /dev/zero: skipped, not a regular file (a FIFO, socket or device)\n');
    expect(r.stdout).toContain('shop/web[Pod] => shop/db[Pod]');
  });

  it('fails names the API server would reject only with --strict', () => {
    const named = CLUSTER.replace('name: web,', 'name: Web_1,');
    expect(runAnalyze(['-'], () => named).code).toBe(0);
    const strict = runAnalyze(['--strict', '-'], () => named);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^<stdin>:3:\d+: error: Pod shop\/Web_1 metadata\.name: /m);
  });

  it('writes no terminal control character that came from the input, on stdout or stderr', () => {
    const hostile = CLUSTER.replace('name: web,', 'name: "web\\e]0;owned\\a\\e[2J\\u009b",');
    for (const format of ['txt', 'csv', 'md', 'json', 'dot']) {
      const r = runAnalyze(['--format', format, '-'], () => hostile);
      expect(escapeControls(`${r.stdout}${r.stderr}`, true)).toBe(`${r.stdout}${r.stderr}`);
      expect(r.stderr).toContain('\\u001b[2J');
    }
    const exposure = runAnalyze(['--exposure', '-'], () => hostile).stdout.replaceAll('\t', ' ');
    expect(escapeControls(exposure, true)).toBe(exposure);
    expect(exposure).toContain('\\u001b[2J');
  });

  it('gives the right line numbers for a file with lone CR line ends', () => {
    const r = runAnalyze(['-'], () => CLUSTER.replace('{port: 5432}', '{port: 5432, protocol: ICMP}').replaceAll('\n', '\r'));
    expect(r.stderr).toMatch(/^<stdin>:20:\d+: error: NetworkPolicy shop\/db-in spec\.ingress\[0\]\.ports\[0\]\.protocol/m);
  });
});
