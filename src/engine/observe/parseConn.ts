import { PROTOCOLS, type Protocol } from '../model/types';
import { describeValue } from './describeValue';

/** The single ports a connection string names, and how many of its parts name more than one (a range, `All Connections`). */
export type ParsedConn = { ports: { protocol: Protocol; port: number }[]; notPorts: number } | { error: string };

const PORT = /^\d{1,5}$/;
const RANGE = /^(\d{1,5})-(\d{1,5})$/;

function isPort(n: number): boolean {
  return n >= 1 && n <= 65535;
}

/**
 * Reads a connection string as the connection list writes it (`TCP 8080`, `TCP 80,443,UDP 53`, `TCP 1-1024`,
 * `All Connections`): each port a flow; a range of more than one port, and `All Connections`, name no single port.
 */
export function parseConn(text: string): ParsedConn {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'all connections') return { ports: [], notPorts: 1 };
  if (trimmed === '') return { error: 'is empty: write e.g. "TCP 8080"' };
  const ports: { protocol: Protocol; port: number }[] = [];
  let notPorts = 0;
  let protocol: Protocol | undefined;
  for (const part of trimmed.split(',')) {
    const words = part.trim().split(/\s+/);
    if (words.length === 2) {
      const named = words[0].toUpperCase();
      protocol = PROTOCOLS.find((p) => p === named);
      if (protocol === undefined) return { error: `${describeValue(words[0])} is not TCP, UDP or SCTP` };
    } else if (words.length !== 1 || protocol === undefined) {
      return { error: `${describeValue(part.trim())} is not "PROTOCOL port[,port…]"` };
    }
    const spec = words[words.length - 1];
    const range = RANGE.exec(spec);
    if (PORT.test(spec) && isPort(Number(spec))) ports.push({ protocol, port: Number(spec) });
    else if (range !== null && isPort(Number(range[1])) && isPort(Number(range[2])) && Number(range[1]) <= Number(range[2])) {
      if (range[1] === range[2]) ports.push({ protocol, port: Number(range[1]) });
      else notPorts++;
    } else return { error: `${describeValue(spec)} is not a port (1–65535) or a range a-b` };
  }
  return { ports, notPorts };
}
