import { describe, expect, it } from 'vitest';
import { connSetOf, unionConns } from '../evaluate/connSet';
import { ALL_POTENTIAL, NO_POTENTIAL, formatPotentialConns, intersectPotential, potentialConns, subtractPotential } from './potentialConns';

describe('potential connections', () => {
  it('print as netpol-analyzer does: All Connections, No Connections, ranges then named ports per protocol', () => {
    expect(formatPotentialConns(ALL_POTENTIAL)).toBe('All Connections');
    expect(formatPotentialConns(NO_POTENTIAL)).toBe('No Connections');
    const conns = potentialConns(unionConns(connSetOf('TCP', 80, 81), connSetOf('UDP', 53, 53)), [{ protocol: 'TCP', name: 'metrics' }, { protocol: 'TCP', name: 'http' }]);
    expect(formatPotentialConns(conns)).toBe('TCP 80-81,http,metrics,UDP 53');
  });

  it('print a cluster policy’s named port, which has no protocol, first and with an empty protocol', () => {
    expect(formatPotentialConns(potentialConns(connSetOf('TCP', 80, 80), [{ name: 'dns' }]))).toBe(' dns,TCP 80');
  });

  it('keep a named port through an intersection with every port of its protocol, not with some ports', () => {
    const named = potentialConns(connSetOf('TCP', 80, 80), [{ protocol: 'TCP', name: 'http' }]);
    expect(formatPotentialConns(intersectPotential(named, ALL_POTENTIAL))).toBe('TCP 80,http');
    expect(formatPotentialConns(intersectPotential(named, potentialConns(connSetOf('TCP', 80, 90))))).toBe('TCP 80');
  });

  it('lose a named port to a subtraction of the same name', () => {
    const named = potentialConns(connSetOf('TCP', 80, 80), [{ name: 'dns' }]);
    expect(formatPotentialConns(subtractPotential(named, potentialConns(connSetOf('UDP'), [{ name: 'dns' }])))).toBe('TCP 80');
  });
});
