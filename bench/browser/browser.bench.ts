import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { realisticClusterYaml } from '../../src/engine/testing/realisticClusterYaml';

// Knobs (environment): BENCH_SIZES=100,1000,5000  BENCH_POLICIES_ONLY=5000|none  BENCH_RUNS (default 3, 1 at ≥ 5,000)
// BENCH_TIMEOUT_MS (every wait, default 180000)  BENCH_BROWSER_OUT (the JSON file; default reports/bench-browser.json).
const root = fileURLToPath(new URL('../..', import.meta.url));
const probe = fileURLToPath(new URL('./pageProbe.js', import.meta.url));
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_MS ?? 180_000);
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number).filter((n) => n > 0);
const POLICIES_ONLY = process.env.BENCH_POLICIES_ONLY ?? String(Math.max(...SIZES));
const runsFor = (workloads: number) => Number(process.env.BENCH_RUNS ?? (workloads >= 5000 ? 1 : 3));
const OUT = process.env.BENCH_BROWSER_OUT ?? join(root, 'reports', 'bench-browser.json');
const VIEWPORT = { width: 1440, height: 900 };
const PAN_MOVES = 30;

/** What is opened: a generated dump written to a file, with where to edit it. */
interface Case {
  key: string;
  file: string;
  path: string;
  workloads: number;
  policies: number;
  namespaces: number;
  bytes: number;
  /** Offset of the last digit of the first `port: 8080` in a NetworkPolicy (typed over: 8080 → 8081). */
  portDigit: number;
  /** A namespace of the file, for the Deployment pasted at the end. */
  namespace: string;
}

type Figures = Record<string, number | null>;
interface RunResult {
  figures: Figures;
  notes: string[];
  error: string | null;
}

const METRICS = [
  'import_shown_ms',
  'import_interactive_ms',
  'import_laid_out_ms',
  'keystroke_paint_ms',
  'keystroke_frame_ms',
  'keystroke_canvas_ms',
  'keystroke_canvas_fallback_ms',
  'structural_canvas_ms',
  'structural_canvas_fallback_ms',
  'structural_laid_out_ms',
  'pan_frame_median_ms',
  'pan_frame_p95_ms',
  'pan_frames',
  'longest_task_import_ms',
  'longest_task_interaction_ms',
  'dom_nodes',
  'heap_mb',
] as const;

function makeCase(dir: string, workloads: number, policiesOnly: boolean): Case {
  const cluster = realisticClusterYaml({ workloads });
  const text = policiesOnly ? cluster.policiesOnly : cluster.all;
  const file = policiesOnly ? `policies-${workloads}.yaml` : `cluster-${workloads}.yaml`;
  const path = join(dir, file);
  writeFileSync(path, text);
  const policiesStart = text.indexOf('kind: NetworkPolicy');
  const port = /\n\s+port: 8080\n/g;
  port.lastIndex = policiesStart;
  const hit = port.exec(text);
  if (hit === null) throw new Error(`${file}: no "port: 8080" in a NetworkPolicy to edit`);
  const namespace = /\n {2}namespace: (\S+)\n/.exec(text.slice(policiesStart))?.[1] ?? 'default';
  return {
    key: policiesOnly ? `w${workloads}_policies_only` : `w${workloads}`,
    file,
    path,
    workloads: policiesOnly ? 0 : cluster.workloads,
    policies: cluster.policies,
    namespaces: cluster.namespaces,
    bytes: Buffer.byteLength(text),
    portDigit: hit.index + hit[0].indexOf('8080') + 3,
    namespace,
  };
}

