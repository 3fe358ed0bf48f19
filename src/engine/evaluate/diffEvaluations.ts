import { formatRange, partition, isInside, universe, type IPRange } from '../ip/ipRange';
import { classEvaluator } from './classEvaluator';
import { NO_CONNS, equalConns, isEmptyConns, type ConnSet } from './connSet';
import type { Evaluation, ExternalPeer } from './evaluateModel';
import { listConnections } from './evaluateModel';

/** How a connection differs between two evaluations. */
export interface ConnectionChange {
  kind: 'added' | 'removed' | 'changed';
  src: string;
  dst: string;
  before: ConnSet;
  after: ConnSet;
}

function key(src: string, dst: string): string {
  return `${src}\u0000${dst}`;
}

function workloadPairs(ev: Evaluation): Map<string, ConnSet> {
  const out = new Map<string, ConnSet>();
  for (const c of listConnections(ev)) if (!c.src.endsWith('[External]') && !c.dst.endsWith('[External]')) out.set(key(c.src, c.dst), c.conns);
  return out;
}

/**
 * Per workload, what each piece may open toward it (`into`) and what it may open
 * toward each piece (`out`). A family the evaluation left out (no ipBlock names
 * it) is answered by evaluating that family's whole range, which every address
 * of it matches alike.
 */
function pieceAnswers(ev: Evaluation, pieces: readonly IPRange[]): { into: (k: number, j: number) => ConnSet; out: (j: number, k: number) => ConnSet } {
  const { workloads, workloadClass } = ev.compiled;
  const n = workloads.length;
  const find = (list: readonly ExternalPeer[], p: IPRange) => list.findIndex((e) => isInside(p, e.range));
  const missing = ([4, 6] as const).filter((f) => pieces.some((p) => p.family === f) && (!ev.ingressExternals.some((e) => e.range.family === f) || !ev.egressExternals.some((e) => e.range.family === f)));
  const whole: ExternalPeer[] = missing.map((f) => ({ id: '', range: universe(f) }));
  const extra = whole.length > 0 ? classEvaluator(ev.compiled, [NO_CONNS], whole, whole) : undefined;
  const fromWhole = new Map<number, ConnSet[]>();
  const toWhole = new Map<number, readonly ConnSet[]>();
  const ingressOf = pieces.map((p) => find(ev.ingressExternals, p));
  const egressOf = pieces.map((p) => find(ev.egressExternals, p));
  const wholeOf = pieces.map((p) => whole.findIndex((w) => w.range.family === p.family));
  return {
    into: (k, j) => {
      if (ingressOf[k] >= 0) return ev.fromExternal[ingressOf[k] * n + j];
      if (!extra || wholeOf[k] < 0) return NO_CONNS;
      const c = workloadClass[j];
      let list = fromWhole.get(c);
      if (!list) fromWhole.set(c, (list = extra.fromPieces(c)));
      return list[wholeOf[k]];
    },
    out: (j, k) => {
      if (egressOf[k] >= 0) return ev.egressRows[workloadClass[j]][egressOf[k]];
      if (!extra || wholeOf[k] < 0) return NO_CONNS;
      const c = workloadClass[j];
      let list = toWhole.get(c);
      if (!list) toWhole.set(c, (list = extra.toPieces(c)));
      return list[wholeOf[k]];
    },
  };
}

/** Connections with address pieces, re-cut on the pieces of both evaluations so ranges line up, in both IP families. */
function externalPairs(ev: Evaluation, pieces: readonly IPRange[]): Map<string, ConnSet> {
  const out = new Map<string, ConnSet>();
  const { workloads } = ev.compiled;
  const answers = pieceAnswers(ev, pieces);
  pieces.forEach((p, k) => {
    const id = `${formatRange(p)}[External]`;
    workloads.forEach((w, j) => {
      const into = answers.into(k, j);
      if (!isEmptyConns(into)) out.set(key(id, w.id), into);
      const to = answers.out(j, k);
      if (!isEmptyConns(to)) out.set(key(w.id, id), to);
    });
  });
  return out;
}

/** The pieces of both evaluations (and of `extra` ranges), IPv4 and IPv6 always. */
function refinedPieces(a: Evaluation, b: Evaluation, extra: readonly IPRange[]): IPRange[] {
  const ranges = [...a.ingressExternals, ...a.egressExternals, ...b.ingressExternals, ...b.egressExternals].map((e) => e.range).concat(extra);
  return ([4, 6] as const).flatMap((f) => partition(f, ranges));
}

/** Every allowed connection of `ev` keyed by source and destination, address pieces cut at `pieces` (both families). */
export function connectionTable(ev: Evaluation, pieces: readonly IPRange[]): Map<string, ConnSet> {
  return new Map([...workloadPairs(ev), ...externalPairs(ev, pieces)]);
}

/**
 * The connections added, removed and changed from `before` to `after`, workload
 * pairs and address pieces alike (pieces re-cut so both sides use the same ranges,
 * also at `extraCuts`; IPv4 and IPv6 always, whether or not an ipBlock names the
 * family), sorted by source then destination.
 */
export function diffEvaluations(before: Evaluation, after: Evaluation, extraCuts: readonly IPRange[] = []): ConnectionChange[] {
  const pieces = refinedPieces(before, after, extraCuts);
  const a = connectionTable(before, pieces);
  const b = connectionTable(after, pieces);
  const changes: ConnectionChange[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const [src, dst] = k.split('\u0000');
    const was = a.get(k) ?? NO_CONNS;
    const now = b.get(k) ?? NO_CONNS;
    if (equalConns(was, now)) continue;
    const kind = isEmptyConns(was) ? 'added' : isEmptyConns(now) ? 'removed' : 'changed';
    changes.push({ kind, src, dst, before: was, after: now });
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return changes.sort((x, y) => cmp(x.src, y.src) || cmp(x.dst, y.dst));
}
