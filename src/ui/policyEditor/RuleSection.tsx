import { FieldIssues } from './FieldIssues';
import { usePolicyEdit } from './policyEditContext';
import { addRule, asList, asMap, effectivePolicyTypes, type RuleDirection } from './policyEdits';
import { RuleCard } from './RuleCard';

/** The ingress or egress rules of the policy, with a note when policyTypes leaves them without effect, and an add button. */
export function RuleSection({ direction }: { direction: RuleDirection }) {
  const { policy, editAt, issuesAt } = usePolicyEdit();
  const rules = asList(asMap(policy.spec)[direction]);
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  const isInEffect = effectivePolicyTypes(policy).types.includes(type);
  return (
    <section className="policy-editor__section" aria-label={`${type} rules`}>
      <h3>
        {direction} rules ({rules.length})
      </h3>
      {!isInEffect && rules.length > 0 && <p className="policy-editor__note policy-editor__note--warn">policyTypes does not include {type}: these rules have no effect</p>}
      {isInEffect && rules.length === 0 && <p className="policy-editor__note">no rule: all {direction} of the selected workloads is denied</p>}
      {!isInEffect && rules.length === 0 && <p className="policy-editor__note">this policy does not govern {direction}</p>}
      <ol className="policy-editor__rules">
        {rules.map((_, i) => (
          <RuleCard key={i} direction={direction} index={i} count={rules.length} />
        ))}
      </ol>
      <FieldIssues issues={issuesAt(['spec', direction])} />
      <button type="button" className="policy-editor__add" onClick={() => editAt([], (raw) => addRule(asMap(raw), direction))}>
        + {direction} rule
      </button>
    </section>
  );
}
