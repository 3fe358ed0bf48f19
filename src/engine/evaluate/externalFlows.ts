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
  /** Per block, the indices of the ingress pieces (`ev.ingressExternals`) inside it. */
  ingressPieces: number[][];
  /** Per block, the indices of the egress pieces (`ev.egressExternals`) inside it. */
  egressPieces: number[][];
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
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Indices of the pieces (sorted and disjoint per family, as the evaluator cuts them) lying entirely inside one of `ranges`, ascending. */
function piecesInside(pieces: readonly ExternalPeer[], ranges: readonly IPRange[]): number[] {
  const inside = new Set<number>();
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
    for (let k = lo; k < pieces.length && pieces[k].range.family === r.family && pieces[k].range.end <= r.end; k++) inside.add(k);
  }
  return [...inside].sort((a, b) => a - b);
}

/** The pieces no mentioned block holds. */
function piecesOutside(count: number, held: readonly number[][]): number[] {
  const isHeld = new Uint8Array(count);
  for (const list of held) for (const k of list) isHeld[k] = 1;
  const out: number[] = [];
  for (let k = 0; k < count; k++) if (isHeld[k] === 0) out.push(k);
  return out;
}

/** Groups the evaluator's address pieces into the ranges people wrote: one block per distinct ipBlock, plus "any other address". */
export function externalBlocks(model: Model, ev: Evaluation): ExternalBlocks {
  const mentioned = blocksOf(model, ev);
  const ingressPieces = mentioned.map((b) => piecesInside(ev.ingressExternals, b.ranges));
  const egressPieces = mentioned.map((b) => piecesInside(ev.egressExternals, b.ranges));
  const other: ExternalBlock = { id: OTHER_ADDRESSES, label: 'any other address', ranges: [] };
  return {
    blocks: [...mentioned, other],
    ingressPieces: [...ingressPieces, piecesOutside(ev.ingressExternals.length, ingressPieces)],
    egressPieces: [...egressPieces, piecesOutside(ev.egressExternals.length, egressPieces)],
  };
}

/** What a workload and one block may open toward each other. */
interface BlockFlow {
  block: number;
  conns: ConnSet;
  isPartial: boolean;
}

/** Per block with an allowed address, what every address of it may do, and whether some may do more; `at(k)` answers address piece `k` of `m`. */
function blockFlowsOf(at: (k: number) => ConnSet, m: number, piecesOf: readonly number[][]): BlockFlow[] {
  const flows: BlockFlow[] = [];
  // 1. One answer for every piece (an open side, or no address rule): every block with a piece gets it whole.
  let same: ConnSet | undefined = m > 0 ? at(0) : NO_CONNS;
  for (let k = 1; k < m && same !== undefined; k++) if (at(k) !== same) same = undefined;
  if (same !== undefined) {
    if (isEmptyConns(same)) return flows;
    piecesOf.forEach((pieces, block) => {
      if (pieces.length > 0) flows.push({ block, conns: same, isPartial: false });
    });
    return flows;
  }
  // 2. Otherwise, per block: the intersection (what every address may do) and the union (what some may do).
  piecesOf.forEach((pieces, block) => {
    if (pieces.length === 0) return;
    const first = at(pieces[0]);
    let all = first;
    let some = first;
    for (let i = 1; i < pieces.length; i++) {
      const conns = at(pieces[i]);
      if (conns === first) continue;
      all = intersectConns(all, conns);
      some = unionConns(some, conns);
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
    flows = blockFlowsOf((k) => ev.fromExternal[k * n + j], ev.ingressExternals.length, external.ingressPieces);
  } else {
    const row = ev.egressRows[ev.compiled.workloadClass[j]];
    let byRow = egressFlowsByRow.get(external);
    if (byRow === undefined) egressFlowsByRow.set(external, (byRow = new WeakMap()));
    let known = byRow.get(row);
    if (known === undefined) byRow.set(row, (known = blockFlowsOf((k) => row[k], row.length, external.egressPieces)));
    flows = known;
  }
  for (const flow of flows) visit(flow.block, flow.conns, flow.isPartial);
}

/**
 * Groups the evaluator's address pieces into the ranges people wrote: one block
 * per distinct ipBlock, plus "any other address"; a flow's connections are what
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
