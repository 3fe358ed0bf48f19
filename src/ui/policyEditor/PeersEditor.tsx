import { Fragment } from 'react';
import { FieldIssues } from './FieldIssues';
import { usePolicyEdit } from './policyEditContext';
import { addPeer, asList, asMap, canJoinPeers, canSplitPeer, getIn, joinPeers, splitPeer, type FieldPath, type PeerKind, type RuleDirection } from './policyEdits';
import { PeerCard } from './PeerCard';

const PEER_KINDS: readonly PeerKind[] = ['podSelector', 'namespaceSelector', 'ipBlock'];

/** The one-line difference between a joined peer and two peers. */
const PEER_JOIN_EXPLANATION =
  'One peer with both selectors admits pods matching podSelector that are also in namespaces matching namespaceSelector (AND); two separate peers admit either one (OR).';

/** A rule's `from`/`to` list: peer cards with OR between them, join/split controls with the AND/OR explanation, and add buttons. */
export function PeersEditor({ path, label, direction }: { path: FieldPath; label: string; direction: RuleDirection }) {
  const { policy, editAt, issuesAt } = usePolicyEdit();
  const peers = asList(getIn(policy, path));
  const key = direction === 'ingress' ? 'from' : 'to';
  const hasJoinChoice = peers.some((_, i) => canJoinPeers(peers, i) || canSplitPeer(peers, i));
  return (
    <div className="policy-editor__peers">
      <span className="policy-editor__caption">{key}</span>
      {peers.length === 0 && <p className="policy-editor__note">no peers listed: {direction === 'ingress' ? 'from' : 'to'} anywhere (every pod and address)</p>}
      {peers.map((peer, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <div className="policy-editor__or">
              <span>OR</span>
              {canJoinPeers(peers, i - 1) && (
                <button type="button" className="policy-editor__link" aria-label={`Join ${label} peers ${i} and ${i + 1}`} onClick={() => editAt(path, (list) => joinPeers(list, i - 1))}>
                  join into one peer (AND)
                </button>
              )}
            </div>
          )}
          <PeerCard peersPath={path} index={i} label={`${label} peer ${i + 1}`} />
          {canSplitPeer(peers, i) && asMap(peer).ipBlock === undefined && (
            <button type="button" className="policy-editor__link policy-editor__split" aria-label={`Split ${label} peer ${i + 1}`} onClick={() => editAt(path, (list) => splitPeer(list, i))}>
              split into two peers (OR)
            </button>
          )}
        </Fragment>
      ))}
      {hasJoinChoice && <p className="policy-editor__explain">{PEER_JOIN_EXPLANATION}</p>}
      <FieldIssues issues={issuesAt(path)} />
      <div className="policy-editor__adds">
        {PEER_KINDS.map((kind) => (
          <button key={kind} type="button" className="policy-editor__add" aria-label={`Add ${label} ${kind} peer`} onClick={() => editAt(path, (list) => addPeer(list, kind))}>
            + {kind}
          </button>
        ))}
      </div>
    </div>
  );
}
