import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/cli/readInputs';
import { analyze, evaluateModel, listConnections, type Evaluation, type ExternalPeer, type Model, type NetworkPolicy, type Rule } from '../src/engine';
import { naiveEvaluate, naiveProbePorts, type NaiveEndpoint } from '../src/engine/evaluate/naiveEvaluate';
import { dumpShapedCluster } from '../src/engine/testing/dumpShapedCluster';
import { realisticCluster } from '../src/engine/testing/realisticCluster';

const RUNS = 5;
const NAIVE_BUDGET_MS = 60_000;
const NAIVE_SAMPLE = 200;
const TARGET_MS = 150;
const TARGET_SPEEDUP = 30;
const TARGET_DUMP_MS = 3000;
const TARGET_DUMP_HEAP_MB = 500;
const TARGET_EDIT_MS = 16;
const EDITS = 21;
const DUMP = { workloads: 5000, policies: 15000 };
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

/** A full garbage collection, so heap figures count only what is still referenced. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** JS heap plus ArrayBuffer backing stores (typed arrays live outside the JS heap), in MB. */
const heapMb = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20;
};

/** One small edit of policy `k` of several kinds (a port, a peer, the podSelector, a rule, the whole policy), as the YAML editor makes them. */
function editPolicy(model: Model, k: number): Model {
  const policies = [...model.policies];
  const i = (k * 7919) % policies.length;
  const p = policies[i];
  const firstRule = (rules: Rule[], change: (r: Rule) => Rule) => (rules.length === 0 ? [change({ peers: [], ports: [] })] : [change(rules[0]), ...rules.slice(1)]);
  const edits: ((p: NetworkPolicy) => NetworkPolicy | undefined)[] = [
    (q) => ({ ...q, ingress: firstRule(q.ingress, (r) => ({ ...r, ports: [...r.ports, { protocol: 'TCP', isProtocolDefaulted: false, port: 8000 + k }] })) }),
    (q) => ({ ...q, ingress: firstRule(q.ingress, (r) => ({ ...r, peers: [...r.peers, { kind: 'selector', podSelector: { matchLabels: { tier: 'worker' }, matchExpressions: [] } }] })) }),
    (q) => ({ ...q, podSelector: { matchLabels: { tier: 'cache' }, matchExpressions: [] } }),
    (q) => ({ ...q, egress: q.egress.slice(1), ingress: q.ingress.slice(1) }),
    () => undefined,
    (q) => ({ ...q, policyTypes: ['Ingress', 'Egress'], egress: [{ peers: [{ kind: 'selector', namespaceSelector: { matchLabels: { team: 'platform' }, matchExpressions: [] } }], ports: [] }] }),
  ];
  const edited = edits[k % edits.length](p);
  if (edited) policies[i] = edited;
  else policies.splice(i, 1);
  return { ...model, policies };
}

/** Median time of one-policy edits re-evaluated from the previous evaluation; each edited model is a fresh copy, as decoding the edited YAML gives. */
function editMs(model: Model): number {
  const base = evaluateModel(model);
  const edited = Array.from({ length: EDITS + 1 }, (_, k) => structuredClone(editPolicy(model, k)));
  const times = edited.map((m) => {
    const start = performance.now();
    evaluateModel(m, base);
    return performance.now() - start;
  });
  times.shift();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const fmt = (ms: number | null) => (ms === null ? '-' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);
const rows: string[][] = [['case', 'workloads', 'policies', 'real (median of 5)', 'naive', 'naive/real', 'naive timing']];
const figures: Record<string, number | boolean | null> = {};

const input = conformanceDir();
if (input) {
  const { files } = readInputs([input], () => '');
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

{
  collectGarbage();
  const before = heapMb();
  const model = dumpShapedCluster(DUMP);
  collectGarbage();
  const ms = medianMs(() => evaluateModel(model));
  collectGarbage();
  const start = heapMb();
  const ev = evaluateModel(model);
  const afterMb = heapMb();
  collectGarbage();
  const retained = heapMb() - start;
  const listMs = medianMs(() => listConnections(ev));
  figures.w5000_p15000_ms = ms;
  figures.heap_w5000_p15000_mb = retained;
  figures.w5000_p15000_list_ms = listMs;
  rows.push([`dump-shaped ${DUMP.workloads}×${DUMP.policies}`, `${model.workloads.length}`, `${model.policies.length}`, fmt(ms), '-', '-', `${model.namespaces.length} namespaces, ${ev.compiled.classMembers.length} classes; evaluation retains ${retained.toFixed(0)} MB of heap + array buffers (${(afterMb - start).toFixed(0)} MB before GC; the model ${(start - before).toFixed(0)} MB); listConnections ${fmt(listMs)}`]);
}
{
  const model = realisticCluster({ workloads: 1000, policies: 300 });
  const ms = editMs(model);
  figures.w1000_p300_edit_ms = ms;
  rows.push(['realistic 1000×300, one-policy edit', '1000', '300', fmt(ms), '-', '-', `median of ${EDITS} edits, evaluateModel(edited, previous)`]);
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
const dumpMs = figures.w5000_p15000_ms as number;
const dumpHeap = figures.heap_w5000_p15000_mb as number;
const edit = figures.w1000_p300_edit_ms as number;
console.log(`target ${DUMP.workloads} × ${DUMP.policies} at the dump's shape ≤ ${TARGET_DUMP_MS} ms: ${dumpMs <= TARGET_DUMP_MS ? 'met' : 'MISSED'} (${fmt(dumpMs)}; from an in-memory Model: no YAML parse or decode)`);
console.log(`target its evaluation ≤ ${TARGET_DUMP_HEAP_MB} MB of heap: ${dumpHeap <= TARGET_DUMP_HEAP_MB ? 'met' : 'MISSED'} (${dumpHeap.toFixed(0)} MB of heap + array buffers retained after GC)`);
console.log(`target one-policy edit of 1000 × 300 ≤ ${TARGET_EDIT_MS} ms: ${edit <= TARGET_EDIT_MS ? 'met' : 'MISSED'} (${fmt(edit)})`);
console.log(`machine: ${process.platform} ${process.arch}, node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; real = evaluateModel over all pairs and external pieces`);
figures.load_1min = loadavg()[0];
const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v]));
console.log(JSON.stringify(rounded));
