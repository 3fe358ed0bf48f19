import type { PolicyPort, Protocol } from '../../engine';

/** What the person typed in the port chooser: empty means every port of the protocol. */
export interface PortChoice {
  protocol: Protocol;
  /** A number (`5432`), a range (`8000-8080`), a named container port (`http`), or empty. */
  port: string;
  /** True when the flow is for every protocol and port. */
  isAllPorts: boolean;
}

const NAMED_PORT = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;

function portNumber(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : undefined;
}

/** The policy ports a choice stands for (empty: all ports), or why the port text is not a valid port. */
export function parsePortChoice(choice: PortChoice): { ports: PolicyPort[] } | { error: string } {
  if (choice.isAllPorts) return { ports: [] };
  const text = choice.port.trim();
  const base = { protocol: choice.protocol, isProtocolDefaulted: false };
  if (text === '') return { ports: [base] };
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(text);
  if (range) {
    const from = portNumber(range[1]);
    const to = portNumber(range[2]);
    if (from === undefined || to === undefined) return { error: 'A port must be a number from 1 to 65535.' };
    if (to < from) return { error: 'The end of a port range must not be below its start.' };
    return { ports: [from === to ? { ...base, port: from } : { ...base, port: from, endPort: to }] };
  }
  if (/^\d+$/.test(text)) {
    const port = portNumber(text);
    return port === undefined ? { error: 'A port must be a number from 1 to 65535.' } : { ports: [{ ...base, port }] };
  }
  if (NAMED_PORT.test(text)) return { ports: [{ ...base, port: text }] };
  return { error: 'A named port has at most 15 lowercase letters, digits and inner hyphens, with at least one letter.' };
}
