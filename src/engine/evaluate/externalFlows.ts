import type { Model } from '../model/types';
import type { IPRange } from '../ip/ipRange';
import { ipBlockRanges } from './compileModel';
import { NO_CONNS, equalConns, intersectConns, isEmptyConns, unionConns, type ConnSet } from './connSet';
import type { Evaluation, ExternalPeer } from './evaluateModel';

/** An address range the policies mention (an ipBlock as written), or every other address. */
export interface ExternalBlock {
  /** `ext:<cidr>[ except <cidr>,…]`, or `ext:other`. */
  id: string;
  /** Readable form: `0.0.0.0/0 except 10.0.0.0/8`, or `any other address`. */
  label: string;
  ranges: IPRange[];
}

/** Allowed connections between a workload and an external block. */
export interface ExternalFlow {
  src: string;
  dst: string;
  /** What every address of the block may do. */
  conns: ConnSet;
  /** True when some addresses of the block may do more than `conns`. */
  isPartial: boolean;
}

/** The blocks of a model (mentioned ones sorted by id, then every other address) and the evaluator's address pieces each holds. */
export interface ExternalBlocks {
  blocks: ExternalBlock[];
  /** Per block, the ingress pieces (`ev.ingressExternals`) inside it, as ascending half-open index spans `[start, end, start, end, …]`. */
  ingressSpans: number[][];
  /** Per block, the egress pieces (`ev.egressExternals`) inside it, as spans likewise. */
  egressSpans: number[][];
}

/** Id of the block that stands for every address no ipBlock mentions. */
export const OTHER_ADDRESSES = 'ext:other';

/** The ranges of an ipBlock, from the compile cache when it parsed them already. */
function rangesOf(ev: Evaluation, cidr: string, except: readonly string[]): IPRange[] {
  return ev.compiled.cache.blockRanges.get(`ip:${cidr} ${except.join(' ')}`) ?? ipBlockRanges(cidr, except);
}

function blocksOf(model: Model, ev: Evaluation): ExternalBlock[] {
  const byId = new Map<string, ExternalBlock>();
  for (const p of model.policies) {
    for (const rule of [...p.ingress, ...p.egress]) {
      for (const peer of rule.peers) {
        if (peer.kind !== 'ipBlock') continue;
        const label = peer.except.length > 0 ? `${peer.cidr} except ${peer.except.join(', ')}` : peer.cidr;
        const id = `ext:${label}`;
        if (!byId.has(id)) byId.set(id, { id, label, ranges: rangesOf(ev, peer.cidr, peer.except) });
      }
    }
  }
  // Cluster policies name addresses in egress `networks` peers: each CIDR is a block too.
  for (const p of model.clusterPolicies) {
    for (const rule of p.egress) {
      for (const peer of rule.peers) {
        if (peer.kind !== 'networks') continue;
        for (const cidr of peer.cidrs) if (!byId.has(`ext:${cidr}`)) byId.set(`ext:${cidr}`, { id: `ext:${cidr}`, label: cidr, ranges: rangesOf(ev, cidr, []) });
      }
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The spans of pieces (sorted and disjoint per family, as the evaluator cuts them) lying entirely inside one of `ranges`. */
function spansInside(pieces: readonly ExternalPeer[], ranges: readonly IPRange[]): number[] {
  const spans: [number, number][] = [];
  for (const r of ranges) {
    // 1. The first piece of the range's family starting at or after the range, 2. every piece up to its end.
    let lo = 0;
    let hi = pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = pieces[mid].range;
      if (p.family < r.family || (p.family === r.family && p.start < r.start)) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < pieces.length && pieces[end].range.family === r.family && pieces[end].range.end <= r.end) end++;
    if (end > lo) spans.push([lo, end]);
  }
  return spans.sort((a, b) => a[0] - b[0]).flat();
}

/** The spans of the pieces no mentioned block holds. */
function spansOutside(count: number, held: readonly number[][]): number[] {
  const isHeld = new Uint8Array(count);
  for (const spans of held) for (let i = 0; i < spans.length; i += 2) isHeld.fill(1, spans[i], spans[i + 1]);
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    if (isHeld[k] === 1) continue;
    if (out.length > 0 && out[out.length - 1] === k) out[out.length - 1] = k + 1;
    else out.push(k, k + 1);
  }
  return out;
}

/** The last grouping made for each set of egress pieces (an edit that keeps the ipBlocks keeps the pieces, and with them the block flows of every unchanged row). */
const groupings = new WeakMap<readonly ExternalPeer[], { ingress: readonly ExternalPeer[]; key: string; external: ExternalBlocks }>();

/** Groups the evaluator's address pieces into the ranges people wrote: one block per distinct ipBlock or cluster `networks` CIDR, plus "any other address". */
export function externalBlocks(model: Model, ev: Evaluation): ExternalBlocks {
  const mentioned = blocksOf(model, ev);
  const key = mentioned.map((b) => b.id).join('\n');
  const known = groupings.get(ev.egressExternals);
  if (known !== undefined && known.ingress === ev.ingressExternals && known.key === key) return known.external;
  const external = groupPieces(mentioned, ev);
  groupings.set(ev.egressExternals, { ingress: ev.ingressExternals, key, external });
  return external;
}

function groupPieces(mentioned: ExternalBlock[], ev: Evaluation): ExternalBlocks {
  const ingressSpans = mentioned.map((b) => spansInside(ev.ingressExternals, b.ranges));
  const egressSpans = mentioned.map((b) => spansInside(ev.egressExternals, b.ranges));
  const other: ExternalBlock = { id: OTHER_ADDRESSES, label: 'any other address', ranges: [] };
  return {
    blocks: [...mentioned, other],
    ingressSpans: [...ingressSpans, spansOutside(ev.ingressExternals.length, ingressSpans)],
    egressSpans: [...egressSpans, spansOutside(ev.egressExternals.length, egressSpans)],
  };
}

/** What a workload and one block may open toward each other. */
interface BlockFlow {
  block: number;
  conns: ConnSet;
  isPartial: boolean;
}

/** A row of answers per address piece as runs of one answer: where each run starts, and its answer. */
interface Runs {
  starts: number[];
  values: ConnSet[];
}

function runsOf(at: (k: number) => ConnSet, m: number): Runs {
  const runs: Runs = { starts: [], values: [] };
  for (let k = 0; k < m; k++) {
    const conns = at(k);
    if (k > 0 && conns === runs.values[runs.values.length - 1]) continue;
    runs.starts.push(k);
    runs.values.push(conns);
  }
  return runs;
}

/** Per block with an allowed address, what every address of it may do, and whether some may do more: each distinct answer (by identity) of the runs its spans cross combined once. */
function blockFlowsOf(runs: Runs, spansOf: readonly number[][]): BlockFlow[] {
  const { starts, values } = runs;
  const flows: BlockFlow[] = [];
  spansOf.forEach((spans, block) => {
    if (spans.length === 0) return;
    const seen: ConnSet[] = [];
    let all = NO_CONNS;
    let some = NO_CONNS;
    for (let i = 0; i < spans.length; i += 2) {
      // 1. The run holding the span's first piece, 2. every run starting before the span's end.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= spans[i]) lo = mid;
        else hi = mid - 1;
      }
      for (let r = lo; r < starts.length && starts[r] < spans[i + 1]; r++) {
        const conns = values[r];
        if (seen.includes(conns)) continue;
        all = seen.length === 0 ? conns : intersectConns(all, conns);
        some = seen.length === 0 ? conns : unionConns(some, conns);
        seen.push(conns);
      }
    }
    if (!isEmptyConns(some)) flows.push({ block, conns: all, isPartial: all !== some && !equalConns(all, some) });
  });
  return flows;
}

