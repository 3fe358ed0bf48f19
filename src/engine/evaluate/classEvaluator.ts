import { isInRanges, type CompiledModel, type CompiledRule } from './compileModel';
import { ALL_CONNS, NO_CONNS, intersectConns, isAllConns, isEmptyConns, unionConns, type ConnSet } from './connSet';
import type { IPRange } from '../ip/ipRange';
import type { ExternalPeer } from './evaluateModel';
import { NO_VERDICT, tierVerdict, tieredSide } from './tieredSide';

/** One side of a class: its rules deduplicated by (peer mask, port matcher). */
interface Side {
  isIsolated: boolean;
  masks: Uint8Array[];
  conns: ((dest: number) => ConnSet)[];
  /** The deduplicated rules that may admit addresses (ipBlock or any peer). */
  addressRules: CompiledRule[];
}

/** Class-level answers of an evaluation: workload pairs as ids into a shared connection table, and address pieces. */
export interface ClassEvaluator {
  /** Table id of what class `s` may open toward class `d` (0 = nothing). */
  cell(s: number, d: number): number;
  /** The classes that may reach class `d` at all: those some ingress rule admits, or undefined (every class) when `d` is not ingress-isolated. */
  sourcesOf(d: number): readonly number[] | undefined;
  /** Per ingress address piece, what it may open toward class `d`. */
  fromPieces(d: number): ConnSet[];
  /** Per egress address piece, what class `s` may open toward it; classes whose egress sides admit the same addresses alike share one (never mutated) array. */
  toPieces(s: number): readonly ConnSet[];
}

function contentKey(c: ConnSet): string {
  return `${c.SCTP.join(',')}|${c.TCP.join(',')}|${c.UDP.join(',')}`;
}

function sideOf(rules: readonly CompiledRule[], isIsolated: boolean): Side {
  const side: Side = { isIsolated, masks: [], conns: [], addressRules: [] };
  for (const r of rules) {
    if (side.masks.some((mask, k) => mask === r.podMask && side.conns[k] === r.connsTo)) continue;
    side.masks.push(r.podMask);
    side.conns.push(r.connsTo);
    if (r.isAnyPeer || r.ipRanges.length > 0) side.addressRules.push(r);
  }
  return side;
}

/**
 * Evaluates at class level (every member of a class behaves as its first),
 * appending each distinct connection set it meets to `connTable` (entry 0 is
 * the empty set; sets already there are found by content).
 */
