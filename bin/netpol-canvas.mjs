#!/usr/bin/env node
// Runs the CLI built by `npm run build:cli` (dist-cli/, made by `npm ci` through `prepare`).
// When that build is missing or older than the sources it was made from (say, after an
// edit to src/engine), it runs the sources through tsx instead: slower, never stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist-cli/netpol-canvas.mjs`;

/** The newest modification time under `dir`: its .ts sources (tests aside) and its folders (a deleted file changes those). */
function newestSource(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isBuildFresh() {
  if (!existsSync(built)) return false;
  const inputs = ['package-lock.json', 'vite.cli.config.ts'].map((f) => `${root}${f}`).filter(existsSync);
  const sources = existsSync(`${root}src`) ? Math.max(newestSource(`${root}src/cli`), newestSource(`${root}src/engine`)) : 0;
  return statSync(built).mtimeMs >= Math.max(sources, ...inputs.map((f) => statSync(f).mtimeMs));
}

if (isBuildFresh()) {
  await import(built);
} else {
  const tsx = await import('tsx/esm/api').catch(() => undefined);
  if (tsx) {
    tsx.register();
    await import('../src/cli/main.ts');
  } else {
    process.stderr.write('netpol-canvas: the CLI is not built (or older than its sources) and tsx is not installed: run `npm run build:cli`\n');
    process.exitCode = 2;
  }
}
