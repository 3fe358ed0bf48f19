import { describe, expect, it } from 'vitest';
import { parsePortChoice, type PortChoice } from './parsePortChoice';

const tcp = (port: string): PortChoice => ({ protocol: 'TCP', port, isAllPorts: false });

describe('parsePortChoice', () => {
  it('reads a port number with its protocol', () => {
    expect(parsePortChoice(tcp(' 5432 '))).toEqual({ ports: [{ protocol: 'TCP', isProtocolDefaulted: false, port: 5432 }] });
    expect(parsePortChoice({ protocol: 'UDP', port: '53', isAllPorts: false })).toEqual({ ports: [{ protocol: 'UDP', isProtocolDefaulted: false, port: 53 }] });
  });

  it('reads a range as port and endPort, and a one-port range as the port', () => {
    expect(parsePortChoice(tcp('8000-8080'))).toEqual({ ports: [{ protocol: 'TCP', isProtocolDefaulted: false, port: 8000, endPort: 8080 }] });
    expect(parsePortChoice(tcp('80 - 80'))).toEqual({ ports: [{ protocol: 'TCP', isProtocolDefaulted: false, port: 80 }] });
  });

  it('reads a named container port', () => {
    expect(parsePortChoice(tcp('http-alt'))).toEqual({ ports: [{ protocol: 'TCP', isProtocolDefaulted: false, port: 'http-alt' }] });
  });

  it('allows every port of the protocol when the port is empty, and everything when all ports is chosen', () => {
    expect(parsePortChoice(tcp(''))).toEqual({ ports: [{ protocol: 'TCP', isProtocolDefaulted: false }] });
    expect(parsePortChoice({ protocol: 'SCTP', port: 'nonsense!', isAllPorts: true })).toEqual({ ports: [] });
  });

  it('explains ports out of range, reversed ranges and bad names', () => {
    expect(parsePortChoice(tcp('0'))).toEqual({ error: 'A port must be a number from 1 to 65535.' });
    expect(parsePortChoice(tcp('70000'))).toEqual({ error: 'A port must be a number from 1 to 65535.' });
    expect(parsePortChoice(tcp('9000-8000'))).toEqual({ error: 'The end of a port range must not be below its start.' });
    for (const bad of ['HTTP', '-web', 'a--b', 'averyveryverylongname', '8080x!']) {
      expect(parsePortChoice(tcp(bad))).toHaveProperty('error');
    }
  });
});
