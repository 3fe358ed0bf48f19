import { describe, expect, it } from 'vitest';
import { selectionOf } from './selectionOf';

describe('selecting an object a finding names', () => {
  it('selects workloads, namespaces, policies and cluster policies by their ids', () => {
    expect(selectionOf('shop/api[Deployment]')).toEqual({ kind: 'workload', id: 'shop/api[Deployment]' });
    expect(selectionOf('ns:shop')).toEqual({ kind: 'namespace', id: 'shop' });
    expect(selectionOf('shop/deny-all')).toEqual({ kind: 'policy', id: 'shop/deny-all' });
    expect(selectionOf('ClusterNetworkPolicy guard')).toEqual({ kind: 'clusterPolicy', id: 'ClusterNetworkPolicy guard' });
    expect(selectionOf('BaselineAdminNetworkPolicy default')).toEqual({ kind: 'clusterPolicy', id: 'BaselineAdminNetworkPolicy default' });
  });
});
