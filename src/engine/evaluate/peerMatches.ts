import type { Labels, SelectorPeer } from '../model/types';
import { matchesSelector } from '../selectors/matchesSelector';

/**
 * True when a selector peer's namespace part admits namespace `ns`: with a
 * namespaceSelector, the namespaces it matches; without, only the policy's own.
 */
export function peerNamespaceMatches(peer: Omit<SelectorPeer, 'kind'>, policyNamespace: string, ns: string, nsLabels: Labels): boolean {
  return peer.namespaceSelector ? matchesSelector(peer.namespaceSelector, nsLabels) : ns === policyNamespace;
}

/** True when a selector peer's pod part admits a pod with `labels` (absent podSelector: every pod). */
export function peerPodMatches(peer: Omit<SelectorPeer, 'kind'>, labels: Labels): boolean {
  return !peer.podSelector || matchesSelector(peer.podSelector, labels);
}
