import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { matrixCells, matrixWindow } from './matrixCells';

const YAML = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: ops, labels: {app: agent}}
spec: {containers: [{name: c}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 5432}, {port: 53, protocol: UDP}]}]
`;

describe('matrixCells', () => {
  const analysis = analyze([{ name: 'x.yaml', text: YAML }]);
  const find = (m: ReturnType<typeof matrixCells>, src: string, dst: string) => m.cell(m.peers.findIndex((p) => p.id === src), m.peers.findIndex((p) => p.id === dst));

  it('groups workloads by namespace, then external ranges, and tells allowed, partly allowed and denied apart', () => {
    const m = matrixCells(analysis, {});
    expect(m.peers.map((p) => p.id)).toEqual(['ops/agent[Pod]', 'shop/db[Pod]', 'shop/web[Pod]', 'ext:other']);
    expect(find(m, 'shop/web[Pod]', 'shop/db[Pod]')).toEqual({ state: 'some', label: 'TCP 5432, UDP 53' });
    expect(find(m, 'ops/agent[Pod]', 'shop/db[Pod]')).toEqual({ state: 'none', label: 'denied' });
    expect(find(m, 'shop/db[Pod]', 'shop/web[Pod]')).toEqual({ state: 'all', label: 'all' });
    expect(find(m, 'shop/db[Pod]', 'shop/db[Pod]').state).toBe('self');
    expect(find(m, 'ext:other', 'shop/web[Pod]').state).toBe('all');
  });

  it('filters by protocol and by protocol and port', () => {
    expect(find(matrixCells(analysis, { protocol: 'UDP' }), 'shop/web[Pod]', 'shop/db[Pod]').state).toBe('some');
    expect(find(matrixCells(analysis, { protocol: 'SCTP' }), 'shop/web[Pod]', 'shop/db[Pod]').state).toBe('none');
    expect(find(matrixCells(analysis, { protocol: 'TCP', port: 5432 }), 'shop/web[Pod]', 'shop/db[Pod]').state).toBe('all');
    expect(find(matrixCells(analysis, { protocol: 'TCP', port: 80 }), 'shop/web[Pod]', 'shop/db[Pod]').state).toBe('none');
  });

  it('answers a window of cells, row by row and clamped to the matrix, as the cells themselves', () => {
    const m = matrixCells(analysis, { protocol: 'TCP' });
    const w = matrixWindow(analysis, { protocol: 'TCP' }, [1, 3], [-5, 99]);
    expect(w.rows).toEqual([1, 3]);
    expect(w.cols).toEqual([0, 4]);
    const expected = [1, 2].flatMap((r) => [0, 1, 2, 3].map((c) => m.cell(r, c)));
    expect(w.states).toEqual(expected.map((c) => c.state));
    expect(w.labels).toEqual(expected.map((c) => c.label));
    expect(matrixWindow(analysis, {}, [10, 20], [0, 4]).states).toEqual([]);
  });
});
