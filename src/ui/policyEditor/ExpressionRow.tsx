import { usePolicyEdit } from './policyEditContext';
import { fieldText, parseValueList, removeExpression, SELECTOR_OPERATORS, setExpression, type FieldPath } from './policyEdits';
import { FieldIssues } from './FieldIssues';
import { TextField } from './TextField';

/** One `matchExpressions` item: key, operator and values (a comma list, disabled for Exists and DoesNotExist). */
export function ExpressionRow({ path, index, label, expression }: { path: FieldPath; index: number; label: string; expression: Record<string, unknown> }) {
  const { editAt, issuesAt } = usePolicyEdit();
  const itemPath = [...path, 'matchExpressions', index];
  const operator = fieldText(expression.operator);
  const values = Array.isArray(expression.values) ? expression.values.map(fieldText) : [];
  const hasNoValues = operator === 'Exists' || operator === 'DoesNotExist';
  const operatorIssues = issuesAt([...itemPath, 'operator']);
  const valueIssues = [...issuesAt([...itemPath, 'values']), ...values.flatMap((_, i) => issuesAt([...itemPath, 'values', i]))];
  const isKnown = (SELECTOR_OPERATORS as readonly string[]).includes(operator);
  return (
    <div className="policy-editor__row policy-editor__row--expression">
      <TextField
        label={`${label} key`}
        caption={null}
        placeholder="key"
        value={fieldText(expression.key)}
        issues={issuesAt([...itemPath, 'key'])}
        onCommit={(text) => editAt(path, (selector) => setExpression(selector, index, { key: text }))}
      />
      <select
        aria-label={`${label} operator`}
        aria-invalid={operatorIssues.length > 0}
        value={operator}
        onChange={(event) => editAt(path, (selector) => setExpression(selector, index, { operator: event.target.value }))}
      >
        {!isKnown && <option value={operator}>{operator === '' ? '(none)' : operator}</option>}
        {SELECTOR_OPERATORS.map((op) => (
          <option key={op} value={op}>
            {op}
          </option>
        ))}
      </select>
      <button type="button" className="policy-editor__icon" aria-label={`Remove ${label}`} title="Remove" onClick={() => editAt(path, (selector) => removeExpression(selector, index))}>
        ×
      </button>
      <TextField
        label={`${label} values`}
        caption={null}
        placeholder={hasNoValues ? 'no values' : 'values, comma separated'}
        value={values.join(', ')}
        isDisabled={hasNoValues && values.length === 0}
        issues={valueIssues}
        onCommit={(text) => editAt(path, (selector) => setExpression(selector, index, { values: parseValueList(text) }))}
        className="policy-editor__values"
      />
      <FieldIssues issues={operatorIssues} />
    </div>
  );
}
