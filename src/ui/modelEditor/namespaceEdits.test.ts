import { describe, expect, it } from 'vitest';
import { analyze, listObjects } from '../../engine';
import { deleteNamespace, renameNamespace } from './namespaceEdits';

const shop = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    kubernetes.io/metadata.name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template: {metadata: {labels: {app: api}}, spec: {containers: [{name: api, image: x}]}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;
const monitoring = `# keep this comment
kind: Namespace
metadata: {name: monitoring}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: to-shop, namespace: monitoring}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
        - namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [shop, other]}]}
`;
const files = [
  { name: 'shop.yaml', text: shop },
  { name: 'monitoring.yaml', text: monitoring },
];

describe('renameNamespace', () => {
  it('renames the Namespace, moves its objects and repoints namespaceSelectors that name it', () => {
    const { files: next, descriptions } = renameNamespace(files, 'shop', 'store');
    expect(listObjects(next).map((o) => o.ref)).toEqual([
      { kind: 'Namespace', name: 'store' },
      { kind: 'Deployment', namespace: 'store', name: 'api' },
      { kind: 'NetworkPolicy', namespace: 'store', name: 'deny' },
      { kind: 'Namespace', name: 'monitoring' },
      { kind: 'NetworkPolicy', namespace: 'monitoring', name: 'to-shop' },
    ]);
    expect(next[0].text).toContain('kubernetes.io/metadata.name: store');
    expect(next[1].text).toContain('# keep this comment');
    expect(next[1].text).toMatch(/values:\n\s+- store\n\s+- other/);
    expect(descriptions).toEqual([
      'Rename Namespace shop to store',
      'Move Deployment shop/api to namespace store',
      'Move NetworkPolicy shop/deny to namespace store',
      'Point the namespaceSelectors of NetworkPolicy monitoring/to-shop at store',
    ]);
    const after = analyze(next);
    expect(after.connections.length).toBe(analyze(files).connections.length);
    expect(after.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('moves objects of an implicit namespace, writing the namespace where it was left to default', () => {
    const { files: next } = renameNamespace([{ name: 'a.yaml', text: 'kind: Pod\nmetadata: {name: p}\n' }], 'default', 'dev');
    expect(listObjects(next).map((o) => o.ref)).toEqual([{ kind: 'Pod', namespace: 'dev', name: 'p' }]);
  });
});

describe('deleteNamespace', () => {
  it('deletes the Namespace and every object in it, leaving other namespaces alone', () => {
    const { files: next, descriptions } = deleteNamespace(files, 'shop');
    expect(listObjects(next).map((o) => o.ref.name)).toEqual(['monitoring', 'to-shop']);
    expect(descriptions).toEqual(['Delete Namespace shop', 'Delete Deployment shop/api', 'Delete NetworkPolicy shop/deny']);
  });
});
