import type { Model } from '../model/types';
import { formatRange, partition, type IPRange } from '../ip/ipRange';
import { ALL_CONNS, NO_CONNS, isEmptyConns, unionConns, type ConnSet } from './connSet';
import { classEvaluator } from './classEvaluator';
import { compileModel, type CompiledModel, type CompiledRule } from './compileModel';
import { pairColumn, pairTable, withPairTables, type PairColumn } from './pairColumn';

/** A range of addresses outside the cluster, as a peer of connections. */
export interface ExternalPeer {
  /** `start-end[External]`, e.g. `0.0.0.0-255.255.255.255[External]`. */
  id: string;
  range: IPRange;
}

/** One allowed connection between two peers (workload ids or external ids). */
export interface Connection {
  src: string;
  dst: string;
  conns: ConnSet;
}

/** The full result of evaluating a model. */
export interface Evaluation {
  compiled: CompiledModel;
  /** Address pieces that can initiate connections into the cluster. */
  ingressExternals: ExternalPeer[];
  /** Address pieces the cluster's workloads can connect to. */
  egressExternals: ExternalPeer[];
  /**
   * Allowed connections between workload classes (`compiled.workloadClass`), by destination class: from a member of
   * class `a` to another member of class `b` at `connTable[pairTable(pairColumns[b], a)]` (0 = none, sources left out of
   * the column); use {@link pairConns}. Only the pairs that may connect are stored: a few per class, not `C × C`.
   */
  pairColumns: readonly PairColumn[];
  /** The distinct connection sets `pairColumns` points into; entry 0 is the empty set (after an incremental evaluation some may be unused). */
  connTable: ConnSet[];
  /** Allowed connections from ingress external `k` to workload `j` at `fromExternal[k * n + j]`. */
  fromExternal: ConnSet[];
  /** Per class, what a member may open toward each egress address piece, at `egressRows[c][k]`; classes with the same answers share a row. */
  egressRows: readonly (readonly ConnSet[])[];
  /** Allowed connections from workload `i` to egress external `k` at `toExternal[i * m + k]`: `egressRows` spread over the workloads on first use. */
  readonly toExternal: ConnSet[];
}

/** An evaluation with its `toExternal` table spread from `egressRows` when first read (n × pieces entries: millions in a large cluster). */
function withToExternal(ev: Omit<Evaluation, 'toExternal'>): Evaluation {
  let table: ConnSet[] | undefined;
  return {
    ...ev,
    get toExternal() {
      if (table === undefined) {
        table = [];
        for (const c of ev.compiled.workloadClass) for (const conns of ev.egressRows[c]) table.push(conns);
      }
      return table;
    },
  };
}

/** Allowed connections from workload index `s` to workload index `d` (none from a workload to itself, §3). */
export function pairConns(ev: Evaluation, s: number, d: number): ConnSet {
  if (s === d) return NO_CONNS;
  const { workloadClass } = ev.compiled;
  return ev.connTable[pairTable(ev.pairColumns[workloadClass[d]], workloadClass[s])];
}

/** What one side allows: the union over the rules of every policy selecting it (semantics §3). */
export function sideConns(isolated: boolean, rules: readonly CompiledRule[], admits: (r: CompiledRule) => boolean, dest: number): ConnSet {
  if (!isolated) return ALL_CONNS;
  let out = NO_CONNS;
  for (const r of rules) {
    if (admits(r)) {
      out = unionConns(out, r.connsTo(dest));
      if (out === ALL_CONNS) break;
    }
  }
  return out;
}

function externals(ranges: readonly IPRange[]): ExternalPeer[] {
  const families: (4 | 6)[] = ranges.some((r) => r.family === 6) ? [4, 6] : [4];
  return families.flatMap((f) => partition(f, ranges)).map((range) => ({ id: `${formatRange(range)}[External]`, range }));
}

function sameExternals(a: readonly ExternalPeer[], b: readonly ExternalPeer[]): boolean {
  return a.length === b.length && a.every((p, k) => p.id === b[k].id);
}

