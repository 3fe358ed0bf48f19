import { PROTOCOLS } from '../../engine';
import { FieldIssues } from './FieldIssues';
import { usePolicyEdit } from './policyEditContext';
import { asMap, fieldText, getIn, removeItem, setPortField, type FieldPath } from './policyEdits';
import { TextField } from './TextField';

/** One `ports` entry: protocol (absent shows "TCP (default)"), a port number or named port with suggestions, and endPort. */
export function PortRow({ portsPath, index, label, listId }: { portsPath: FieldPath; index: number; label: string; listId: string }) {
  const { policy, editAt, issuesAt } = usePolicyEdit();
  const path = [...portsPath, index];
  const port = asMap(getIn(policy, path));
  const protocol = fieldText(port.protocol);
  const isKnown = protocol === '' || (PROTOCOLS as readonly string[]).includes(protocol);
  const protocolIssues = issuesAt([...path, 'protocol']);
  return (
    <div className="policy-editor__row policy-editor__row--port">
      <select aria-label={`${label} protocol`} aria-invalid={protocolIssues.some((i) => i.severity === 'error')} value={protocol} onChange={(event) => editAt(path, (old) => setPortField(old, 'protocol', event.target.value))}>
        <option value="">TCP (default)</option>
        {!isKnown && <option value={protocol}>{protocol}</option>}
        {['TCP', 'UDP', 'SCTP'].map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <TextField label={`${label} port`} caption={null} placeholder="all ports" list={listId} value={fieldText(port.port)} issues={issuesAt([...path, 'port'])} onCommit={(text) => editAt(path, (old) => setPortField(old, 'port', text))} />
      <span className="policy-editor__op">to</span>
      <TextField label={`${label} endPort`} caption={null} placeholder="endPort" value={fieldText(port.endPort)} issues={issuesAt([...path, 'endPort'])} onCommit={(text) => editAt(path, (old) => setPortField(old, 'endPort', text))} />
      <button type="button" className="policy-editor__icon" aria-label={`Remove ${label}`} title="Remove" onClick={() => editAt(portsPath, (list) => removeItem(list, index))}>
        ×
      </button>
      <FieldIssues issues={[...protocolIssues, ...issuesAt(path)]} />
    </div>
  );
}
