import { FieldIssues } from '../policyEditor/FieldIssues';
import { usePolicyEdit } from '../policyEditor/policyEditContext';
import { asList, getIn, parseValueList, removeItem, type FieldPath } from '../policyEditor/policyEdits';
import { SelectorEditor } from '../policyEditor/SelectorEditor';
import { TextField } from '../policyEditor/TextField';
import { clusterPeerKind } from './clusterPolicyEdits';

const MEANING = {
  namespaces: 'every pod in namespaces matching the selector',
  pods: 'pods matching podSelector, in namespaces matching namespaceSelector',
  networks: 'every address in these CIDRs (pod addresses too)',
} as const;

/** One peer of a cluster rule: a namespaces selector, a pods pair of selectors, or a list of networks CIDRs. */
export function ClusterPeerCard({ peersPath, index, label }: { peersPath: FieldPath; index: number; label: string }) {
  const { policy, editAt, issuesAt } = usePolicyEdit();
  const path = [...peersPath, index];
  const kind = clusterPeerKind(getIn(policy, path));
  return (
    <div className="policy-editor__peer" role="group" aria-label={label}>
      <div className="policy-editor__peer-head">
        <span className="policy-editor__peer-kind">{kind ?? 'peer of an unknown kind'}</span>
        <button type="button" className="policy-editor__icon" aria-label={`Remove ${label}`} title="Remove peer" onClick={() => editAt(peersPath, (list) => removeItem(list, index))}>
          ×
        </button>
      </div>
      {kind && <p className="policy-editor__meaning">{MEANING[kind]}</p>}
      {kind === 'namespaces' && <SelectorEditor path={[...path, 'namespaces']} label={`${label} namespaces`} />}
      {kind === 'pods' &&
        (['namespaceSelector', 'podSelector'] as const).map((key, i) => (
          <div key={key} className="policy-editor__peer-part">
            {i > 0 && <span className="policy-editor__and">AND</span>}
            <span className="policy-editor__caption">{key}</span>
            <SelectorEditor path={[...path, 'pods', key]} label={`${label} ${key}`} />
          </div>
        ))}
      {kind === 'networks' && (
        <TextField
          label={`${label} networks`}
          caption="networks (CIDRs, comma-separated)"
          placeholder="10.0.0.0/8, 192.168.0.0/16"
          value={asList(getIn(policy, [...path, 'networks'])).map(String).join(', ')}
          issues={issuesAt([...path, 'networks'])}
          onCommit={(text) => editAt([...path, 'networks'], () => parseValueList(text))}
        />
      )}
      <FieldIssues issues={[...issuesAt(path), ...(kind === 'pods' ? issuesAt([...path, 'pods']) : [])]} />
    </div>
  );
}