/** The classes whose egress (rows) or ingress (columns) may differ from the previous evaluation: those selected by a changed policy. */
function changedClasses(compiled: CompiledModel): { rows: Set<number>; columns: Set<number> } {
  const rows = new Set<number>();
  const columns = new Set<number>();
  for (const policy of compiled.changedPolicies) {
    for (const c of policy.subjects) {
      if (policy.hasEgress) rows.add(c);
      if (policy.hasIngress) columns.add(c);
    }
  }
  return { rows, columns };
}

/** Writes class `c`'s answers per ingress address piece into the piece × workload table, for each member. */
function spreadClass(out: ConnSet[], members: readonly number[], conns: readonly ConnSet[], n: number): void {
  for (const j of members) for (let k = 0; k < conns.length; k++) out[k * n + j] = conns[k];
}

/**
 * Evaluates every ordered pair of workload classes and every class against the
 * external address pieces: a connection is allowed when the source's egress
 * side and the destination's ingress side both allow it (semantics §3). Given
 * the `previous` evaluation of the same workloads and namespaces, only the rows
 * and columns of classes selected by added, removed or edited policies are
 * recomputed; the answers equal a full evaluation's.
 */
export function evaluateModel(model: Model, previous?: Evaluation): Evaluation {
  const compiled = compileModel(model, previous?.compiled);
  const { classMembers } = compiled;
  const C = classMembers.length;
  const n = compiled.workloads.length;
  // Cluster policies reach across every class: a model with them is evaluated whole.
  const hasTiers = compiled.clusterTiers !== undefined || previous?.compiled.clusterTiers !== undefined;
  const isPatch = previous !== undefined && !hasTiers && previous.compiled.cache.lineage === compiled.cache.lineage;
  // Ranges are cached per ipBlock, so the same blocks in the same order give the same range objects and the same pieces.
  const sameRanges = (a: readonly IPRange[], b: readonly IPRange[]) => a.length === b.length && a.every((r, i) => r === b[i]);
  const newIngress = isPatch && sameRanges(previous.compiled.ingressIPRanges, compiled.ingressIPRanges) ? previous.ingressExternals : externals(compiled.ingressIPRanges);
  const newEgress = isPatch && sameRanges(previous.compiled.egressIPRanges, compiled.egressIPRanges) ? previous.egressExternals : externals(compiled.egressIPRanges);
  const isSameIngress = isPatch && sameExternals(previous.ingressExternals, newIngress);
  const isSameEgress = isPatch && sameExternals(previous.egressExternals, newEgress);
  const ingressExternals = isSameIngress ? previous.ingressExternals : newIngress;
  const egressExternals = isSameEgress ? previous.egressExternals : newEgress;
  const connTable = isPatch ? previous.connTable.slice() : [NO_CONNS];
  const ev = classEvaluator(compiled, connTable, ingressExternals, egressExternals);
  const isPair = (s: number, d: number) => s !== d || classMembers[s].length > 1;
  const cellOf = (s: number, d: number) => (isPair(s, d) ? ev.cell(s, d) : 0);
  // A column: what the classes that may reach class d may open (every class when d's ingress is open).
  const columnOf = (d: number): PairColumn => {
    const reaching = ev.sourcesOf(d);
    const sources = reaching ? Uint32Array.from(reaching).sort() : Uint32Array.from({ length: C }, (_, s) => s);
    return pairColumn(sources, sources.map((s) => cellOf(s, d)));
  };
  // Built by push, in index order, so the arrays stay packed (fast to copy when patched).
  const allFrom = () => {
    const perClass = classMembers.map((_, c) => ev.fromPieces(c));
    const out: ConnSet[] = [];
    for (let k = 0; k < ingressExternals.length; k++) for (let j = 0; j < n; j++) out.push(perClass[compiled.workloadClass[j]][k]);
    return out;
  };
  const allRows = () => classMembers.map((_, c) => ev.toPieces(c));
  if (!isPatch) {
    // 1. Every class toward every class, column by column (a lone workload's own class is itself: skipped).
    const pairColumns = classMembers.map((_, d) => columnOf(d));
    // 2. Every class against every address piece, spread over the members.
    const fromExternal = allFrom();
    return withToExternal({ compiled, ingressExternals, egressExternals, pairColumns, connTable, fromExternal, egressRows: allRows() });
  }
  // 1. Share the previous answers (evaluations are never mutated), 2. recompute the columns of changed classes, then the rows.
  const { rows, columns } = changedClasses(compiled);
  const patchedColumns = previous.pairColumns.slice();
  for (const d of columns) patchedColumns[d] = columnOf(d);
  if (rows.size > 0) {
    for (let d = 0; d < C; d++) {
      if (columns.has(d)) continue;
      patchedColumns[d] = withPairTables(patchedColumns[d], new Map([...rows].map((s) => [s, cellOf(s, d)])));
    }
  }
  const pairColumns = rows.size + columns.size === 0 ? previous.pairColumns : patchedColumns;
  // 3. Address pieces: patch the changed classes when the pieces are the same, else recompute.
  let fromExternal: ConnSet[];
  if (isSameIngress) {
    fromExternal = columns.size === 0 ? previous.fromExternal : previous.fromExternal.slice();
    for (const c of columns) spreadClass(fromExternal, classMembers[c], ev.fromPieces(c), n);
  } else fromExternal = allFrom();
  let egressRows: (readonly ConnSet[])[] | readonly (readonly ConnSet[])[];
  if (isSameEgress) {
    const patched = previous.egressRows.slice();
    for (const c of rows) patched[c] = ev.toPieces(c);
    egressRows = rows.size === 0 ? previous.egressRows : patched;
  } else egressRows = allRows();
  return withToExternal({ compiled, ingressExternals, egressExternals, pairColumns, connTable, fromExternal, egressRows });
}

