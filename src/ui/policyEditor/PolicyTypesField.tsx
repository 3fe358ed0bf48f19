import { POLICY_TYPES } from '../../engine';
import { FieldIssues } from './FieldIssues';
import { usePolicyEdit } from './policyEditContext';
import { asMap, effectivePolicyTypes, setPolicyType } from './policyEdits';

/** The policyTypes checkboxes; when the field is absent they show the API server's default, marked "(defaulted)". */
export function PolicyTypesField() {
  const { policy, editAt, issuesAt } = usePolicyEdit();
  const { types, isDefaulted } = effectivePolicyTypes(policy);
  return (
    <fieldset className="policy-editor__types">
      <legend className="policy-editor__caption">policyTypes{isDefaulted && ' (absent, defaulted)'}</legend>
      {POLICY_TYPES.map((type) => (
        <label key={type} className="policy-editor__check">
          <input type="checkbox" checked={types.includes(type)} onChange={(event) => editAt([], (raw) => setPolicyType(asMap(raw), type, event.target.checked))} />
          {type}
          {isDefaulted && types.includes(type) && ' (defaulted)'}
        </label>
      ))}
      <FieldIssues issues={[...issuesAt(['spec', 'policyTypes']), ...[0, 1].flatMap((i) => issuesAt(['spec', 'policyTypes', i]))]} />
    </fieldset>
  );
}
