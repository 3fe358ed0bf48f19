import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run bench`: the engine bench (bench/evaluate.bench.ts), the worker bench (bench/worker.bench.ts), then the browser
// bench (bench/browser/), each printing as it goes; the last line is one JSON object
// {"engine": {…}, "worker": {…}, "browser": {"machine": {…}, "sizes": {…}}}.
// BENCH_ENGINE=0 or BENCH_BROWSER=0 skips a part (its key is then null); the browser knobs are in browser.bench.ts.
const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs a command with stdout echoed and kept; resolves with its exit code and the last line that parses as a JSON object. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; json: unknown }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      out += chunk.toString();
    });
    child.on('error', (error) => resolve({ code: 127, json: { error: error.message } }));
    child.on('close', (code) => {
      const line = out
        .split('\n')
        .map((l) => l.trim())
        .reverse()
        .find((l) => l.startsWith('{') && l.endsWith('}'));
      resolve({ code: code ?? 1, json: parseJson(line) });
    });
  });
}

function parseJson(line: string | undefined): unknown {
  try {
    return line ? JSON.parse(line) : null;
  } catch {
    return null;
  }
}

const result: { engine: unknown; worker: unknown; browser: unknown } = { engine: null, worker: null, browser: null };

if (process.env.BENCH_ENGINE !== '0') {
  console.log('=== engine bench (bench/evaluate.bench.ts)');
  const engine = await run(process.execPath, ['--import', 'tsx', 'bench/evaluate.bench.ts']);
  result.engine = engine.json ?? { error: `bench/evaluate.bench.ts exited with ${engine.code} without a JSON line` };
  console.log('\n=== worker bench (bench/worker.bench.ts)');
  const worker = await run(process.execPath, ['--import', 'tsx', 'bench/worker.bench.ts']);
  result.worker = worker.json ?? { error: `bench/worker.bench.ts exited with ${worker.code} without a JSON line` };
}

if (process.env.BENCH_BROWSER !== '0') {
  console.log('\n=== browser bench (bench/browser/browser.bench.ts, Chromium 1440×900)');
  const dir = mkdtempSync(join(tmpdir(), 'netpol-canvas-bench-'));
  const out = join(dir, 'browser.json');
  const browser = await run(process.execPath, [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--config', 'bench/browser/playwright.bench.config.ts'], {
    BENCH_BROWSER_OUT: out,
  });
  const written: unknown = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
  result.browser = written ?? { error: `the browser bench exited with ${browser.code} without results` };
  if (browser.code !== 0 && written !== null) (result.browser as Record<string, unknown>).exit_code = browser.code;
  rmSync(dir, { recursive: true, force: true });
}

console.log(JSON.stringify(result));
