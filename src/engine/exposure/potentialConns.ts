import { PROTOCOLS, type Protocol } from '../model/types';
import { ALL_CONNS, NO_CONNS, equalConns, formatConnSet, intersectConns, isAllConns, isEmptyConns, subtractConns, unionConns, type ConnSet } from '../evaluate/connSet';

/**
 * A named port no container port resolved: toward a pod the cluster does not hold a rule's named port cannot be looked
 * up. A NetworkPolicy port names its protocol; a cluster policy's `namedPort` does not (`protocol` undefined).
 */
export interface NamedPort {
  protocol?: Protocol;
  name: string;
}

/** Connections with a peer the cluster does not hold: port ranges, plus the named ports left unresolved (sorted, distinct). */
export interface PotentialConns {
  conns: ConnSet;
  namedPorts: readonly NamedPort[];
}

/** No connection. */
export const NO_POTENTIAL: PotentialConns = { conns: NO_CONNS, namedPorts: [] };
/** Every port of every protocol. */
export const ALL_POTENTIAL: PotentialConns = { conns: ALL_CONNS, namedPorts: [] };

const namedKey = (p: NamedPort) => `${p.protocol ?? ''} ${p.name}`;

function sortedNames(names: readonly NamedPort[]): NamedPort[] {
  const byKey = new Map(names.map((p) => [namedKey(p), p]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k) as NamedPort);
}

/** Potential connections of port ranges and named ports. */
export function potentialConns(conns: ConnSet, namedPorts: readonly NamedPort[] = []): PotentialConns {
  return namedPorts.length === 0 ? (conns === NO_CONNS ? NO_POTENTIAL : conns === ALL_CONNS ? ALL_POTENTIAL : { conns, namedPorts: [] }) : { conns, namedPorts: sortedNames(namedPorts) };
}

/** True when `c` holds named port `p`: by name, or (for a NetworkPolicy port) by holding every port of its protocol. */
function covers(c: PotentialConns, p: NamedPort): boolean {
  if (c.namedPorts.some((q) => namedKey(q) === namedKey(p))) return true;
  return p.protocol === undefined ? isAllConns(c.conns) : c.conns[p.protocol].length === 2 && c.conns[p.protocol][0] === 1 && c.conns[p.protocol][1] === 65535;
}

/** Connections in either set. */
export function unionPotential(a: PotentialConns, b: PotentialConns): PotentialConns {
  if (b.namedPorts.length === 0 && a.namedPorts.length === 0) return potentialConns(unionConns(a.conns, b.conns));
  return potentialConns(unionConns(a.conns, b.conns), [...a.namedPorts, ...b.namedPorts]);
}

/** Connections in both sets: a named port survives where the other set holds it too. */
export function intersectPotential(a: PotentialConns, b: PotentialConns): PotentialConns {
  const names = [...a.namedPorts.filter((p) => covers(b, p)), ...b.namedPorts.filter((p) => covers(a, p))];
  return potentialConns(intersectConns(a.conns, b.conns), names);
}

/** Connections in `a` but not in `b`. */
export function subtractPotential(a: PotentialConns, b: PotentialConns): PotentialConns {
  return potentialConns(subtractConns(a.conns, b.conns), a.namedPorts.filter((p) => !covers(b, p)));
}

/** True when the set holds nothing, named ports included. */
export function isEmptyPotential(c: PotentialConns): boolean {
  return isEmptyConns(c.conns) && c.namedPorts.length === 0;
}

/** True when both sets hold the same ranges and named ports. */
export function equalPotential(a: PotentialConns, b: PotentialConns): boolean {
  return equalConns(a.conns, b.conns) && a.namedPorts.length === b.namedPorts.length && a.namedPorts.every((p, i) => namedKey(p) === namedKey(b.namedPorts[i]));
}

/**
 * The connection string netpol-analyzer prints for exposure: `All Connections`, `No Connections`, or one group per
 * protocol (`TCP 80,8080-8090,http`: ranges, then named ports sorted), groups sorted as strings; named ports of a cluster
 * policy have no protocol and print as ` name`.
 */
export function formatPotentialConns(c: PotentialConns): string {
  if (c.namedPorts.length === 0) return isEmptyConns(c.conns) ? 'No Connections' : formatConnSet(c.conns);
  const groups: string[] = [];
  for (const protocol of ['', ...PROTOCOLS] as const) {
    const ranges = protocol === '' ? '' : formatConnSet({ ...NO_CONNS, [protocol]: c.conns[protocol] }).slice(protocol.length + 1);
    const names = c.namedPorts.filter((p) => (p.protocol ?? '') === protocol).map((p) => p.name);
    const ports = [...(ranges === '' ? [] : [ranges]), ...names].join(',');
    if (ports !== '') groups.push(`${protocol} ${ports}`);
  }
  return groups.sort().join(',');
}
