import type { PolicyPort, Workload } from '../model/types';
import { NO_CONNS, connSetOf, unionConns } from '../evaluate/connSet';
import { portConns } from '../evaluate/portConns';
import { clusterPortConns } from '../evaluate/compileClusterTiers';
import { ALL_POTENTIAL, potentialConns, type NamedPort, type PotentialConns } from './potentialConns';
import type { ExposureEnd } from './peerAdmits';

/**
 * The connections a NetworkPolicy rule's ports allow toward `dest`: named ports resolve on a workload's container ports
 * (same protocol, semantics §7); toward a representative, or toward every pod (`dest` undefined), they stay names.
 */
export function rulePotentialConns(ports: readonly PolicyPort[], dest: ExposureEnd | undefined): PotentialConns {
  if (dest?.kind === 'workload') return potentialConns(portConns(ports, dest.workload.ports));
  if (ports.length === 0) return ALL_POTENTIAL;
  let conns = NO_CONNS;
  const named: NamedPort[] = [];
  for (const p of ports) {
    if (typeof p.port === 'string') named.push({ protocol: p.protocol, name: p.port });
    else conns = unionConns(conns, p.port === undefined ? connSetOf(p.protocol) : connSetOf(p.protocol, p.port, p.endPort ?? p.port));
  }
  return potentialConns(conns, named);
}

/** The connections a cluster policy rule's ports allow toward `dest`: a named port resolves on a workload whatever its protocol, and otherwise stays a name without protocol. */
export function clusterRulePotentialConns(ports: readonly PolicyPort[] | undefined, dest: ExposureEnd | undefined): PotentialConns {
  if (ports === undefined) return ALL_POTENTIAL;
  if (dest?.kind === 'workload') return potentialConns(clusterPortConns(ports, dest.workload.ports));
  const numbered = ports.filter((p) => typeof p.port !== 'string');
  return potentialConns(clusterPortConns(numbered, undefined), ports.flatMap((p) => (typeof p.port === 'string' ? [{ name: p.port }] : [])));
}

/**
 * What a workload admits from every pod, with the named ports its own container ports resolve (by name, as
 * netpol-analyzer does: a cluster policy's takes the container port's protocol, a NetworkPolicy's keeps its own).
 */
export function resolveNamedPorts(w: Workload, c: PotentialConns): PotentialConns {
  let conns = c.conns;
  const left: NamedPort[] = [];
  for (const p of c.namedPorts) {
    const port = w.ports.find((cp) => cp.name === p.name);
    if (port) conns = unionConns(conns, connSetOf(p.protocol ?? port.protocol, port.containerPort, port.containerPort));
    else left.push(p);
  }
  return potentialConns(conns, left);
}
