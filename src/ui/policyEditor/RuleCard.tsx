import { useEffect, useRef } from 'react';
import { useViewStore } from '../../store/useViewStore';
import { describePeer, describePort } from '../inspector/describePolicy';
import { FieldIssues } from './FieldIssues';
import { usePolicyEdit } from './policyEditContext';
import type { RuleDirection } from './policyEdits';
import { PeersEditor } from './PeersEditor';
import { PortsEditor } from './PortsEditor';
import { RuleHead } from './RuleHead';

/** One ingress or egress rule: move up/down and remove, its peers and its ports, and what it allows in plain words. */
export function RuleCard({ direction, index, count }: { direction: RuleDirection; index: number; count: number }) {
  const { namespace, decoded, issuesAt } = usePolicyEdit();
  const label = `${direction} rule ${index + 1}`;
  const path = ['spec', direction, index];
  const rule = decoded?.[direction][index];
  const preposition = direction === 'ingress' ? 'from' : 'to';
  const focus = useViewStore((state) => (state.selection?.kind === 'policy' ? state.selection.rule : undefined));
  const isFocused = focus?.direction === direction && focus.index === index;
  const card = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (isFocused) card.current?.scrollIntoView({ block: 'nearest' });
  }, [isFocused]);
  return (
    <li ref={card} className={`policy-editor__rule${isFocused ? ' policy-editor__rule--focused' : ''}`} aria-label={label} aria-current={isFocused ? 'true' : undefined}>
      <RuleHead direction={direction} index={index} count={count} label={label} />
      {rule && (
        <p className="policy-editor__summary">
          <span className="inspector__rule-part">
            {preposition}: {rule.peers.length === 0 ? 'anywhere' : rule.peers.map((peer) => describePeer(peer, namespace)).join('; ')}
          </span>
          <span className="inspector__rule-part">ports: {rule.ports.length === 0 ? 'all' : rule.ports.map(describePort).join(', ')}</span>
        </p>
      )}
      <FieldIssues issues={issuesAt(path)} />
      <PeersEditor path={[...path, preposition]} label={label} direction={direction} />
      <PortsEditor path={[...path, 'ports']} label={label} direction={direction} />
    </li>
  );
}
