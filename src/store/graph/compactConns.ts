import { formatConnSet, isAllConns, type ConnSet } from '../../engine';

/** The short label of a connection set on an edge: `all`, or protocol groups joined by ", " (`TCP 8080`, `TCP 53, UDP 53`). */
export function compactConns(conns: ConnSet): string {
  if (isAllConns(conns)) return 'all';
  return formatConnSet(conns).replace(/,(?=[A-Z])/g, ', ');
}

/** The label of an external flow: partial flows say that only some addresses of the range may connect, or may do more. */
export function compactFlow(conns: ConnSet, isPartial: boolean): string {
  const label = compactConns(conns);
  if (!isPartial) return label;
  return label === '' ? 'some: partial' : `some: ${label}+`;
}
