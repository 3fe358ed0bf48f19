import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { formatConnlistTxt } from '../format/formatConnlistTxt';
import type { Model } from '../model/types';
import { exportManifests } from './exportManifests';

const INPUT = `# kubectl get -o yaml output, with server noise
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
    uid: 1234
    labels: {team: shop}
- kind: Pod
  apiVersion: v1
  metadata:
    resourceVersion: "99"
    name: web
    namespace: shop
    labels: {app: web, y: "n"}
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: '{}'
  spec:
    containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]
  status: {podIP: 10.1.2.3, phase: Running}
---
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.9.0.0/16]}}]
    ports: [{port: http}]
metadata: {name: web-in}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {ports: [{port: 80}]}
`;

const withoutSources = (m: Model) => JSON.parse(JSON.stringify(m, (k, v) => (k === 'source' ? undefined : v)));

describe('exportManifests', () => {
  it('round-trips: import → export all → import gives the same model and the same connections', () => {
    const before = analyze([{ name: 'in.yaml', text: INPUT }]);
    const exported = exportManifests([{ name: 'in.yaml', text: INPUT }], { kind: 'all' });
    const after = analyze([{ name: 'out.yaml', text: exported }]);
    expect(withoutSources(after.model)).toEqual(withoutSources(before.model));
    expect(formatConnlistTxt(after.connections)).toBe(formatConnlistTxt(before.connections));
  });

  it('orders keys apiVersion, kind, metadata, spec and drops server-set fields and status but the pod IP', () => {
    const out = exportManifests([{ name: 'in.yaml', text: INPUT }], { kind: 'all' });
    const policy = out.split('---\n')[2];
    expect(policy.startsWith('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web-in\n  namespace: default\nspec:\n')).toBe(true);
    expect(out).not.toMatch(/uid|resourceVersion|last-applied|phase/);
    expect(out).toContain('status:\n  podIP: 10.1.2.3\n');
    expect(out).toContain("'y': 'n'\n");
  });

  it('adds no defaulted noise: no policyTypes, no protocol', () => {
    const out = exportManifests([{ name: 'in.yaml', text: INPUT }], { kind: 'policies' });
    expect(out).not.toMatch(/policyTypes|protocol/);
    expect(out.match(/^kind: /gm)).toEqual(['kind: ']);
  });

  it('exports one policy by namespace/name, and nothing for an unknown one', () => {
    expect(exportManifests([{ name: 'in.yaml', text: INPUT }], { kind: 'policy', id: 'default/web-in' })).toContain('name: web-in');
    expect(exportManifests([{ name: 'in.yaml', text: INPUT }], { kind: 'policy', id: 'shop/web-in' })).toBe('');
  });

  it('keeps kinds outside the model when exporting everything', () => {
    expect(exportManifests([{ name: 'in.yaml', text: INPUT }], { kind: 'all' })).toContain('kind: Service');
  });
});

describe('exportManifests on hostile input', () => {
  it('exports an object with a __proto__ metadata key instead of throwing, the key kept as written', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  __proto__: {a: 1}\n';
    const out = exportManifests([{ name: 'in.yaml', text }], { kind: 'all' });
    expect(out).toContain('  __proto__:\n    a: 1\n');
  });

  it('writes an aliased value once with an anchor, never expanded', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata:\n  a: &big {k1: v, k2: v}\n  b: *big\n  c: *big\n';
    const out = exportManifests([{ name: 'in.yaml', text }], { kind: 'all' });
    expect(out.match(/k1: v/g)).toHaveLength(1);
    expect(out).toMatch(/b: \*\w+\n/);
  });
});