const addedDeployment = (namespace: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: bench-added
  namespace: ${namespace}
  labels:
    app.kubernetes.io/name: bench-added
    app.kubernetes.io/component: api
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: bench-added
  template:
    metadata:
      labels:
        app.kubernetes.io/name: bench-added
        app.kubernetes.io/component: api
    spec:
      containers:
        - name: api
          image: registry.example.com/bench/api:1.0.0
          ports:
            - name: http
              containerPort: 8080
`;

/** Resolves like `promise`, or rejects when it has not settled within `ms` (a hung page never blocks the bench). */
function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs `window.__bench.<expression>` in the page, bounded. */
function probeCall<T>(page: Page, expression: string, what: string, ms = TIMEOUT + 10_000): Promise<T> {
  return bounded(page.evaluate(`window.__bench.${expression}`) as Promise<T>, ms, what);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** One run: open the file through the UI, then edit, paste, pan; every figure it reaches, and the first error. */
async function measureRun(browser: Browser, baseURL: string, c: Case): Promise<RunResult> {
  const figures: Figures = Object.fromEntries(METRICS.map((m) => [m, null]));
  const notes: string[] = [];
  let context: BrowserContext | undefined;
  const opened: { page?: Page } = {};
  let firstError: string | null = null;
  try {
    context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, baseURL });
    const page = await context.newPage();
    opened.page = page;
    await page.addInitScript({ path: probe });
    await page.goto('/', { timeout: TIMEOUT });
    if (!(await probeCall<boolean>(page, `settle(performance.now() + ${TIMEOUT})`, 'the start page settling'))) throw new Error('the start page never settled');

    // 1. Import → interactive: the open-files input, until laid out (and a new graph version) and a quick round trip.
    const versionBefore = await probeCall<string | null>(page, 'graphVersion()', 'graph version');
    const t0 = await probeCall<number>(page, 'now()', 'clock');
    await page.getByTestId('open-files').setInputFiles(c.path, { timeout: TIMEOUT });
    const imported = await probeCall<{ shownAt: number | null; laidOutAt: number | null; interactiveAt: number | null; error: string | null }>(
      page,
      `waitImported({ file: ${JSON.stringify(c.file)}, policies: ${c.policies}, versionBefore: ${JSON.stringify(versionBefore)}, deadline: performance.now() + ${TIMEOUT} })`,
      'import',
    );
    const since = (at: number | null, start: number) => (at === null ? null : at - start);
    figures.import_shown_ms = since(imported.shownAt, t0);
    figures.import_laid_out_ms = since(imported.laidOutAt, t0);
    figures.import_interactive_ms = since(imported.interactiveAt, t0);
    // Not laid out in time but shown: the rest is still measured, on a canvas whose layout keeps running.
    const isLaidOut = imported.interactiveAt !== null;
    if (imported.shownAt === null) throw new Error(`import: ${imported.error}`);
    if (!isLaidOut) {
      firstError = `import: ${imported.error}; the figures after it were taken while the layout was still running`;
      if (!(await probeCall<boolean>(page, `settle(performance.now() + ${TIMEOUT}, false)`, 'responsive after import'))) throw new Error('import: shown, but the main thread never answered within 50 ms');
    }
    const interactiveAt = imported.interactiveAt ?? (await probeCall<number>(page, 'now()', 'clock'));
    figures.longest_task_import_ms = await probeCall<number | null>(page, `longestTask(${t0}, ${interactiveAt})`, 'long tasks');
    figures.dom_nodes = await probeCall<number>(page, 'domNodes()', 'DOM size');
    const cdp = await context.newCDPSession(page);
    const heap = await bounded(cdp.send('Runtime.getHeapUsage').catch(() => null), 30_000, 'heap').catch(() => null);
    const heapBytes = heap?.usedSize ?? (await probeCall<number | null>(page, 'heapUsed()', 'heap'));
    figures.heap_mb = heapBytes === null ? null : heapBytes / 2 ** 20;
    const hasVersion = await probeCall<boolean>(page, 'hasGraphVersion()', 'graph version');
    if (!hasVersion) notes.push('no data-graph-version on the canvas: keystroke/structural → canvas are null; *_fallback_ms is the first DOM change inside .react-flow');

    // 2. Keystroke → paint and → canvas: the last digit of a policy's `port: 8080` typed over with 1.
    if (!(await probeCall<boolean>(page, `select(${c.portDigit}, ${c.portDigit + 1})`, 'editor selection'))) throw new Error('the YAML editor view is not reachable (.cm-content)');
    const digit = await probeCall<string | null>(page, `editorText(${c.portDigit - 3}, ${c.portDigit + 1})`, 'editor text');
    if (digit !== '8080') throw new Error(`the editor holds "${digit}" where the file has 8080`);
    await probeCall(page, 'watchCanvas()', 'canvas watch');
    const k0 = await probeCall<number>(page, 'now()', 'clock');
    await bounded(page.keyboard.type('1'), TIMEOUT, 'typing');
    const typed = await probeCall<{ at: number | null; changedAt?: number; byVersion: boolean }>(page, `waitCanvas(performance.now() + ${TIMEOUT})`, 'keystroke → canvas');
    const paint = await probeCall<{ eventTiming: number | null; inputStart: number | null; paintedAfterInput: number | null }>(page, `keystrokePaint(${k0})`, 'keystroke → paint');
    figures.keystroke_frame_ms = paint.paintedAfterInput;
    figures.keystroke_paint_ms = paint.eventTiming ?? paint.paintedAfterInput;
    if (paint.eventTiming === null) notes.push('keystroke → paint: no Event Timing entry ≥ 16 ms; the figure is keystroke_frame_ms (the frame after the input event, until painted and committed)');
    const kStart = paint.inputStart ?? k0;
    if (typed.at === null) throw new Error(`keystroke → canvas: no ${typed.byVersion ? 'new data-graph-version' : 'canvas change'} within ${TIMEOUT / 1000} s`);
    figures[typed.byVersion ? 'keystroke_canvas_ms' : 'keystroke_canvas_fallback_ms'] = typed.at - kStart;
    if (!(await probeCall<boolean>(page, `settle(performance.now() + ${TIMEOUT}, ${isLaidOut})`, 'settling after the keystroke'))) throw new Error('never settled after the keystroke');

    // 3. Structural edit → canvas: a Deployment pasted at the end of the file (one input event).
    await bounded(page.keyboard.press('Control+End'), TIMEOUT, 'Ctrl+End');
    await probeCall(page, 'watchCanvas()', 'canvas watch');
    const s0 = await probeCall<number>(page, 'now()', 'clock');
    await bounded(page.keyboard.insertText(addedDeployment(c.namespace)), TIMEOUT, 'pasting');
    const pasted = await probeCall<{ at: number | null; byVersion: boolean }>(page, `waitCanvas(performance.now() + ${TIMEOUT})`, 'structural edit → canvas');
    const sStart = (await probeCall<{ inputStart: number | null }>(page, `keystrokePaint(${s0})`, 'paste input')).inputStart ?? s0;
    if (pasted.at === null) throw new Error(`structural edit → canvas: no ${pasted.byVersion ? 'new data-graph-version' : 'canvas change'} within ${TIMEOUT / 1000} s`);
    figures[pasted.byVersion ? 'structural_canvas_ms' : 'structural_canvas_fallback_ms'] = pasted.at - sStart;
    if (!(await probeCall<boolean>(page, `settle(performance.now() + ${TIMEOUT}, ${isLaidOut})`, 'settling after the paste'))) throw new Error('never settled after the paste');
    if (isLaidOut) figures.structural_laid_out_ms = (await probeCall<number>(page, 'now()', 'clock')) - sStart;

    // 4. Pan: drag the empty pane (down, 30 moves, up) while the page records its frames.
    const point = await probeCall<{ x: number; y: number } | null>(page, 'emptyPanePoint()', 'pane point');
    if (point === null) throw new Error('pan: no empty spot on the pane to drag');
    const transform = () => page.locator('main.app__canvas .react-flow__viewport').getAttribute('style', { timeout: TIMEOUT });
    const before = await transform();
    await page.mouse.move(point.x, point.y);
    await probeCall(page, 'startFrames()', 'frames');
    await bounded(
      (async () => {
        await page.mouse.down();
        for (let i = 1; i <= PAN_MOVES; i++) await page.mouse.move(point.x + i * 8, point.y + i * 5);
        await page.mouse.up();
      })(),
      TIMEOUT,
      'pan',
    );
    await probeCall(page, `settle(performance.now() + 5000, false)`, 'frames after the pan');
    const frames = await probeCall<{ intervals: number[] }>(page, 'stopFrames()', 'frames');
    figures.pan_frames = frames.intervals.length;
    figures.pan_frame_median_ms = median(frames.intervals);
    figures.pan_frame_p95_ms = percentile(frames.intervals, 95);
    if ((await transform()) === before) notes.push('pan: the viewport did not move');
    figures.longest_task_interaction_ms = await probeCall<number | null>(page, `longestTask(${interactiveAt}, performance.now())`, 'long tasks');
    return { figures, notes, error: firstError };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { figures, notes, error: firstError === null ? message : `${firstError}; then ${message}` };
  } finally {
    // A page still busy after a timeout would keep a core for the next run: crash its renderer before closing.
    const { page } = opened;
    if (context && page && !(await bounded(page.evaluate('1'), 5_000, 'a last answer').then(() => true, () => false))) {
      const session = await bounded(context.newCDPSession(page), 5_000, 'CDP').catch(() => undefined);
      if (session) await bounded(session.send('Page.crash'), 5_000, 'crashing the page').catch(() => undefined);
    }
    if (context) await bounded(context.close(), 60_000, 'closing the page').catch(() => undefined);
  }
}

/** Medians over the runs of every figure; errors and notes kept once each. */
function summarise(c: Case, runs: RunResult[]): Record<string, unknown> {
  const out: Record<string, unknown> = { file: c.file, workloads: c.workloads, policies: c.policies, namespaces: c.namespaces, mb: round1(c.bytes / 2 ** 20), runs: runs.length };
  for (const m of METRICS) {
    const values = runs.map((r) => r.figures[m]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    out[m] = round1(median(values));
  }
  const errors = [...new Set(runs.flatMap((r, i) => (r.error ? [`run ${i + 1}: ${r.error}`] : [])))];
  const notes = [...new Set(runs.flatMap((r) => r.notes))];
  if (errors.length > 0) out.error = errors.join('; ');
  if (notes.length > 0) out.notes = notes;
  return out;
}

test('browser bench: open, edit, paste and pan realistic clusters', async ({ browser }, testInfo) => {
  const baseURL = String(testInfo.project.use.baseURL);
  const dir = join(os.tmpdir(), 'netpol-canvas-bench-yaml');
  mkdirSync(dir, { recursive: true });
  const cpus = os.cpus();
  const result: { machine: Record<string, unknown>; sizes: Record<string, unknown> } = {
    machine: {
      cpus: cpus.length,
      cpu_model: cpus[0]?.model.trim() ?? null,
      memory_gb: round1(os.totalmem() / 2 ** 30),
      platform: `${process.platform} ${process.arch}`,
      node: process.version,
      chromium: browser.version(),
      loadavg_start: os.loadavg().map((v) => round1(v)),
      viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
      timeout_ms: TIMEOUT,
    },
    sizes: {},
  };
  const plan: [number, boolean][] = SIZES.map((n) => [n, false]);
  if (POLICIES_ONLY !== 'none' && Number(POLICIES_ONLY) > 0) plan.push([Number(POLICIES_ONLY), true]);

  for (const [workloads, policiesOnly] of plan) {
    const c = makeCase(dir, workloads, policiesOnly);
    const runs: RunResult[] = [];
    for (let i = 0; i < runsFor(workloads); i++) {
      const run = await measureRun(browser, baseURL, c);
      runs.push(run);
      console.log(`bench browser ${c.key} run ${i + 1}: ${JSON.stringify({ ...Object.fromEntries(Object.entries(run.figures).map(([k, v]) => [k, round1(v)])), error: run.error })}`);
      // A run that did not get through the import will not do better a second time: stop this size there.
      if (run.figures.import_interactive_ms === null) break;
    }
    result.sizes[c.key] = summarise(c, runs);
    console.log(`bench browser ${c.key}: ${JSON.stringify(result.sizes[c.key])}`);
    writeResult(result);
  }
  result.machine.loadavg_end = os.loadavg().map((v) => round1(v));
  writeResult(result);
  console.log(JSON.stringify(result));
});

function writeResult(result: unknown): void {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result)}\n`);
}
