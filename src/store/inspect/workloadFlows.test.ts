import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { workloadFlows } from './workloadFlows';

const MANIFESTS = `
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec: { containers: [{ name: c, image: i }] }
---
apiVersion: v1
kind: Pod
metadata: { name: db, namespace: shop, labels: { app: db } }
spec: { containers: [{ name: c, image: i }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-from-web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: 5432 }] }]
`;

const analysis = analyze([{ name: 'shop.yaml', text: MANIFESTS }]);

describe('workloadFlows', () => {
  it('lists the policies isolating each side and the allowed peers with compact labels', () => {
    const db = workloadFlows(analysis, 'shop/db[Pod]');
    expect(db?.ingressPolicies.map((p) => p.id)).toEqual(['shop/db-from-web']);
    expect(db?.egressPolicies).toEqual([]);
    expect(db?.ingress).toEqual([{ peer: 'shop/web[Pod]', name: 'shop/web[Pod]', label: 'TCP 5432', isExternal: false }]);
    expect(db?.egress).toContainEqual({ peer: 'shop/web[Pod]', name: 'shop/web[Pod]', label: 'all', isExternal: false });
    expect(db?.egress).toContainEqual({ peer: 'ext:other', name: 'any other address', label: 'all', isExternal: true });
  });

  it('is undefined for a workload that is not in the model', () => {
    expect(workloadFlows(analysis, 'shop/gone[Pod]')).toBeUndefined();
  });
});
