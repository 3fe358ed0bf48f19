import { usePolicyEdit } from './policyEditContext';
import { addExpression, addMatchLabel, asList, asMap, getIn, pathText, type FieldPath } from './policyEdits';
import { ExpressionRow } from './ExpressionRow';
import { FieldIssues } from './FieldIssues';
import { MatchLabelRow } from './MatchLabelRow';

/** A label selector's matchLabels and matchExpressions, each with add and remove; `label` prefixes every control's name. */
export function SelectorEditor({ path, label }: { path: FieldPath; label: string }) {
  const { policy, editAt, issuesAt } = usePolicyEdit();
  const selector = asMap(getIn(policy, path));
  const labels = Object.entries(asMap(selector.matchLabels));
  const expressions = asList(selector.matchExpressions);
  const labelIssues = issuesAt([...path, 'matchLabels']);
  const keyIssues = labels.flatMap(([key]) => issuesAt([...path, 'matchLabels', key]));
  const isEmpty = labels.length === 0 && expressions.length === 0;
  return (
    <div className="policy-editor__selector" data-path={pathText(path)}>
      {isEmpty && <p className="policy-editor__note">empty: matches everything</p>}
      {labels.map(([key, value], i) => (
        <MatchLabelRow key={i} path={path} label={`${label} label ${i + 1}`} labelKey={key} value={value === null ? '' : String(value)} issues={[...labelIssues, ...keyIssues]} />
      ))}
      {expressions.map((expression, i) => (
        <ExpressionRow key={i} path={path} index={i} label={`${label} expression ${i + 1}`} expression={asMap(expression)} />
      ))}
      <FieldIssues
        issues={[
          ...issuesAt(path),
          ...labelIssues.filter((issue) => !labels.some(([key]) => issue.message.includes(JSON.stringify(key)))),
          ...issuesAt([...path, 'matchExpressions']),
        ]}
      />
      <div className="policy-editor__adds">
        <button type="button" className="policy-editor__add" aria-label={`Add ${label} label`} onClick={() => editAt(path, addMatchLabel)}>
          + label
        </button>
        <button type="button" className="policy-editor__add" aria-label={`Add ${label} expression`} onClick={() => editAt(path, addExpression)}>
          + expression
        </button>
      </div>
    </div>
  );
}
