import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from './runAnalyze';

const BAD = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bad, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingres]
`;

describe('the built CLI (vite.cli.config.ts → one .mjs file)', () => {
  let dir = '';
  let cli = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-cli-build-'));
    await build({ configFile: 'vite.cli.config.ts', logLevel: 'silent', build: { outDir: dir, emptyOutDir: true } });
    cli = join(dir, 'netpol-canvas.mjs');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], input = '') => {
    const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr, code: r.status };
  };

  it('imports nothing but Node built-ins (js-yaml and ipaddr.js are bundled)', () => {
    const imports = [...readFileSync(cli, 'utf8').matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.every((i) => i.startsWith('node:'))).toBe(true);
  });

  it.each([
    ['txt', ['public/examples/three-tier.yaml']],
    ['csv', ['--format', 'csv', 'public/examples/microservices.yaml']],
    ['a directory, json', ['--format', 'json', 'public/examples']],
    ['diff', ['diff', 'public/examples/three-tier.yaml', 'public/examples/microservices.yaml']],
    ['a bad argument', ['--format', 'xml', 'public/examples']],
    ['lint as SARIF', ['lint', '--format', 'sarif', '--fail-on', 'warning', 'public/examples']],
    ['explain', ['explain', 'shop/frontend', 'shop/api', 'public/examples/three-tier.yaml']],
  ])('prints what runAnalyze returns for %s', (_, args) => {
    expect(run(args)).toEqual(runAnalyze(args, () => ''));
  });

  it('reads standard input and exits 1 with file:line:column on invalid input', () => {
    const r = run(['-'], BAD);
    expect(r).toEqual(runAnalyze(['-'], () => BAD));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:6:\d+: error: NetworkPolicy shop\/bad spec\.policyTypes\[0\]/);
  });
});
