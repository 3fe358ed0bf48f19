import { FieldIssues } from '../policyEditor/FieldIssues';
import { usePolicyEdit } from '../policyEditor/policyEditContext';
import { asList, asMap, getIn, type RuleDirection } from '../policyEditor/policyEdits';
import { ClusterRuleCard } from './ClusterRuleCard';
import { CNP_MAX_ITEMS, addClusterRule } from './clusterPolicyEdits';

/** The ingress or egress rules of a ClusterNetworkPolicy in evaluation order, with an add button that stops at the CRD's limit. */
export function ClusterRuleSection({ direction, listId }: { direction: RuleDirection; listId: string }) {
  const { policy, editAt, issuesAt } = usePolicyEdit();
  const rules = asList(getIn(policy, ['spec', direction]));
  const isFull = rules.length >= CNP_MAX_ITEMS;
  return (
    <section className="policy-editor__section" aria-label={`${direction === 'ingress' ? 'Ingress' : 'Egress'} rules`}>
      <h3>
        {direction} rules ({rules.length})
      </h3>
      {rules.length === 0 && <p className="policy-editor__note">no rule: this policy leaves {direction} to the other tiers</p>}
      <ol className="policy-editor__rules">
        {rules.map((_, i) => (
          <ClusterRuleCard key={i} direction={direction} index={i} count={rules.length} listId={listId} />
        ))}
      </ol>
      <FieldIssues issues={issuesAt(['spec', direction])} />
      <button type="button" className="policy-editor__add" disabled={isFull} title={isFull ? `at most ${CNP_MAX_ITEMS} rules per direction` : undefined} onClick={() => editAt([], (raw) => addClusterRule(asMap(raw), direction))}>
        + {direction} rule
      </button>
    </section>
  );
}
