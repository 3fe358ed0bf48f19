import { parseCidr, parseIP } from '../ip/ipRange';
import type { ObservedEndpoint } from './observedFlow';

const WORKLOAD_ID = /^([^/[\]\s]+)\/([^/[\]\s]+)\[([^/[\]\s]+)\]$/;
const EXTERNAL_RANGE = /^([^\s[\]]+)-([^\s[\]]+)\[External\]$/;

/**
 * Reads one end of a connection-list row: a workload id `ns/name[Kind]`, an address range `start-end[External]`
 * (as the list writes it), an IP address or a CIDR; undefined for anything else.
 */
export function parseConnlistEnd(text: string): ObservedEndpoint | undefined {
  const value = text.trim();
  const range = EXTERNAL_RANGE.exec(value);
  if (range !== null) {
    const start = parseIP(range[1]);
    const end = parseIP(range[2]);
    if (start === undefined || end === undefined || start.family !== end.family || start.start > end.start) return undefined;
    return { kind: 'address', address: range[1] === range[2] ? range[1] : `${range[1]}-${range[2]}`, reserved: [] };
  }
  const id = WORKLOAD_ID.exec(value);
  if (id !== null && id[3] !== 'External') return { kind: 'workload', id: value };
  if (parseIP(value) !== undefined || parseCidr(value) !== undefined) return { kind: 'address', address: value, reserved: [] };
  return undefined;
}
