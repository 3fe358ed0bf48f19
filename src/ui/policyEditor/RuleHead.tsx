import { usePolicyEdit } from './policyEditContext';
import { asMap, moveRule, removeRule, type RuleDirection } from './policyEdits';

/** A rule card's head: its number, move up/down (rules of a cluster policy decide in this order) and remove. */
export function RuleHead({ direction, index, count, label }: { direction: RuleDirection; index: number; count: number; label: string }) {
  const { editAt } = usePolicyEdit();
  const move = (delta: number) => editAt([], (raw) => moveRule(asMap(raw), direction, index, delta));
  return (
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
  );
}