export function classEvaluator(compiled: CompiledModel, connTable: ConnSet[], ingressExternals: readonly ExternalPeer[], egressExternals: readonly ExternalPeer[]): ClassEvaluator {
  const reps = compiled.classMembers.map((m) => m[0]);
  const C = reps.length;
  // Sides built on first use: a patch touches few of them.
  const ingressSides: (Side | undefined)[] = new Array<Side | undefined>(C).fill(undefined);
  const egressSides: (Side | undefined)[] = new Array<Side | undefined>(C).fill(undefined);
  const ingressOf = (c: number): Side => (ingressSides[c] ??= sideOf(compiled.ingressRules[reps[c]], compiled.ingressPolicies[reps[c]].length > 0));
  const egressOf = (c: number): Side => (egressSides[c] ??= sideOf(compiled.egressRules[reps[c]], compiled.egressPolicies[reps[c]].length > 0));
  const tableIds = new Map(connTable.map((c, id) => [contentKey(c), id]));
  // Most pairs meet the same few rule results: remember each intersection (and its table id) by identity.
  const pairIds = new Map<ConnSet, Map<ConnSet, number>>();
  const idOf = (out: ConnSet, into: ConnSet): number => {
    let row = pairIds.get(out);
    if (!row) pairIds.set(out, (row = new Map()));
    let id = row.get(into);
    if (id === undefined) {
      const conns = intersectConns(out, into);
      const key = contentKey(conns);
      id = isEmptyConns(conns) ? 0 : tableIds.get(key);
      if (id === undefined) {
        id = connTable.length;
        connTable.push(conns);
        tableIds.set(key, id);
      }
      row.set(into, id);
    }
    return id;
  };
  // Unions memoised by identity too, so equal inputs give the same object (and hit `pairIds`).
  const unions = new Map<ConnSet, Map<ConnSet, ConnSet>>();
  const unionOf = (a: ConnSet, b: ConnSet): ConnSet => {
    if (a === NO_CONNS || a === b) return b;
    let row = unions.get(a);
    if (!row) unions.set(a, (row = new Map()));
    let u = row.get(b);
    if (!u) row.set(b, (u = unionConns(a, b)));
    return u;
  };
  const classLists = new Map<Uint8Array, number[]>();
  const { workloadClass } = compiled;
  // The classes whose representative a mask admits, ascending: found by jumping between its set bytes (masks are sparse).
  const classesIn = (mask: Uint8Array): number[] => {
    let list = classLists.get(mask);
    if (!list) {
      list = [];
      for (let i = mask.indexOf(1); i >= 0; i = mask.indexOf(1, i + 1)) if (reps[workloadClass[i]] === i) list.push(workloadClass[i]);
      classLists.set(mask, list);
    }
    return list;
  };
  const stamp = new Uint32Array(C);
  let generation = 0;
  // Rules sharing a peer mask share their peers, hence the pieces they admit.
  const pieceMasks = new Map<readonly ExternalPeer[], Map<Uint8Array, Uint8Array>>([
    [ingressExternals, new Map()],
    [egressExternals, new Map()],
  ]);
  const piecesOf = (r: CompiledRule, pieces: readonly ExternalPeer[]): Uint8Array => {
    const byPeers = pieceMasks.get(pieces) ?? new Map<Uint8Array, Uint8Array>();
    let mask = byPeers.get(r.podMask);
    if (!mask) {
      mask = Uint8Array.from(pieces, (p) => (r.isAnyPeer || isInRanges(p.range, r.ipRanges) ? 1 : 0));
      byPeers.set(r.podMask, mask);
    }
    return mask;
  };
  const addressSide = (side: Side, pieces: readonly ExternalPeer[], dest: number): ConnSet[] => {
    const out = new Array<ConnSet>(pieces.length).fill(side.isIsolated ? NO_CONNS : ALL_CONNS);
    if (!side.isIsolated) return out;
    for (const r of side.addressRules) {
      const admitted = piecesOf(r, pieces);
      const conns = r.connsTo(dest);
      for (let k = 0; k < pieces.length; k++) if (admitted[k] === 1) out[k] = unionOf(out[k], conns);
    }
    return out;
  };
  // Egress rows depend only on the side's isolation and its address rules' pieces and ports: shared by every class alike.
  const ids = new Map<object, number>();
  const idOfObject = (o: object): number => {
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = ids.size));
    return id;
  };
  const egressRows = new Map<string, readonly ConnSet[]>();
  const egressRow = (side: Side): readonly ConnSet[] => {
    const key = side.isIsolated ? side.addressRules.map((r) => `${idOfObject(piecesOf(r, egressExternals))}:${idOfObject(r.connsTo(-1))}`).join(',') : 'open';
    let row = egressRows.get(key);
    if (!row) egressRows.set(key, (row = addressSide(side, egressExternals, -1)));
    return row;
  };
  const tiers = compiled.clusterTiers;
  // Sides that answer NO_CONNS / ALL_CONNS by identity: `idOf` and `unionOf` memoise by identity.
  const canonical = (c: ConnSet): ConnSet => (isEmptyConns(c) ? NO_CONNS : isAllConns(c) ? ALL_CONNS : c);
  const npSide = (side: Side, peer: number, dest: number): ConnSet | undefined => {
    if (!side.isIsolated) return undefined;
    let out = NO_CONNS;
    for (let r = 0; r < side.masks.length; r++) if (side.masks[r][peer] === 1 && (out = unionOf(out, side.conns[r](dest))) === ALL_CONNS) break;
    return out;
  };
  const egressToPieces = (s: number): ConnSet[] => {
    if (!tiers) return [];
    const np = addressSide(egressOf(s), egressExternals, -1);
    const side = egressOf(s);
    return egressExternals.map((piece, k) => {
      const at = (r: { ipRanges: readonly IPRange[] }) => isInRanges(piece.range, r.ipRanges);
      const admin = tierVerdict(tiers.admin.egress[s], at, -1);
      const baseline = tierVerdict(tiers.baseline.egress[s], at, -1);
      if (admin === NO_VERDICT && baseline === NO_VERDICT) return np[k];
      return canonical(tieredSide(side.isIsolated ? np[k] : undefined, admin, baseline));
    });
  };
  const tieredCell = (s: number, d: number): number => {
    if (!tiers) return 0;
    const rs = reps[s];
    const rd = reps[d];
    const admitsSource = (r: { podMask: Uint8Array }) => r.podMask[rs] === 1;
    const admitsDest = (r: { podMask: Uint8Array }) => r.podMask[rd] === 1;
    const out = tieredSide(npSide(egressOf(s), rd, rd), tierVerdict(tiers.admin.egress[s], admitsDest, rd), tierVerdict(tiers.baseline.egress[s], admitsDest, rd));
    if (isEmptyConns(out)) return 0;
    const into = tieredSide(npSide(ingressOf(d), rs, rd), tierVerdict(tiers.admin.ingress[d], admitsSource, rd), tierVerdict(tiers.baseline.ingress[d], admitsSource, rd));
    return idOf(canonical(out), canonical(into));
  };
  const tieredRows = new Map<number, readonly ConnSet[]>();
  return {
    cell(s, d) {
      if (tiers) return tieredCell(s, d);
      const rs = reps[s];
      const rd = reps[d];
      let out = ALL_CONNS;
      const e = egressOf(s);
      if (e.isIsolated) {
        out = NO_CONNS;
        for (let r = 0; r < e.masks.length; r++) if (e.masks[r][rd] === 1 && (out = unionOf(out, e.conns[r](rd))) === ALL_CONNS) break;
        if (out === NO_CONNS || isEmptyConns(out)) return 0;
      }
      let into = ALL_CONNS;
      const g = ingressOf(d);
      if (g.isIsolated) {
        into = NO_CONNS;
        for (let r = 0; r < g.masks.length; r++) if (g.masks[r][rs] === 1 && (into = unionOf(into, g.conns[r](rd))) === ALL_CONNS) break;
      }
      return idOf(out, into);
    },
    sourcesOf(d) {
      if (tiers) return undefined;
      const g = ingressOf(d);
      if (!g.isIsolated) return undefined;
      if (g.masks.length === 1) return classesIn(g.masks[0]);
      generation++;
      const out: number[] = [];
      for (const mask of g.masks) {
        for (const s of classesIn(mask)) {
          if (stamp[s] === generation) continue;
          stamp[s] = generation;
          out.push(s);
        }
      }
      return out;
    },
    fromPieces: (d) => addressSide(ingressOf(d), ingressExternals, reps[d]),
    toPieces: (s) => {
      if (!tiers) return egressRow(egressOf(s));
      let row = tieredRows.get(s);
      if (!row) tieredRows.set(s, (row = egressToPieces(s)));
      return row;
    },
  };
}
