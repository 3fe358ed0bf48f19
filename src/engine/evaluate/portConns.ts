import type { ContainerPort, PolicyPort } from '../model/types';
import { ALL_CONNS, NO_CONNS, connSetOf, unionConns, type ConnSet } from './connSet';

/**
 * The connections a rule's `ports` allow toward a destination (semantics §7):
 * empty `ports` allows everything; a named port resolves on the destination's
 * container ports with the same protocol; for an address destination
 * (`destPorts` undefined) a named port matches nothing.
 */
export function portConns(ports: readonly PolicyPort[], destPorts: readonly ContainerPort[] | undefined): ConnSet {
  if (ports.length === 0) return ALL_CONNS;
  let out = NO_CONNS;
  for (const p of ports) {
    if (p.port === undefined) out = unionConns(out, connSetOf(p.protocol));
    else if (typeof p.port === 'number') out = unionConns(out, connSetOf(p.protocol, p.port, p.endPort ?? p.port));
    else {
      const named = destPorts?.find((c) => c.name === p.port && c.protocol === p.protocol);
      if (named) out = unionConns(out, connSetOf(p.protocol, named.containerPort, named.containerPort));
    }
  }
  return out;
}

/** True when some port of the list is a named port, so the result depends on the destination. */
export function hasNamedPort(ports: readonly PolicyPort[]): boolean {
  return ports.some((p) => typeof p.port === 'string');
}
