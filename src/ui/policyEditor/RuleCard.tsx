import { useEffect, useRef } from 'react';
import { useViewStore } from '../../store/useViewStore';
import { describePeer, describePort } from '../inspector/describePolicy';
import { FieldIssues } from './FieldIssues';
import { usePolicyEdit } from './policyEditContext';
import { asMap, moveRule, removeRule, type RuleDirection } from './policyEdits';
import { PeersEditor } from './PeersEditor';
import { PortsEditor } from './PortsEditor';

/** One ingress or egress rule: move up/down and remove, its peers and its ports, and what it allows in plain words. */
export function RuleCard({ direction, index, count }: { direction: RuleDirection; index: number; count: number }) {
  const { namespace, decoded, editAt, issuesAt } = usePolicyEdit();
  const label = `${direction} rule ${index + 1}`;
  const path = ['spec', direction, index];
  const rule = decoded?.[direction][index];
  const preposition = direction === 'ingress' ? 'from' : 'to';
  const move = (delta: number) => editAt([], (raw) => moveRule(asMap(raw), direction, index, delta));
  const focus = useViewStore((state) => (state.selection?.kind === 'policy' ? state.selection.rule : undefined));
  const isFocused = focus?.direction === direction && focus.index === index;
  const card = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (isFocused) card.current?.scrollIntoView({ block: 'nearest' });
  }, [isFocused]);
  return (
    <li ref={card} className={`policy-editor__rule${isFocused ? ' policy-editor__rule--focused' : ''}`} aria-label={label} aria-current={isFocused ? 'true' : undefined}>
      <div className="policy-editor__rule-head">
        <span className="policy-editor__rule-title">Rule {index + 1}</span>
        <button type="button" className="policy-editor__icon" aria-label={`Move ${label} up`} title="Move up" disabled={index === 0} onClick={() => move(-1)}>
          ↑
        </button>
        <button type="button" className="policy-editor__icon" aria-label={`Move ${label} down`} title="Move down" disabled={index === count - 1} onClick={() => move(1)}>
          ↓
        </button>
        <button type="button" className="policy-editor__icon" aria-label={`Remove ${label}`} title="Remove rule" onClick={() => editAt([], (raw) => removeRule(asMap(raw), direction, index))}>
          ×
        </button>
      </div>
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