/** Egress block flows by egress row (classes alike share a row), per grouping of blocks. */
const egressFlowsByRow = new WeakMap<ExternalBlocks, WeakMap<readonly ConnSet[], BlockFlow[]>>();

/**
 * What workload `j` and each block may open in one direction (`ingress`: from the block's addresses into `j`;
 * `egress`: from `j` to them), block by block, skipping blocks none of whose addresses is allowed: `conns` is what
 * every address of the block may do, `isPartial` says some may do more.
 */
export function visitBlockFlows(
  ev: Evaluation,
  external: ExternalBlocks,
  j: number,
  direction: 'ingress' | 'egress',
  visit: (block: number, conns: ConnSet, isPartial: boolean) => void,
): void {
  let flows: BlockFlow[];
  if (direction === 'ingress') {
    const n = ev.compiled.workloads.length;
    flows = blockFlowsOf(runsOf((k) => ev.fromExternal[k * n + j], ev.ingressExternals.length), external.ingressSpans);
  } else {
    const row = ev.egressRows[ev.compiled.workloadClass[j]];
    let byRow = egressFlowsByRow.get(external);
    if (byRow === undefined) egressFlowsByRow.set(external, (byRow = new WeakMap()));
    let known = byRow.get(row);
    if (known === undefined) byRow.set(row, (known = blockFlowsOf(runsOf((k) => row[k], row.length), external.egressSpans)));
    flows = known;
  }
  for (const flow of flows) visit(flow.block, flow.conns, flow.isPartial);
}

/**
 * Groups the evaluator's address pieces into the ranges people wrote: one block
 * per distinct ipBlock or cluster `networks` CIDR, plus "any other address"; a flow's connections are what
 * every address of the block may do, flagged partial when some may do more.
 */
export function externalFlows(model: Model, ev: Evaluation): { blocks: ExternalBlock[]; flows: ExternalFlow[] } {
  const external = externalBlocks(model, ev);
  // Block by block, then workload by workload, each workload's inbound flow before its outbound one.
  const byBlock: ExternalFlow[][] = external.blocks.map(() => []);
  ev.compiled.workloads.forEach((w, j) => {
    visitBlockFlows(ev, external, j, 'ingress', (b, conns, isPartial) => byBlock[b].push({ src: external.blocks[b].id, dst: w.id, conns, isPartial }));
    visitBlockFlows(ev, external, j, 'egress', (b, conns, isPartial) => byBlock[b].push({ src: w.id, dst: external.blocks[b].id, conns, isPartial }));
  });
  const flows = byBlock.flat();
  return { blocks: external.blocks, flows };
}
