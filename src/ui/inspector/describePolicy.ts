import { isEmptySelector, type LabelSelector, type Peer, type PolicyPort } from '../../engine';

/** A label selector in kubectl's words: `app=api, tier in (web, data), !legacy`; `everything` when empty. */
export function formatSelector(selector: LabelSelector): string {
  if (isEmptySelector(selector)) return 'everything';
  const labels = Object.entries(selector.matchLabels).map(([key, value]) => `${key}=${value}`);
  const expressions = selector.matchExpressions.map(({ key, operator, values }) => {
    switch (operator) {
      case 'In':
        return `${key} in (${values.join(', ')})`;
      case 'NotIn':
        return `${key} notin (${values.join(', ')})`;
      case 'Exists':
        return key;
      case 'DoesNotExist':
        return `!${key}`;
    }
  });
  return [...labels, ...expressions].join(', ');
}

/** One `from`/`to` peer in plain words, e.g. `pods app=web in namespaces team=shop`, or `10.0.0.0/8 except 10.1.0.0/16`. */
export function describePeer(peer: Peer, policyNamespace: string): string {
  if (peer.kind === 'ipBlock') return peer.except.length > 0 ? `${peer.cidr} except ${peer.except.join(', ')}` : peer.cidr;
  const pods = peer.podSelector === undefined || isEmptySelector(peer.podSelector) ? 'all pods' : `pods ${formatSelector(peer.podSelector)}`;
  if (peer.namespaceSelector === undefined) return `${pods} in namespace ${policyNamespace}`;
  if (isEmptySelector(peer.namespaceSelector)) return `${pods} in all namespaces`;
  return `${pods} in namespaces ${formatSelector(peer.namespaceSelector)}`;
}

/** One `ports` entry in plain words: `TCP 8080`, `TCP 8000-8080`, `UDP http`, `TCP any port`. */
export function describePort(port: PolicyPort): string {
  if (port.port === undefined) return `${port.protocol} any port`;
  return `${port.protocol} ${port.port}${port.endPort !== undefined ? `-${port.endPort}` : ''}`;
}
