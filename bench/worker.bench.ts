import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decodeModel, evaluateModel, inferWorkloads, lintModel, type Analysis, type SourceFile } from '../src/engine';
import { realisticClusterYaml } from '../src/engine/testing/realisticClusterYaml';
import { parseYamlFile } from '../src/engine/yaml/parseYamlFile';
import { sharedYamlChunkCache } from '../src/engine/yaml/yamlChunkCache';
import { summarise } from '../src/store/analysisJobs';
import { analyzeDocument } from '../src/store/analyzeDocument';
import { canvasGraph, type GraphRequest } from '../src/store/graph/canvasGraph';

// `node --import tsx bench/worker.bench.ts`: the analysis worker's path in Node for the realistic 1,000- and
// 5,000-workload files (text → analyzeDocument → canvasGraph as the canvas asks for it → summary), each run in a
// fresh process (a first open is cold, as in the browser). Then a keystroke (one `port: 8080` of a policy → 8081)
// and a pasted Deployment, each re-analysed with the previous analysis. Knobs: WORKER_BENCH_SIZES=1000,5000,
// WORKER_BENCH_RUNS=3 (runs per size; the median is printed), WORKER_BENCH_LINTS=0 (skip timing the lints), WORKER_BENCH_CLOCK=cpu (process CPU time instead of wall
// time: steadier on a shared machine, but it counts V8's helper threads too). The last line is one JSON object of the figures.

const TARGETS = { 1000: { openMs: 700, keystrokeMs: 100 }, 5000: { openMs: 3000, heapMb: 400 } } as const;
const KEYSTROKES = 7;

/** The request the canvas sends when it opens a document: no filters, decided flows only, the size decides the view. */
const REQUEST: GraphRequest = { revision: 1, hiddenNamespaces: [], draftCidrs: [], showAllFlows: false, tierView: false, collapsed: null };

/** A Deployment pasted at the end of the file, into a namespace the policies already cover. */
const PASTED = `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: pasted-api
  namespace: payments-core-prod
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: pasted-api
  template:
    metadata:
      labels:
        app.kubernetes.io/name: pasted-api
        app.kubernetes.io/component: api
    spec:
      containers:
        - name: api
          image: registry.example.com/core/api:1.0.0
          ports:
            - name: http
              containerPort: 8080
`;

type Figures = Record<string, number>;

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** JS heap plus ArrayBuffer backing stores, in MB. */
const heapMb = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20;
};

/** Milliseconds of wall time, or of this process' CPU time with WORKER_BENCH_CLOCK=cpu. */
const now =
  process.env.WORKER_BENCH_CLOCK === 'cpu'
    ? () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      }
    : () => performance.now();

/** Runs `work`, adds its time in ms to `figures[name]` and returns its result. */
function timed<T>(figures: Figures, name: string, work: () => T): T {
  const start = now();
  const result = work();
  figures[name] = (figures[name] ?? 0) + now() - start;
  return result;
}

/** The offset of the `k`-th `port: 8080` of a NetworkPolicy (after the first policy document), or -1. */
function policyPortAt(text: string, k: number): number {
  const pattern = /(?<=[\s-])port: 8080\b/g;
  pattern.lastIndex = text.indexOf('kind: NetworkPolicy');
  let found = -1;
  for (let i = 0; i <= k; i++) {
    const m = pattern.exec(text);
    if (m === null) return -1;
    found = m.index;
  }
  return found;
}

/** The worker's answers to one version: the analysis, then the graph job (what the canvas waits for), then the summary job; times in `figures`. */
function answer(figures: Figures, files: SourceFile[], previous: Analysis | undefined): Analysis {
  const analysis = timed(figures, 'analyze', () => analyzeDocument(files, previous));
  const graph = timed(figures, 'graph', () => canvasGraph(analysis, REQUEST));
  timed(figures, 'graph_clone', () => structuredClone(graph));
  const summary = timed(figures, 'summary', () => summarise(analysis, files));
  timed(figures, 'summary_clone', () => structuredClone(summary));
  figures.ready = figures.analyze + figures.graph + figures.graph_clone;
  return analysis;
}

/** Median of each figure over the runs that have it. */
function medians(runs: Figures[]): Figures {
  const out: Figures = {};
  for (const key of Object.keys(runs[0])) {
    const values = runs.map((r) => r[key]).sort((a, b) => a - b);
    out[key] = values[Math.floor(values.length / 2)];
  }
  return out;
}

/** The steps of `analyze` on a first open, timed one by one: the YAML parse (through the shared chunk cache, so decoding then reads it), decode, inference, evaluation. */
function openingSteps(files: SourceFile[], base: number): Figures {
  const open: Figures = {};
  timed(open, 'parse', () => files.map((file) => parseYamlFile(file, sharedYamlChunkCache)));
  const decoded = timed(open, 'decode', () => decodeModel(files));
  const model = timed(open, 'infer', () => inferWorkloads(decoded.model));
  timed(open, 'evaluate', () => evaluateModel(model));
  open.peak_heap_mb = heapMb() - base;
  return open;
}

