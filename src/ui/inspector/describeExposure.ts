import { isEmptySelector, type ExposurePeer, type ExposureRule } from '../../engine';
import type { Selection } from '../../store/useViewStore';
import { formatSelector } from './describePolicy';

/** The whole IPv4 range as the exposure analysis names it. */
const ANY_ADDRESS = '0.0.0.0-255.255.255.255';

/**
 * An unknown peer in plain words: `any pod in any namespace`, `any pod in namespaces team=shop`,
 * `pods app=cart in namespace shop`, `any address`, `any address in 10.0.0.0-10.255.255.255`.
 */
export function describeExposurePeer(peer: ExposurePeer): string {
  switch (peer.kind) {
    case 'entire-cluster':
      return 'any pod in any namespace';
    case 'external': {
      const range = peer.id.replace(/\[External\]$/, '');
      return range === ANY_ADDRESS ? 'any address' : `any address in ${range}`;
    }
    case 'pods': {
      const pods = peer.podSelector === undefined || isEmptySelector(peer.podSelector) ? 'any pod' : `pods ${formatSelector(peer.podSelector)}`;
      const namespaces = peer.namespace !== undefined ? `namespace ${peer.namespace}` : isEmptySelector(peer.namespaceSelector) ? 'any namespace' : `namespaces ${formatSelector(peer.namespaceSelector)}`;
      return `${pods} in ${namespaces}`;
    }
  }
}

/** A rule that opens an exposure: `shop/api-ingress ingress rule 1`, with what selecting it selects (the policy, brought to that rule). */
export function exposureRuleLink(rule: ExposureRule): { text: string; target: Selection } {
  const isCluster = /^(ClusterNetworkPolicy|AdminNetworkPolicy|BaselineAdminNetworkPolicy) /.test(rule.policy);
  const text = `${rule.policy} ${rule.direction} rule ${rule.ruleIndex + 1}`;
  return { text, target: isCluster ? { kind: 'clusterPolicy', id: rule.policy } : { kind: 'policy', id: rule.policy, rule: { direction: rule.direction, index: rule.ruleIndex } } };
}
