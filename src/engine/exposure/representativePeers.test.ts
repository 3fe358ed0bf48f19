import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { manifest } from '../testing/manifest';
import { representativePeers } from './representativePeers';

function representativesOf(...docs: string[]) {
  return representativePeers(analyze([{ name: 'cluster.yaml', text: docs.join('---\n') }]).model);
}

const anp = (name: string, spec: string) => `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n${spec}`;

describe('representativePeers', () => {
  it('stands a NetworkPolicy peer without namespaceSelector for pods of the policy namespace', () => {
    const [rep] = representativesOf(manifest.networkPolicy('in', 'shop', '{podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: cart}}}]}]}'));
    expect(rep).toMatchObject({ namespace: 'shop', namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'cart' } } });
  });

  it('keeps the first spelling of one selector, walking policies in input order and ingress before egress', () => {
    const np = manifest.networkPolicy(
      'both',
      'shop',
      '{podSelector: {}, policyTypes: [Ingress, Egress], egress: [{to: [{namespaceSelector: {matchLabels: {team: ops}}}]}], ingress: [{from: [{namespaceSelector: {matchExpressions: [{key: team, operator: In, values: [ops]}]}}]}]}',
    );
    const admin = anp('guard', '  priority: 1\n  subject: {namespaces: {}}\n  ingress:\n  - {name: ops, action: Allow, from: [{namespaces: {matchLabels: {team: ops}}}]}\n');
    expect(representativesOf(np, admin).map((r) => r.namespaceSelector)).toEqual([{ matchLabels: {}, matchExpressions: [{ key: 'team', operator: 'In', values: ['ops'] }] }]);
    expect(representativesOf(admin, np).map((r) => r.namespaceSelector)).toEqual([{ matchLabels: { team: 'ops' }, matchExpressions: [] }]);
  });

  it('makes none for a peer naming every pod, nor for the other peers of a NetworkPolicy rule that has one', () => {
    const np = manifest.networkPolicy('in', 'shop', '{podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: cart}}}, {namespaceSelector: {}}]}, {}]}');
    expect(representativesOf(np)).toEqual([]);
  });

  it('drops a representative a real workload is, by plain labels only', () => {
    const cart = manifest.pod('cart', 'shop', 'app: cart, tier: web');
    const np = manifest.networkPolicy(
      'in',
      'shop',
      '{podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: cart}}}, {podSelector: {matchExpressions: [{key: app, operator: Exists}]}}, {podSelector: {matchLabels: {app: db}}}]}]}',
    );
    expect(representativesOf(cart, np).map((r) => r.podSelector)).toEqual([
      { matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'Exists', values: [] }] },
      { matchLabels: { app: 'db' }, matchExpressions: [] },
    ]);
  });
});
