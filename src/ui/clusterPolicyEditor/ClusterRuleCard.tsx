import { Fragment } from 'react';
import { FieldIssues } from '../policyEditor/FieldIssues';
import { usePolicyEdit } from '../policyEditor/policyEditContext';
import { asList, asMap, fieldText, getIn, type RuleDirection } from '../policyEditor/policyEdits';
import { RuleHead } from '../policyEditor/RuleHead';
import { TextField } from '../policyEditor/TextField';
import { ClusterPeerCard } from './ClusterPeerCard';
import { ClusterProtocolRow } from './ClusterProtocolRow';
import { CNP_MAX_ITEMS, addClusterPeer, addClusterProtocol, clusterPeerKinds } from './clusterPolicyEdits';

const ACTIONS = ['Accept', 'Deny', 'Pass'] as const;

/** What an action does in the policy's tier, in words. */
function actionMeaning(action: string, tier: string): string {
  if (action === 'Accept') return 'allowed here, final (the other end must still allow it)';
  if (action === 'Deny') return 'denied, final';
  if (action === 'Pass') return tier === 'Baseline' ? 'skips the rest of the Baseline tier: allowed by default' : 'skips the rest of the Admin tier: the NetworkPolicies (or the Baseline tier) decide';
  return '';
}

/** One rule of a ClusterNetworkPolicy: name, action, peers (OR) and protocols, with move and remove; adds stop at the CRD's limits. */
export function ClusterRuleCard({ direction, index, count, listId }: { direction: RuleDirection; index: number; count: number; listId: string }) {
  const { policy, editAt, issuesAt } = usePolicyEdit();
  const label = `${direction} rule ${index + 1}`;
  const path = ['spec', direction, index];
  const rule = asMap(getIn(policy, path));
  const preposition = direction === 'ingress' ? 'from' : 'to';
  const peersPath = [...path, preposition];
  const peers = asList(rule[preposition]);
  const protocolsPath = [...path, 'protocols'];
  const protocols = asList(rule.protocols);
  const action = fieldText(rule.action);
  const tier = fieldText(getIn(policy, ['spec', 'tier']));
  return (
    <li className="policy-editor__rule" aria-label={label}>
      <RuleHead direction={direction} index={index} count={count} label={label} />
      <TextField label={`${label} name`} caption="name" value={fieldText(rule.name)} issues={issuesAt([...path, 'name'])} onCommit={(text) => editAt([...path, 'name'], () => (text.trim() === '' ? undefined : text.trim()))} />
      <label className="policy-editor__field">
        <span className="policy-editor__caption">action</span>
        <select aria-label={`${label} action`} value={action} onChange={(event) => editAt([...path, 'action'], () => event.target.value)}>
          {!(ACTIONS as readonly string[]).includes(action) && <option value={action}>{action === '' ? '(none)' : action}</option>}
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <p className="policy-editor__meaning">{actionMeaning(action, tier)}</p>
      <FieldIssues issues={[...issuesAt(path), ...issuesAt([...path, 'action'])]} />
      <div className="policy-editor__peers">
        <span className="policy-editor__caption">{preposition}</span>
        {peers.length === 0 && <p className="policy-editor__note">a rule needs at least one peer</p>}
        {peers.map((_, i) => (
          <Fragment key={i}>
            {i > 0 && (
              <div className="policy-editor__or">
                <span>OR</span>
              </div>
            )}
            <ClusterPeerCard peersPath={peersPath} index={i} label={`${label} peer ${i + 1}`} />
          </Fragment>
        ))}
        <FieldIssues issues={issuesAt(peersPath)} />
        <div className="policy-editor__adds">
          {clusterPeerKinds(direction).map((kind) => (
            <button key={kind} type="button" className="policy-editor__add" aria-label={`Add ${label} ${kind} peer`} disabled={peers.length >= CNP_MAX_ITEMS} title={peers.length >= CNP_MAX_ITEMS ? `at most ${CNP_MAX_ITEMS} peers per rule` : undefined} onClick={() => editAt(peersPath, (list) => addClusterPeer(list, kind))}>
              + {kind}
            </button>
          ))}
        </div>
      </div>
      <div className="policy-editor__ports">
        <span className="policy-editor__caption">protocols</span>
        {protocols.length === 0 && <p className="policy-editor__note">none listed: every protocol and port</p>}
        {protocols.map((_, i) => (
          <ClusterProtocolRow key={i} protocolsPath={protocolsPath} index={i} label={`${label} protocol ${i + 1}`} listId={listId} />
        ))}
        <FieldIssues issues={issuesAt(protocolsPath)} />
        <button type="button" className="policy-editor__add" aria-label={`Add ${label} protocol`} disabled={protocols.length >= CNP_MAX_ITEMS} onClick={() => editAt(protocolsPath, addClusterProtocol)}>
          + protocol
        </button>
      </div>
    </li>
  );
}
