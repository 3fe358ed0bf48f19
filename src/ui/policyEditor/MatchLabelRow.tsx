import type { Issue } from '../../engine';
import { usePolicyEdit } from './policyEditContext';
import { removeMatchLabel, setMatchLabel, type FieldPath } from './policyEdits';
import { TextField } from './TextField';

/** One `matchLabels` pair of a selector: key and value fields and a remove button. */
export function MatchLabelRow({ path, label, labelKey, value, issues }: { path: FieldPath; label: string; labelKey: string; value: string; issues: readonly Issue[] }) {
  const { editAt } = usePolicyEdit();
  const mentions = (issue: Issue) => issue.message.includes(JSON.stringify(labelKey)) || issue.message.includes(`(label ${labelKey})`);
  return (
    <div className="policy-editor__row policy-editor__row--label">
      <TextField
        label={`${label} key`}
        caption={null}
        placeholder="key"
        value={labelKey}
        issues={issues.filter((i) => i.code !== 'label-value' && mentions(i))}
        onCommit={(text) => editAt(path, (selector) => setMatchLabel(selector, labelKey, text, value))}
      />
      <span className="policy-editor__op">=</span>
      <TextField
        label={`${label} value`}
        caption={null}
        placeholder="value"
        value={value}
        issues={issues.filter((i) => i.code === 'label-value' && mentions(i))}
        onCommit={(text) => editAt(path, (selector) => setMatchLabel(selector, labelKey, labelKey, text))}
      />
      <button type="button" className="policy-editor__icon" aria-label={`Remove ${label}`} title="Remove" onClick={() => editAt(path, (selector) => removeMatchLabel(selector, labelKey))}>
        ×
      </button>
    </div>
  );
}
