import { externalFlows, hasConn, isAllConns, isEmptyConns, pairConns, type Analysis, type ConnSet, type Protocol } from '../../engine';
import { compactConns } from '../graph/compactConns';

/** One row or column of the matrix: a workload, or an external range as written in the policies. */
export interface MatrixPeer {
  id: string;
  label: string;
  group: string;
}

/** What a cell says about the connections from its row to its column. */
export type CellState = 'all' | 'some' | 'none' | 'self';

/** A filter on the cells: every connection, one protocol, or one protocol and port. */
export interface MatrixFilter {
  protocol?: Protocol;
  port?: number;
}

/** The rows/columns (workloads grouped by namespace, then external ranges) and a lookup of each cell. */
export interface Matrix {
  peers: MatrixPeer[];
  cell(row: number, col: number): { state: CellState; label: string };
}

function classify(conns: ConnSet, filter: MatrixFilter): CellState {
  if (filter.protocol && filter.port !== undefined) return hasConn(conns, filter.protocol, filter.port) ? 'all' : 'none';
  if (filter.protocol) {
    const r = conns[filter.protocol];
    if (r.length === 0) return 'none';
    return r.length === 2 && r[0] === 1 && r[1] === 65535 ? 'all' : 'some';
  }
  return isEmptyConns(conns) ? 'none' : isAllConns(conns) ? 'all' : 'some';
}

/** Builds the connectivity matrix of an analysis: allowed, partly allowed or denied, per ordered pair, under a filter. */
export function matrixCells(analysis: Analysis, filter: MatrixFilter): Matrix {
  const { workloads } = analysis.evaluation.compiled;
  const order = workloads.map((w, i) => ({ w, i })).sort((a, b) => (a.w.namespace + '/' + a.w.name < b.w.namespace + '/' + b.w.name ? -1 : 1));
  const { blocks, flows } = externalFlows(analysis.model, analysis.evaluation);
  const flowOf = new Map(flows.map((f) => [`${f.src}=>${f.dst}`, f]));
  const peers: MatrixPeer[] = [
    ...order.map(({ w }) => ({ id: w.id, label: w.name, group: w.namespace })),
    ...blocks.map((b) => ({ id: b.id, label: b.label, group: 'external' })),
  ];
  const indexOf = new Map(order.map(({ i }, k) => [k, i]));
  const cell = (row: number, col: number): { state: CellState; label: string } => {
    if (row === col) return { state: 'self', label: '' };
    const src = peers[row];
    const dst = peers[col];
    const s = indexOf.get(row);
    const d = indexOf.get(col);
    if (s === undefined && d === undefined) return { state: 'self', label: '' };
    const flow = s !== undefined && d !== undefined ? { conns: pairConns(analysis.evaluation, s, d), isPartial: false } : flowOf.get(`${src.id}=>${dst.id}`);
    if (!flow) return { state: 'none', label: 'denied' };
    const state = classify(flow.conns, filter);
    const label = isEmptyConns(flow.conns) ? (flow.isPartial ? 'some addresses only' : 'denied') : `${compactConns(flow.conns)}${flow.isPartial ? ' (some addresses more)' : ''}`;
    return { state: flow.isPartial && state === 'none' && !filter.protocol ? 'some' : state, label };
  };
  return { peers, cell };
}

/** The cells of rows `rows[0]..rows[1]-1` × columns `cols[0]..cols[1]-1`, row by row: what the matrix shows of itself. */
export interface MatrixWindow {
  rows: [number, number];
  cols: [number, number];
  states: CellState[];
  labels: string[];
}

const matrices = new WeakMap<Analysis, Map<string, Matrix>>();

/** {@link matrixCells} of `analysis` under `filter`, built once per analysis and filter. */
export function matrixOf(analysis: Analysis, filter: MatrixFilter): Matrix {
  let byFilter = matrices.get(analysis);
  if (byFilter === undefined) {
    byFilter = new Map();
    matrices.set(analysis, byFilter);
  }
  const key = `${filter.protocol ?? ''}/${filter.port ?? ''}`;
  let matrix = byFilter.get(key);
  if (matrix === undefined) {
    matrix = matrixCells(analysis, filter);
    byFilter.set(key, matrix);
  }
  return matrix;
}

/** The cells of one window of the matrix (clamped to its size), as plain data a worker can send. */
export function matrixWindow(analysis: Analysis, filter: MatrixFilter, rows: [number, number], cols: [number, number]): MatrixWindow {
  const matrix = matrixOf(analysis, filter);
  const n = matrix.peers.length;
  const clamp = ([from, to]: [number, number]): [number, number] => [Math.max(0, Math.min(n, Math.floor(from))), Math.max(0, Math.min(n, Math.floor(to)))];
  const r = clamp(rows);
  const c = clamp(cols);
  const states: CellState[] = [];
  const labels: string[] = [];
  for (let row = r[0]; row < r[1]; row++) {
    for (let col = c[0]; col < c[1]; col++) {
      const cell = matrix.cell(row, col);
      states.push(cell.state);
      labels.push(cell.label);
    }
  }
  return { rows: r, cols: c, states, labels };
}
