import type { Rule } from '../../engine';
import { describePeer, describePort } from './describePolicy';

/** A policy's ingress or egress rules in plain words: from/to whom, on which ports. */
export function RuleList({ rules, direction, namespace }: { rules: readonly Rule[]; direction: 'ingress' | 'egress'; namespace: string }) {
  const preposition = direction === 'ingress' ? 'from' : 'to';
  if (rules.length === 0) return <p className="inspector__none">no rule: all {direction} denied for the selected workloads</p>;
  return (
    <ol className="inspector__rules">
      {rules.map((rule, index) => (
        <li key={index}>
          <span className="inspector__rule-part">
            {preposition}: {rule.peers.length === 0 ? 'anywhere' : rule.peers.map((peer) => describePeer(peer, namespace)).join('; ')}
          </span>
          <span className="inspector__rule-part">ports: {rule.ports.length === 0 ? 'all' : rule.ports.map(describePort).join(', ')}</span>
        </li>
      ))}
    </ol>
  );
}
