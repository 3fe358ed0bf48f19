import { describe, expect, it } from 'vitest';
import { ADDRESSES_NODE_ID } from '../../store/graph/buildGraph';
import { flowEndOf, isValidFlowConnection } from './flowEndOf';

describe('flowEndOf', () => {
  it('maps a workload node to its workload id', () => {
    expect(flowEndOf('shop/api[Deployment]')).toEqual({ workload: 'shop/api[Deployment]' });
  });

  it('maps an external node to the cidr it was written with, without its except list', () => {
    expect(flowEndOf('ext:10.0.0.0/8')).toEqual({ cidr: '10.0.0.0/8' });
    expect(flowEndOf('ext:0.0.0.0/0 except 10.0.0.0/8, 192.168.0.0/16')).toEqual({ cidr: '0.0.0.0/0' });
    expect(flowEndOf('ext:2001:db8::/32')).toEqual({ cidr: '2001:db8::/32' });
  });

  it('maps "any other address" to 0.0.0.0/0', () => {
    expect(flowEndOf('ext:other')).toEqual({ cidr: '0.0.0.0/0' });
  });

  it('maps namespace frames, the grouped addresses and empty ids to nothing', () => {
    expect(flowEndOf('ns:shop')).toBeUndefined();
    expect(flowEndOf(ADDRESSES_NODE_ID)).toBeUndefined();
    expect(flowEndOf('ext:')).toBeUndefined();
    expect(flowEndOf('')).toBeUndefined();
  });
});

describe('isValidFlowConnection', () => {
  const api = 'shop/api[Deployment]';
  const db = 'shop/db[StatefulSet]';

  it('accepts workload to workload and workload to or from an external range', () => {
    expect(isValidFlowConnection({ source: api, target: db })).toBe(true);
    expect(isValidFlowConnection({ source: api, target: 'ext:other' })).toBe(true);
    expect(isValidFlowConnection({ source: 'ext:10.0.0.0/8', target: db })).toBe(true);
  });

  it('rejects a node to itself, external to external and anything with a frame', () => {
    expect(isValidFlowConnection({ source: api, target: api })).toBe(false);
    expect(isValidFlowConnection({ source: 'ext:10.0.0.0/8', target: 'ext:other' })).toBe(false);
    expect(isValidFlowConnection({ source: 'ns:shop', target: db })).toBe(false);
  });
});
