import { describe, expect, it } from 'vitest';
import { describeExposurePeer, exposureRuleLink } from './describeExposure';

const none = { matchLabels: {}, matchExpressions: [] };
const labels = (matchLabels: Record<string, string>) => ({ matchLabels, matchExpressions: [] });

describe('exposure in words', () => {
  it('names every kind of unknown peer', () => {
    expect(describeExposurePeer({ kind: 'entire-cluster' })).toBe('any pod in any namespace');
    expect(describeExposurePeer({ kind: 'pods', namespaceSelector: labels({ team: 'shop' }) })).toBe('any pod in namespaces team=shop');
    expect(describeExposurePeer({ kind: 'pods', namespace: 'shop', namespaceSelector: labels({ 'kubernetes.io/metadata.name': 'shop' }), podSelector: labels({ app: 'cart' }) })).toBe('pods app=cart in namespace shop');
    expect(describeExposurePeer({ kind: 'pods', namespaceSelector: none, podSelector: labels({ app: 'cart' }) })).toBe('pods app=cart in any namespace');
    expect(describeExposurePeer({ kind: 'external', id: '0.0.0.0-255.255.255.255[External]' })).toBe('any address');
    expect(describeExposurePeer({ kind: 'external', id: '10.0.0.0-10.255.255.255[External]' })).toBe('any address in 10.0.0.0-10.255.255.255');
  });

  it('links a NetworkPolicy rule to that rule, and a cluster policy rule to its policy', () => {
    expect(exposureRuleLink({ policy: 'shop/api-in', direction: 'ingress', ruleIndex: 1 })).toEqual({ text: 'shop/api-in ingress rule 2', target: { kind: 'policy', id: 'shop/api-in', rule: { direction: 'ingress', index: 1 } } });
    expect(exposureRuleLink({ policy: 'ClusterNetworkPolicy guard', direction: 'egress', ruleIndex: 0 }).target).toEqual({ kind: 'clusterPolicy', id: 'ClusterNetworkPolicy guard' });
  });
});
