import type { Model } from '../model/types';
import { isInside, type IPRange } from '../ip/ipRange';
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

/** Id of the block that stands for every address no ipBlock mentions. */
export const OTHER_ADDRESSES = 'ext:other';

function blocksOf(model: Model): ExternalBlock[] {
  const byId = new Map<string, ExternalBlock>();
  for (const p of model.policies) {
    for (const rule of [...p.ingress, ...p.egress]) {
      for (const peer of rule.peers) {
        if (peer.kind !== 'ipBlock') continue;
        const label = peer.except.length > 0 ? `${peer.cidr} except ${peer.except.join(', ')}` : peer.cidr;
        const id = `ext:${label}`;
        if (!byId.has(id)) byId.set(id, { id, label, ranges: ipBlockRanges(peer.cidr, peer.except) });
      }
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function inBlock(piece: IPRange, block: ExternalBlock): boolean {
  return block.ranges.some((r) => isInside(piece, r));
}

function summarise(conns: ConnSet[]): { conns: ConnSet; isPartial: boolean } | undefined {
  if (conns.length === 0) return undefined;
  const all = conns.reduce(intersectConns);
  const some = conns.reduce(unionConns, NO_CONNS);
  if (isEmptyConns(some)) return undefined;
  return { conns: all, isPartial: !equalConns(all, some) };
}

/**
 * Groups the evaluator's address pieces into the ranges people wrote: one block
 * per distinct ipBlock, plus "any other address"; a flow's connections are what
 * every address of the block may do, flagged partial when some may do more.
 */
export function externalFlows(model: Model, ev: Evaluation): { blocks: ExternalBlock[]; flows: ExternalFlow[] } {
  const mentioned = blocksOf(model);
  const other: ExternalBlock = { id: OTHER_ADDRESSES, label: 'any other address', ranges: [] };
  const owners = (pieces: ExternalPeer[], block: ExternalBlock) =>
    pieces.map((p, k) => [p, k] as const).filter(([p]) => (block === other ? !mentioned.some((b) => inBlock(p.range, b)) : inBlock(p.range, block)));
  const { workloads } = ev.compiled;
  const n = workloads.length;
  const m = ev.egressExternals.length;
  const flows: ExternalFlow[] = [];
  for (const block of [...mentioned, other]) {
    const ins = owners(ev.ingressExternals, block);
    const outs = owners(ev.egressExternals, block);
    workloads.forEach((w, j) => {
      const into = summarise(ins.map(([, k]) => ev.fromExternal[k * n + j]));
      if (into) flows.push({ src: block.id, dst: w.id, ...into });
      const out = summarise(outs.map(([, k]) => ev.toExternal[j * m + k]));
      if (out) flows.push({ src: w.id, dst: block.id, ...out });
    });
  }
  return { blocks: [...mentioned, other], flows };
}
