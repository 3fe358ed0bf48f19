import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/cli/readInputs';
import { analyze, evaluateModel, type Evaluation, type ExternalPeer, type Model } from '../src/engine';
import { naiveEvaluate, naiveProbePorts, type NaiveEndpoint } from '../src/engine/evaluate/naiveEvaluate';
import { realisticCluster } from '../src/engine/testing/realisticCluster';

const RUNS = 5;
const NAIVE_BUDGET_MS = 60_000;
const NAIVE_SAMPLE = 200;
const TARGET_MS = 150;
const TARGET_SPEEDUP = 30;
const SIZES = [
  { workloads: 100, policies: 30 },
  { workloads: 1000, policies: 300 },
  { workloads: 5000, policies: 1000 },
];

/** Median of `RUNS` timed runs after one untimed warm-up run. */
function medianMs(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

function formatAddress(ext: ExternalPeer): string {
  const { family, start } = ext.range;
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => `${(start >> s) & 255n}`).join('.');
  return [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((start >> s) & 0xffffn).toString(16)).join(':');
}

/** Everything a full evaluation answers, as naive questions: every ordered pair, then every workload from and to every external piece. */
function naiveTasks(model: Model, ev: Evaluation): { count: number; at: (k: number) => [NaiveEndpoint, NaiveEndpoint] } {
  const n = model.workloads.length;
  const w = (index: number): NaiveEndpoint => ({ kind: 'workload', index });
  const ip = (ext: ExternalPeer): NaiveEndpoint => ({ kind: 'address', ip: formatAddress(ext) });
  const pairs = n * (n - 1);
  const ins = ev.ingressExternals.length * n;
  return {
    count: pairs + ins + ev.egressExternals.length * n,
    at: (k) => {
      if (k < pairs) {
        const s = Math.floor(k / (n - 1));
        const d = k % (n - 1);
        return [w(s), w(d >= s ? d + 1 : d)];
      }
      if (k < pairs + ins) return [ip(ev.ingressExternals[Math.floor((k - pairs) / n)]), w((k - pairs) % n)];
      const e = k - pairs - ins;
      return [w(e % n), ip(ev.egressExternals[Math.floor(e / n)])];
    },
  };
}

interface NaiveTiming {
  ms: number;
  how: string;
}

/** Times the naive evaluator on everything when a sample says it fits the budget, otherwise extrapolates from the sample. */
function timeNaive(model: Model): NaiveTiming {
  const ev = evaluateModel(model);
  const tasks = naiveTasks(model, ev);
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const sample = Math.min(NAIVE_SAMPLE, tasks.count);
  const probes = naiveProbePorts(model);
  const start = performance.now();
  for (let i = 0; i < sample; i++) naiveEvaluate(model, ...tasks.at(Math.floor(random() * tasks.count)), probes);
  const estimate = ((performance.now() - start) / sample) * tasks.count;
  if (estimate > NAIVE_BUDGET_MS) {
    return { ms: estimate, how: `estimated: ${sample} random of ${tasks.count} tasks, extrapolated (full run would take ~${(estimate / 1000).toFixed(0)} s > 60 s)` };
  }
  const full = performance.now();
  for (let k = 0; k < tasks.count; k++) naiveEvaluate(model, ...tasks.at(k), probes);
  return { ms: performance.now() - full, how: `measured: all ${tasks.count} tasks, one run` };
}

function conformanceDir(): string | undefined {
  const dir = process.env.CONFORMANCE_DIR ?? fileURLToPath(new URL('../../shared/conformance/netpol-analyzer', import.meta.url));
  const input = join(dir, 'cases', 'ipblockstest_4', 'input');
  return existsSync(input) ? input : undefined;
}

const fmt = (ms: number | null) => (ms === null ? '-' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);
const rows: string[][] = [['case', 'workloads', 'policies', 'real (median of 5)', 'naive', 'naive/real', 'naive timing']];
const figures: Record<string, number | boolean | null> = {};

const input = conformanceDir();
if (input) {
  const files = readInputs([input], () => '');
  const ms = medianMs(() => analyze(files));
  const { model } = analyze(files);
  const naive = timeNaive(model);
  figures.ipblockstest_4_ms = ms;
  figures.naive_ipblockstest_4_ms = naive.ms;
  rows.push(['ipblockstest_4 (parse+evaluate)', `${model.workloads.length}`, `${model.policies.length}`, fmt(ms), fmt(naive.ms), `${(naive.ms / ms).toFixed(0)}×`, `${naive.how}; naive excludes parsing`]);
} else {
  figures.ipblockstest_4_ms = null;
  rows.push(['ipblockstest_4 (parse+evaluate)', '-', '-', 'skipped: corpus not found (set CONFORMANCE_DIR)', '-', '-', '-']);
}

for (const size of SIZES) {
  const model = realisticCluster(size);
  const key = `w${size.workloads}_p${size.policies}`;
  const ms = medianMs(() => evaluateModel(model));
  const naive = timeNaive(model);
  figures[`${key}_ms`] = ms;
  figures[`naive_${key}_ms`] = naive.ms;
  figures[`naive_${key}_estimated`] = naive.how.startsWith('estimated');
  figures[`speedup_w${size.workloads}`] = naive.ms / ms;
  rows.push([`realistic ${size.workloads}×${size.policies}`, `${size.workloads}`, `${size.policies}`, fmt(ms), fmt(naive.ms), `${(naive.ms / ms).toFixed(0)}×`, naive.how]);
}

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const [i, r] of rows.entries()) {
  console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
const real1000 = figures.w1000_p300_ms as number;
const speedup1000 = figures.speedup_w1000 as number;
console.log(`\ntarget 1000 workloads × 300 policies ≤ ${TARGET_MS} ms: ${real1000 <= TARGET_MS ? 'met' : 'MISSED'} (${fmt(real1000)})`);
console.log(`target ≥ ${TARGET_SPEEDUP}× faster than naive: ${speedup1000 >= TARGET_SPEEDUP ? 'met' : 'MISSED'} (${speedup1000.toFixed(0)}×)`);
console.log(`machine: ${process.platform} ${process.arch}, node ${process.version}; real = evaluateModel over all pairs and external pieces`);
const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v]));
console.log(JSON.stringify(rounded));
