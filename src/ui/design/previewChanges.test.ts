import { describe, expect, it } from 'vitest';
import { previewChanges } from './previewChanges';

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: a, namespace: x, labels: {app: a}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: x, labels: {app: b}}
spec: {containers: [{name: c}]}
`;
const DENY = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: b-in, namespace: x}
spec: {podSelector: {matchLabels: {app: b}}, ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}]}]}
`;

describe('previewChanges', () => {
  it('says which edges a change narrows or removes, in words', () => {
    const lines = previewChanges([{ name: 'p.yaml', text: PODS }], [{ name: 'p.yaml', text: PODS + DENY }]);
    expect(lines).toContainEqual({ kind: 'changed', text: 'x/a[Pod] → x/b[Pod]: all becomes TCP 80' });
    expect(lines).toContainEqual({ kind: 'removed', text: '0.0.0.0-255.255.255.255 (external) → x/b[Pod]: all' });
    expect(lines).toContainEqual({ kind: 'removed', text: '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff (external) → x/b[Pod]: all' });
    expect(previewChanges([{ name: 'p.yaml', text: PODS }], [{ name: 'p.yaml', text: PODS }])).toEqual([]);
  });

  it('shows no IPv6 line for addresses that behave as before when a first IPv6 ipBlock appears, and shows the IPv6 range that changes', () => {
    const open80 = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: b-in, namespace: x}\nspec: {podSelector: {matchLabels: {app: b}}, ingress: [{ports: [{port: 80}]}]}\n`;
    const v6 = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: b-v6, namespace: x}\nspec: {podSelector: {matchLabels: {app: b}}, ingress: [{from: [{ipBlock: {cidr: 'fd00::/8'}}], ports: [{port: 443}]}]}\n`;
    const lines = previewChanges([{ name: 'p.yaml', text: PODS + open80 }], [{ name: 'p.yaml', text: PODS + open80 + v6 }]);
    expect(lines).toEqual([{ kind: 'changed', text: 'fd00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff (external) → x/b[Pod]: TCP 80 becomes TCP 80,443' }]);
  });
});
