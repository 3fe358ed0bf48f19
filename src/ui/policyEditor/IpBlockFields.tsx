import { FieldIssues } from './FieldIssues';
import { usePolicyEdit } from './policyEditContext';
import { asList, fieldText, getIn, removeItem, type FieldPath } from './policyEdits';
import { TextField } from './TextField';

/** An ipBlock peer's cidr and its except list, each with its issues. */
export function IpBlockFields({ path, label }: { path: FieldPath; label: string }) {
  const { policy, editAt, issuesAt } = usePolicyEdit();
  const blockPath = [...path, 'ipBlock'];
  const except = asList(getIn(policy, [...blockPath, 'except']));
  return (
    <div className="policy-editor__ipblock">
      <TextField label={`${label} cidr`} caption="cidr" placeholder="10.0.0.0/8" value={fieldText(getIn(policy, [...blockPath, 'cidr']))} issues={issuesAt([...blockPath, 'cidr'])} onCommit={(text) => editAt([...blockPath, 'cidr'], () => text.trim())} />
      {except.map((item, i) => (
        <div key={i} className="policy-editor__row policy-editor__row--except">
          <TextField label={`${label} except ${i + 1}`} caption={null} placeholder="except 10.1.0.0/16" value={fieldText(item)} issues={issuesAt([...blockPath, 'except', i])} onCommit={(text) => editAt([...blockPath, 'except', i], () => text.trim())} />
          <button type="button" className="policy-editor__icon" aria-label={`Remove ${label} except ${i + 1}`} title="Remove" onClick={() => editAt([...blockPath, 'except'], (list) => removeItem(list, i))}>
            ×
          </button>
        </div>
      ))}
      <FieldIssues issues={[...issuesAt(blockPath), ...issuesAt([...blockPath, 'except'])]} />
      <button type="button" className="policy-editor__add" aria-label={`Add ${label} except`} onClick={() => editAt([...blockPath, 'except'], (list) => [...asList(list), ''])}>
        + except
      </button>
    </div>
  );
}
