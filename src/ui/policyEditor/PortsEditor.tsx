import { useId } from 'react';
import { FieldIssues } from './FieldIssues';
import { usePolicyEdit } from './policyEditContext';
import { addPort, asList, getIn, type FieldPath, type RuleDirection } from './policyEdits';
import { PortRow } from './PortRow';

/** A rule's ports: every entry, an "all ports" note when there is none, and named-port suggestions for the direction. */
export function PortsEditor({ path, label, direction }: { path: FieldPath; label: string; direction: RuleDirection }) {
  const { policy, editAt, issuesAt, portNames } = usePolicyEdit();
  const listId = useId();
  const ports = asList(getIn(policy, path));
  return (
    <div className="policy-editor__ports">
      <span className="policy-editor__caption">ports</span>
      {ports.length === 0 && <p className="policy-editor__note">no ports listed: all ports and protocols</p>}
      {ports.map((_, i) => (
        <PortRow key={i} portsPath={path} index={i} label={`${label} port ${i + 1}`} listId={listId} />
      ))}
      <datalist id={listId}>
        {portNames[direction].map((port) => (
          <option key={port.name} value={port.name} label={port.detail} />
        ))}
      </datalist>
      <FieldIssues issues={issuesAt(path)} />
      <button type="button" className="policy-editor__add" aria-label={`Add ${label} port`} onClick={() => editAt(path, addPort)}>
        + port
      </button>
    </div>
  );
}
