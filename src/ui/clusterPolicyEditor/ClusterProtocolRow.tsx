import { FieldIssues } from '../policyEditor/FieldIssues';
import { usePolicyEdit } from '../policyEditor/policyEditContext';
import { getIn, pathText, removeItem, type FieldPath } from '../policyEditor/policyEdits';
import { TextField } from '../policyEditor/TextField';
import { CLUSTER_PROTOCOL_KINDS, clusterProtocolEntry, clusterProtocolFields, type ClusterProtocolFields } from './clusterPolicyEdits';

const KIND_LABELS: Readonly<Record<(typeof CLUSTER_PROTOCOL_KINDS)[number], string>> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP', destinationNamedPort: 'named port' };

/** The entry and its inner fields, where validation writes its issues (`tcp.destinationPort.range.start`…). */
function issuePaths(path: FieldPath, fields: ClusterProtocolFields): FieldPath[] {
  if (fields.kind === '') return [path];
  if (fields.kind === 'destinationNamedPort') return [path, [...path, 'destinationNamedPort']];
  const port = [...path, fields.kind, 'destinationPort'];
  return [path, [...path, fields.kind], port, [...port, 'number'], [...port, 'range'], [...port, 'range', 'start'], [...port, 'range', 'end']];
}

/** One `protocols` entry: TCP/UDP/SCTP with a port or a range (start to end), or a named port of the destination. */
export function ClusterProtocolRow({ protocolsPath, index, label, listId }: { protocolsPath: FieldPath; index: number; label: string; listId: string }) {
  const { policy, editAt, issuesAt } = usePolicyEdit();
  const path = [...protocolsPath, index];
  const fields = clusterProtocolFields(getIn(policy, path));
  const write = (patch: Partial<ClusterProtocolFields>) => editAt(path, () => clusterProtocolEntry({ ...fields, ...patch }));
  const isNamed = fields.kind === 'destinationNamedPort';
  const issues = issuePaths(path, fields).flatMap((p) => issuesAt(p));
  return (
    <div className="policy-editor__row policy-editor__row--port" data-path={pathText(path)}>
      <select aria-label={`${label} protocol`} value={fields.kind === '' ? 'tcp' : fields.kind} onChange={(event) => write({ kind: event.target.value as ClusterProtocolFields['kind'], ...(event.target.value === 'destinationNamedPort' ? { end: '' } : {}) })}>
        {CLUSTER_PROTOCOL_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      <TextField label={`${label} ${isNamed ? 'port name' : 'port'}`} caption={null} placeholder={isNamed ? 'port name' : 'port'} list={isNamed ? listId : undefined} value={fields.port} onCommit={(port) => write({ port })} />
      {!isNamed && (
        <>
          <span className="policy-editor__op">to</span>
          <TextField label={`${label} range end`} caption={null} placeholder="end" value={fields.end} onCommit={(end) => write({ end })} />
        </>
      )}
      <button type="button" className="policy-editor__icon" aria-label={`Remove ${label}`} title="Remove" onClick={() => editAt(protocolsPath, (list) => removeItem(list, index))}>
        ×
      </button>
      <FieldIssues issues={issues} />
    </div>
  );
}