/** Every allowed connection of an evaluation, workload pairs first, then to and from external ranges. */
export function listConnections(ev: Evaluation): Connection[] {
  const { workloads } = ev.compiled;
  const n = workloads.length;
  const out: Connection[] = [];
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      const conns = pairConns(ev, s, d);
      if (conns !== NO_CONNS) out.push({ src: workloads[s].id, dst: workloads[d].id, conns });
    }
    const row = ev.egressRows[ev.compiled.workloadClass[s]];
    ev.egressExternals.forEach((ext, k) => {
      if (!isEmptyConns(row[k])) out.push({ src: workloads[s].id, dst: ext.id, conns: row[k] });
    });
  }
  ev.ingressExternals.forEach((ext, k) => {
    for (let d = 0; d < n; d++) {
      const conns = ev.fromExternal[k * n + d];
      if (!isEmptyConns(conns)) out.push({ src: ext.id, dst: workloads[d].id, conns });
    }
  });
  return out;
}

/** How many connections {@link listConnections} lists, counted per class (members share their answers) without listing them. */
export function countConnections(ev: Evaluation): number {
  const { classMembers } = ev.compiled;
  const C = classMembers.length;
  const n = ev.compiled.workloads.length;
  let count = 0;
  ev.pairColumns.forEach((column, b) => {
    column.sources.forEach((a, i) => {
      if (ev.connTable[column.tables[i]] === NO_CONNS) return;
      const size = classMembers[a].length;
      count += a === b ? size * (size - 1) : size * classMembers[b].length;
    });
  });
  for (let a = 0; a < C; a++) {
    const size = classMembers[a].length;
    const rep = classMembers[a][0];
    for (const conns of ev.egressRows[a]) if (!isEmptyConns(conns)) count += size;
    for (let k = 0; k < ev.ingressExternals.length; k++) if (!isEmptyConns(ev.fromExternal[k * n + rep])) count += size;
  }
  return count;
}
