import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { templateTarget } from './templateTarget';

const base = [
  { name: 'other.yaml', text: 'kind: Namespace\nmetadata: {name: other}\n' },
  {
    name: 'shop.yaml',
    text: `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: web, image: x}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-egress, namespace: shop}
spec: {podSelector: {}, policyTypes: [Egress]}
`,
  },
];

describe('templateTarget', () => {
  it("appends the policy to the file of the namespace's first object and names it for selection", () => {
    const target = templateTarget(base, 'allow-dns-egress', 'shop');
    expect(target.fileName).toBe('shop.yaml');
    expect(target.policyId).toBe('shop/allow-dns-egress');
    expect(target.descriptions).toEqual(['Add NetworkPolicy shop/allow-dns-egress to shop.yaml']);
    expect(target.files[0]).toBe(base[0]);
    expect(analyze(target.files).model.policies.map((p) => p.id)).toEqual(['shop/default-deny-egress', 'shop/allow-dns-egress']);
  });

  it('numbers the name when the namespace already has a policy of that name', () => {
    const target = templateTarget(base, 'default-deny-egress', 'shop');
    expect(target.policyId).toBe('shop/default-deny-egress-2');
  });

  it('passes options through and falls back to the first file, or a new one in an empty workspace', () => {
    const target = templateTarget(base, 'deny-egress-except-cidrs', 'fresh', { cidrs: ['10.0.0.0/8'] });
    expect(target.fileName).toBe('other.yaml');
    expect(target.files[0].text).toContain('cidr: 10.0.0.0/8');
    expect(templateTarget([], 'default-deny-all', 'x').files.map((f) => f.name)).toEqual(['workspace.yaml']);
  });
});
