import type { Protocol } from '../model/types';
import { parseIP, type IPRange } from '../ip/ipRange';
import { NO_CONNS, hasConn, type ConnSet } from './connSet';
import type { Endpoint } from './explainConnection';
import { pairConns, type Evaluation, type ExternalPeer } from './evaluateModel';

/** A protocol and port to explain a connection on. */
export interface OpeningPort {
  protocol: Protocol;
  port: number;
}

/** The port to start from when every port is allowed and the destination declares none. */
const USUAL: OpeningPort = { protocol: 'TCP', port: 80 };

/** Protocols in the order a person most likely means them. */
const PREFERRED_PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

function pieceOf(pieces: readonly ExternalPeer[], ip: IPRange): number {
  return pieces.findIndex((p) => p.range.family === ip.family && p.range.start <= ip.start && ip.end <= p.range.end);
}

/** The connections the evaluation allows from `src` to `dst` (a workload or an address at each end; none between two addresses). */
export function connsBetween(ev: Evaluation, src: Endpoint, dst: Endpoint): ConnSet {
  const { index } = ev.compiled;
  const n = ev.compiled.workloads.length;
  if ('workload' in src && 'workload' in dst) {
    const s = index.get(src.workload);
    const d = index.get(dst.workload);
    return s === undefined || d === undefined ? NO_CONNS : pairConns(ev, s, d);
  }
  if ('workload' in src && 'ip' in dst) {
    const s = index.get(src.workload);
    const ip = parseIP(dst.ip);
    const k = ip === undefined ? -1 : pieceOf(ev.egressExternals, ip);
    return s === undefined || k < 0 ? NO_CONNS : ev.toExternal[s * ev.egressExternals.length + k];
  }
  if ('ip' in src && 'workload' in dst) {
    const d = index.get(dst.workload);
    const ip = parseIP(src.ip);
    const k = ip === undefined ? -1 : pieceOf(ev.ingressExternals, ip);
    return d === undefined || k < 0 ? NO_CONNS : ev.fromExternal[k * n + d];
  }
  return NO_CONNS;
}

/**
 * The protocol and port to open an explanation of `src` → `dst` on: 1. the first port the destination workload
 * declares that is allowed, 2. else TCP 80 when allowed, 3. else the lowest allowed port (TCP, then UDP, then SCTP),
 * 4. undefined when nothing is allowed.
 */
export function openingPort(ev: Evaluation, src: Endpoint, dst: Endpoint): OpeningPort | undefined {
  const conns = connsBetween(ev, src, dst);
  const target = 'workload' in dst ? ev.compiled.workloads[ev.compiled.index.get(dst.workload) ?? -1] : undefined;
  const declared = target?.ports.find((p) => hasConn(conns, p.protocol, p.containerPort));
  if (declared) return { protocol: declared.protocol, port: declared.containerPort };
  if (hasConn(conns, USUAL.protocol, USUAL.port)) return USUAL;
  const protocol = PREFERRED_PROTOCOLS.find((p) => conns[p].length > 0);
  return protocol === undefined ? undefined : { protocol, port: conns[protocol][0] };
}
