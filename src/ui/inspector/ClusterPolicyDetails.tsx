import type { ClusterPeer, ClusterRule, Model } from '../../engine';
import { describePeer, describePort } from './describePolicy';

/** A cluster policy peer (or subject) in plain words: `all pods in namespaces team=shop`, `networks 10.0.0.0/8`. */
function describeClusterPeer(peer: ClusterPeer): string {
  if (peer.kind === 'networks') return `networks ${peer.cidrs.join(', ')}`;
  if (peer.kind === 'uninterpreted') return `${peer.field} (not evaluated)`;
  return describePeer({ kind: 'selector', namespaceSelector: peer.namespaceSelector, ...(peer.kind === 'pods' ? { podSelector: peer.podSelector } : {}) }, '');
}

function ruleText(rule: ClusterRule, direction: 'ingress' | 'egress'): string {
  const peers = rule.peers.map(describeClusterPeer).join(' or ');
  const ports = rule.ports === undefined ? 'any port' : rule.ports.map((p) => (typeof p.port === 'string' ? `port ${p.port}` : describePort(p))).join(', ');
  return `${rule.action} ${direction === 'ingress' ? 'from' : 'to'} ${peers}, ${ports}`;
}

/** A selected cluster policy, read-only: tier, priority, subject and its rules in evaluation order (the canvas marks its subjects and peers). */
export function ClusterPolicyDetails({ model, id }: { model: Model; id: string }) {
  const policy = model.clusterPolicies.find((p) => p.id === id);
  if (!policy) return null;
  return (
    <section className="inspector__section" aria-label="Cluster policy">
      <h2>{policy.name}</h2>
      <p>
        {policy.kind} · {policy.tier} tier{policy.kind === 'BaselineAdminNetworkPolicy' ? '' : ` · priority ${policy.priority}`}
      </p>
      <p>Applies to {describeClusterPeer(policy.subject)}; the first matching rule decides each port.</p>
      {(['ingress', 'egress'] as const).map((direction) =>
        policy[direction].length === 0 ? null : (
          <ol key={direction} aria-label={`${direction} rules`}>
            {policy[direction].map((rule, i) => (
              <li key={i}>
                {rule.name !== '' && <strong>{rule.name}: </strong>}
                {ruleText(rule, direction)}
              </li>
            ))}
          </ol>
        ),
      )}
    </section>
  );
}