/** One cold run in this process: opens the file of `workloads` workloads, then types and pastes into it. */
function child(workloads: number): Figures {
  const cluster = realisticClusterYaml({ workloads });
  const files: SourceFile[] = [{ name: 'cluster.yaml', text: cluster.all }];
  collectGarbage();
  const base = heapMb();
  // 1. Opening: analyze's steps one by one, then the worker's answers (its analysis now reads the parse cache).
  const open = openingSteps(files, base);
  const first: Figures = {};
  const analysis = answer(first, files, undefined);
  const graph = canvasGraph(analysis, REQUEST);
  const summary = summarise(analysis, files);
  const opened: Figures = { ...open, ...first, ready: first.ready - first.analyze + open.parse + open.decode + open.infer + open.evaluate };
  opened.nodes = graph.graph.nodes.length;
  opened.edges = graph.graph.edges.length;
  opened.graph_kb = serialize(graph).length / 1024;
  opened.summary_kb = serialize(summary).length / 1024;
  opened.model_kb = serialize(summary.model).length / 1024;
  collectGarbage();
  opened.heap_mb = heapMb() - base;
  // 2. Keystrokes: each changes one more policy port, analysed with the analysis of the version before.
  const typed: Figures[] = [];
  let previous = analysis;
  let text = cluster.all;
  for (let k = 0; k < KEYSTROKES; k++) {
    const at = policyPortAt(text, k * 17);
    text = `${text.slice(0, at)}port: 8081${text.slice(at + 'port: 8080'.length)}`;
    const figures: Figures = {};
    previous = answer(figures, [{ name: 'cluster.yaml', text }], previous);
    typed.push(figures);
  }
  // 3. A pasted Deployment: a new workload.
  const pasted: Figures = {};
  previous = answer(pasted, [{ name: 'cluster.yaml', text: `${text}${PASTED}` }], previous);
  const lints: Figures = {};
  if (process.env.WORKER_BENCH_LINTS !== '0') {
    try {
      timed(lints, 'lints', () => lintModel(previous.model, previous.evaluation));
    } catch (error) {
      console.error(`lints failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const prefix = (name: string, figures: Figures) => Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${name}_${k}`, v]));
  return {
    namespaces: cluster.namespaces,
    policies: cluster.policies,
    bytes: cluster.all.length,
    ...prefix('open', opened),
    ...prefix('keystroke', medians(typed)),
    ...prefix('paste', pasted),
    ...lints,
  };
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

function main(): void {
  const sizes = (process.env.WORKER_BENCH_SIZES ?? '1000,5000').split(',').map(Number);
  const runs = Number(process.env.WORKER_BENCH_RUNS ?? 3);
  const script = fileURLToPath(import.meta.url);
  const all: Record<string, Figures> = {};
  for (const size of sizes) {
    const results: Figures[] = [];
    for (let r = 0; r < runs; r++) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (run.status !== 0) throw new Error(`child ${size} failed:\n${run.stderr}`);
      if (run.stderr.trim() !== '') console.error(run.stderr.trim());
      results.push(JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Figures);
    }
    const f = medians(results);
    all[`w${size}`] = f;
    const mb = (f.bytes / 2 ** 20).toFixed(1);
    console.log(`\n${size} workloads, ${f.policies} policies, ${f.namespaces} namespaces, ${mb} MB of YAML (median of ${runs} cold runs, ${process.env.WORKER_BENCH_CLOCK === 'cpu' ? 'CPU' : 'wall'} time)`);
    console.log(
      `  open:      parse ${fmtMs(f.open_parse)}, decode ${fmtMs(f.open_decode)}, infer ${fmtMs(f.open_infer)}, evaluate ${fmtMs(f.open_evaluate)}, graph ${fmtMs(f.open_graph)} ` +
        `(${f.open_nodes} nodes, ${f.open_edges} edges), graph clone ${fmtMs(f.open_graph_clone)} (${f.open_graph_kb.toFixed(0)} kB) → canvas ready ${fmtMs(f.open_ready)}; ` +
        `summary ${fmtMs(f.open_summary)}, its clone ${fmtMs(f.open_summary_clone)} (${f.open_summary_kb.toFixed(0)} kB, model ${f.open_model_kb.toFixed(0)} kB)`,
    );
    console.log(`  heap:      ${f.open_heap_mb.toFixed(0)} MB retained after open (text, parse cache, analysis, graph, summary), ${f.open_peak_heap_mb.toFixed(0)} MB before GC after evaluate`);
    for (const step of ['keystroke', 'paste'] as const) {
      console.log(
        `  ${`${step}:`.padEnd(10)} analyze ${fmtMs(f[`${step}_analyze`])}, graph ${fmtMs(f[`${step}_graph`])}, graph clone ${fmtMs(f[`${step}_graph_clone`])} → canvas ready ${fmtMs(f[`${step}_ready`])}; ` +
          `summary ${fmtMs(f[`${step}_summary`])} + clone ${fmtMs(f[`${step}_summary_clone`])}${step === 'keystroke' ? ` (median of ${KEYSTROKES})` : ''}`,
      );
    }
    console.log(`  lints:     ${f.lints === undefined ? 'not timed' : fmtMs(f.lints)} (its own job, after the canvas and the summary)`);
  }
  console.log('');
  for (const [size, target] of Object.entries(TARGETS)) {
    const f = all[`w${size}`];
    if (f === undefined) continue;
    const check = (label: string, value: number, limit: number, unit: string) => console.log(`target ${size} ${label} ≤ ${limit} ${unit}: ${value <= limit ? 'met' : 'MISSED'} (${value.toFixed(0)} ${unit})`);
    if ('openMs' in target) check('open → canvas ready', f.open_ready, target.openMs, 'ms');
    if ('keystrokeMs' in target) check('keystroke → canvas ready', f.keystroke_ready, target.keystrokeMs, 'ms');
    if ('heapMb' in target) check('heap after open', f.open_heap_mb, target.heapMb, 'MB');
  }
  console.log(`machine: ${process.platform} ${process.arch}, node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const rounded = Object.fromEntries(Object.entries(all).map(([k, f]) => [k, Object.fromEntries(Object.entries(f).map(([key, v]) => [key, Math.round(v * 10) / 10]))]));
  console.log(JSON.stringify({ ...rounded, load_1min: loadavg()[0] }));
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) console.log(JSON.stringify(child(Number(process.argv[childAt + 1]))));
else main();
