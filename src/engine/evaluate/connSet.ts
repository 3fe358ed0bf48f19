import { PROTOCOLS, type Protocol } from '../model/types';

/** Lowest and highest port a NetworkPolicy can name. */
export const MIN_PORT = 1;
/** Highest valid port number. */
export const MAX_PORT = 65535;

/**
 * A set of connections: for each protocol, sorted disjoint inclusive port ranges
 * stored flat as `[start0, end0, start1, end1, …]`.
 */
export interface ConnSet {
  readonly SCTP: readonly number[];
  readonly TCP: readonly number[];
  readonly UDP: readonly number[];
}

const FULL: readonly number[] = [MIN_PORT, MAX_PORT];
const EMPTY: readonly number[] = [];

/** Every port of every protocol. */
export const ALL_CONNS: ConnSet = { SCTP: FULL, TCP: FULL, UDP: FULL };
/** No connection at all. */
export const NO_CONNS: ConnSet = { SCTP: EMPTY, TCP: EMPTY, UDP: EMPTY };

/** The connections of one protocol on ports `start..end` (every port when omitted). */
export function connSetOf(protocol: Protocol, start = MIN_PORT, end = MAX_PORT): ConnSet {
  const ranges = start === MIN_PORT && end === MAX_PORT ? FULL : [start, end];
  return { ...NO_CONNS, [protocol]: ranges };
}

function unionRanges(a: readonly number[], b: readonly number[]): readonly number[] {
  if (a.length === 0 || b === FULL) return b;
  if (b.length === 0 || a === FULL || a === b) return a;
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i], a[i + 1]]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i], b[i + 1]]);
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const last = out.length - 1;
    if (last > 0 && s <= out[last] + 1) out[last] = Math.max(out[last], e);
    else out.push(s, e);
  }
  return out.length === 2 && out[0] === MIN_PORT && out[1] === MAX_PORT ? FULL : out;
}

function intersectRanges(a: readonly number[], b: readonly number[]): readonly number[] {
  if (a === FULL || a === b) return b;
  if (b === FULL) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i], b[j]);
    const e = Math.min(a[i + 1], b[j + 1]);
    if (s <= e) out.push(s, e);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out.length === 0 ? EMPTY : out;
}

function combine(
  a: ConnSet,
  b: ConnSet,
  op: (x: readonly number[], y: readonly number[]) => readonly number[],
): ConnSet {
  const SCTP = op(a.SCTP, b.SCTP);
  const TCP = op(a.TCP, b.TCP);
  const UDP = op(a.UDP, b.UDP);
  if (SCTP === a.SCTP && TCP === a.TCP && UDP === a.UDP) return a;
  if (SCTP === b.SCTP && TCP === b.TCP && UDP === b.UDP) return b;
  return { SCTP, TCP, UDP };
}

/** Connections in either set. */
export function unionConns(a: ConnSet, b: ConnSet): ConnSet {
  if (a === ALL_CONNS || b === NO_CONNS) return a;
  if (b === ALL_CONNS || a === NO_CONNS) return b;
  return combine(a, b, unionRanges);
}

/** Connections in both sets. */
export function intersectConns(a: ConnSet, b: ConnSet): ConnSet {
  if (a === ALL_CONNS || b === NO_CONNS) return b;
  if (b === ALL_CONNS || a === NO_CONNS) return a;
  return combine(a, b, intersectRanges);
}

function subtractRanges(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0 || a.length === 0) return a;
  if (b === FULL) return EMPTY;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let start = a[i];
    const end = a[i + 1];
    while (j < b.length && b[j + 1] < start) j += 2;
    for (let k = j; k < b.length && b[k] <= end && start <= end; k += 2) {
      if (b[k] > start) out.push(start, b[k] - 1);
      start = Math.max(start, b[k + 1] + 1);
    }
    if (start <= end) out.push(start, end);
  }
  return out.length === 0 ? EMPTY : out;
}

/** Connections in `a` but not in `b`. */
export function subtractConns(a: ConnSet, b: ConnSet): ConnSet {
  if (b === NO_CONNS || a === NO_CONNS) return a;
  if (b === ALL_CONNS) return NO_CONNS;
  const out = combine(a, b, subtractRanges);
  return isEmptyConns(out) ? NO_CONNS : out;
}

/** True when the set holds no connection. */
export function isEmptyConns(c: ConnSet): boolean {
  return c.SCTP.length === 0 && c.TCP.length === 0 && c.UDP.length === 0;
}

function isFullRanges(r: readonly number[]): boolean {
  return r.length === 2 && r[0] === MIN_PORT && r[1] === MAX_PORT;
}

/** True when the set holds every port of every protocol. */
export function isAllConns(c: ConnSet): boolean {
  return isFullRanges(c.SCTP) && isFullRanges(c.TCP) && isFullRanges(c.UDP);
}

/** True when both sets hold exactly the same connections. */
export function equalConns(a: ConnSet, b: ConnSet): boolean {
  return PROTOCOLS.every((p) => a[p].length === b[p].length && a[p].every((v, i) => v === b[p][i]));
}

/** True when `port` of `protocol` is in the set. */
export function hasConn(c: ConnSet, protocol: Protocol, port: number): boolean {
  const r = c[protocol];
  for (let i = 0; i < r.length; i += 2) if (port >= r[i] && port <= r[i + 1]) return true;
  return false;
}

/**
 * The connection string netpol-analyzer prints: `All Connections`, or per protocol
 * (SCTP, TCP, UDP order) `PROTO a,b-c`, groups joined by `,`; `''` when empty.
 */
export function formatConnSet(c: ConnSet): string {
  if (isAllConns(c)) return 'All Connections';
  const groups: string[] = [];
  for (const p of PROTOCOLS) {
    const r = c[p];
    if (r.length === 0) continue;
    const parts: string[] = [];
    for (let i = 0; i < r.length; i += 2) parts.push(r[i] === r[i + 1] ? `${r[i]}` : `${r[i]}-${r[i + 1]}`);
    groups.push(`${p} ${parts.join(',')}`);
  }
  return groups.join(',');
}
