import { FieldIssues } from './FieldIssues';
import { IpBlockFields } from './IpBlockFields';
import { usePolicyEdit } from './policyEditContext';
import { asMap, getIn, removeItem, type FieldPath } from './policyEdits';
import { SelectorEditor } from './SelectorEditor';

const SELECTORS = ['namespaceSelector', 'podSelector'] as const;

/** What a peer admits, in words, from which selectors it has. */
function peerMeaning(hasPods: boolean, hasNamespaces: boolean, namespace: string): string {
  if (hasPods && hasNamespaces) return 'AND: pods matching podSelector, in namespaces matching namespaceSelector';
  if (hasPods) return `pods matching podSelector in this policy's namespace (${namespace})`;
  if (hasNamespaces) return 'every pod in namespaces matching namespaceSelector';
  return 'a peer needs a podSelector, a namespaceSelector or an ipBlock';
}

/** One peer of a rule as a card: its selectors (joined by AND when both are set) or its ipBlock, with remove and add-selector buttons. */
export function PeerCard({ peersPath, index, label }: { peersPath: FieldPath; index: number; label: string }) {
  const { policy, namespace, editAt, issuesAt } = usePolicyEdit();
  const path = [...peersPath, index];
  const peer = asMap(getIn(policy, path));
  const isIpBlock = peer.ipBlock !== undefined;
  const present = SELECTORS.filter((key) => peer[key] !== undefined);
  const isJoined = present.length === 2;
  return (
    <div className={`policy-editor__peer${isJoined ? ' policy-editor__peer--joined' : ''}`} role="group" aria-label={label}>
      <div className="policy-editor__peer-head">
        <span className="policy-editor__peer-kind">{isIpBlock ? 'ipBlock' : isJoined ? 'one peer, both selectors' : (present[0] ?? 'empty peer')}</span>
        <button type="button" className="policy-editor__icon" aria-label={`Remove ${label}`} title="Remove peer" onClick={() => editAt(peersPath, (list) => removeItem(list, index))}>
          ×
        </button>
      </div>
      {!isIpBlock && <p className="policy-editor__meaning">{peerMeaning(present.includes('podSelector'), present.includes('namespaceSelector'), namespace)}</p>}
      {isIpBlock && <IpBlockFields path={path} label={label} />}
      {present.map((key, i) => (
        <div key={key} className="policy-editor__peer-part">
          {i > 0 && <span className="policy-editor__and">AND</span>}
          {(isJoined || isIpBlock) && (
            <div className="policy-editor__peer-part-head">
              <span className="policy-editor__caption">{key}</span>
              <button type="button" className="policy-editor__link" aria-label={`Remove ${label} ${key}`} onClick={() => editAt([...path, key], () => undefined)}>
                remove
              </button>
            </div>
          )}
          <SelectorEditor path={[...path, key]} label={`${label} ${key}`} />
        </div>
      ))}
      {!isIpBlock && present.length === 1 && (
        <button
          type="button"
          className="policy-editor__add"
          aria-label={`Add ${label} ${present[0] === 'podSelector' ? 'namespaceSelector' : 'podSelector'}`}
          onClick={() => editAt([...path, present[0] === 'podSelector' ? 'namespaceSelector' : 'podSelector'], () => ({}))}
        >
          + AND {present[0] === 'podSelector' ? 'namespaceSelector' : 'podSelector'}
        </button>
      )}
      <FieldIssues issues={issuesAt(path)} />
    </div>
  );
}
