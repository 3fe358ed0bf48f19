import { describe, expect, it } from 'vitest';
import { ALL_CONNS, NO_CONNS, connSetOf, unionConns } from '../../engine';
import { compactConns, compactFlow } from './compactConns';

describe('compactConns', () => {
  it('says all for every port of every protocol', () => {
    expect(compactConns(ALL_CONNS)).toBe('all');
  });

  it('names one port, a range and a list of ports of one protocol', () => {
    expect(compactConns(connSetOf('TCP', 8080, 8080))).toBe('TCP 8080');
    expect(compactConns(connSetOf('TCP', 80, 90))).toBe('TCP 80-90');
    expect(compactConns(unionConns(connSetOf('TCP', 80, 80), connSetOf('TCP', 443, 443)))).toBe('TCP 80,443');
  });

  it('joins protocol groups with a comma and a space', () => {
    expect(compactConns(unionConns(connSetOf('UDP', 53, 53), connSetOf('TCP', 53, 53)))).toBe('TCP 53, UDP 53');
    expect(compactConns(unionConns(connSetOf('SCTP'), connSetOf('UDP', 53, 53)))).toBe('SCTP 1-65535, UDP 53');
  });
});

describe('compactFlow', () => {
  it('labels a full flow like any connection set', () => {
    expect(compactFlow(connSetOf('TCP', 443, 443), false)).toBe('TCP 443');
  });

  it('marks partial flows as holding for some addresses only', () => {
    expect(compactFlow(connSetOf('TCP', 443, 443), true)).toBe('some: TCP 443+');
    expect(compactFlow(NO_CONNS, true)).toBe('some: partial');
  });
});
