import { useId, useMemo } from 'react';
import { editObject, listObjects, type Issue } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useEditorStore } from '../../store/useEditorStore';
import { useViewStore } from '../../store/useViewStore';
import { ClusterPolicyDetails } from '../inspector/ClusterPolicyDetails';
import { FieldIssues } from '../policyEditor/FieldIssues';
import { PolicyEditContext, type PolicyEditApi } from '../policyEditor/policyEditContext';
import { fieldText, getIn, pathText, updateObject, type FieldPath } from '../policyEditor/policyEdits';
import { SelectorEditor } from '../policyEditor/SelectorEditor';
import { TextField } from '../policyEditor/TextField';
import { workloadPortNames } from '../policyEditor/workloadPortNames';
import { ClusterRuleSection } from './ClusterRuleSection';
import { CNP_PRIORITY, clusterPeerKind, setSubjectKind } from './clusterPolicyEdits';
import '../policyEditor/policyEditor.css';

const KIND = 'ClusterNetworkPolicy';

/** A selected cluster policy's id (`Kind name`) as an object reference. */
function refOf(id: string): { kind: string; name: string } {
  const space = id.indexOf(' ');
  return { kind: id.slice(0, space), name: id.slice(space + 1) };
}

/**
 * The selected cluster policy: its rules in words, and for a ClusterNetworkPolicy (v1alpha2) a form over every field —
 * name, tier, priority, subject, rules with action, peers and protocols — bounded by the CRD's limits, written back as
 * one undo step per edit with the engine's issues at their fields. v1alpha1 objects are read-only until migrated.
 */
export function ClusterPolicyEditor({ id }: { id: string }) {
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const select = useViewStore((state) => state.select);
  const requestJump = useEditorStore((state) => state.requestJump);
  const analysis = useAnalysisStore((state) => state.current);
  const listId = useId();
  const ref = useMemo(() => refOf(id), [id]);
  const found = useMemo(() => listObjects(files).find((o) => o.ref.kind === ref.kind && o.ref.name === ref.name), [files, ref]);
  const objectIssues = useMemo(() => analysis.issues.filter((issue) => issue.object === id), [analysis, id]);
  const api = useMemo((): PolicyEditApi | null => {
    if (found === undefined || ref.kind !== KIND) return null;
    const byPath = new Map<string, Issue[]>();
    for (const issue of objectIssues) byPath.set(issue.path ?? '', [...(byPath.get(issue.path ?? '') ?? []), issue]);
    const names = workloadPortNames(analysis.model.workloads);
    return {
      policy: found.raw,
      namespace: '',
      decoded: undefined,
      editAt: (path: FieldPath, update) => applyEdit((current) => editObject(current, ref, (raw) => updateObject(raw, path, update))),
      issuesAt: (path) => byPath.get(pathText(path)) ?? [],
      portNames: { ingress: names, egress: names },
    };
  }, [found, ref, objectIssues, analysis, applyEdit]);

  const details = <ClusterPolicyDetails model={analysis.model} id={id} />;
  if (found === undefined) return <p className="inspector__hint">No {id} in the workspace any more (renamed, deleted or undone): pick one in the Cluster policies list.</p>;
  if (api === null) {
    return (
      <>
        {details}
        <p className="inspector__hint" data-testid="cluster-policy-read-only">
          {ref.kind} is v1alpha1: migrate it to a ClusterNetworkPolicy (v1alpha2) with “Migrate” in the Cluster policies list to edit it here.
        </p>
      </>
    );
  }
  const { policy, editAt, issuesAt } = api;
  const subject = getIn(policy, ['spec', 'subject']);
  const subjectKind = clusterPeerKind(subject);
  const tier = fieldText(getIn(policy, ['spec', 'tier']));
  const rename = (text: string) => {
    editAt(['metadata', 'name'], () => text.trim());
    select({ kind: 'clusterPolicy', id: `${KIND} ${text.trim()}` });
  };
  return (
    <PolicyEditContext.Provider value={api}>
      {details}
      <section className="policy-editor" aria-label={`Edit ${id}`}>
        <p className="inspector__sub">
          <button type="button" className="link-button" onClick={() => requestJump(found.file, found.line)}>
            {found.file}:{found.line}
          </button>
        </p>
        <FieldIssues issues={[...issuesAt([]), ...issuesAt(['metadata']), ...issuesAt(['spec'])]} />
        <TextField label="name" value={fieldText(getIn(policy, ['metadata', 'name']))} issues={issuesAt(['metadata', 'name'])} onCommit={rename} />
        <label className="policy-editor__field">
          <span className="policy-editor__caption">tier</span>
          <select aria-label="tier" value={tier} onChange={(event) => editAt(['spec', 'tier'], () => event.target.value)}>
            {tier !== 'Admin' && tier !== 'Baseline' && <option value={tier}>{tier === '' ? '(none)' : tier}</option>}
            <option value="Admin">Admin (before NetworkPolicies)</option>
            <option value="Baseline">Baseline (after NetworkPolicies)</option>
          </select>
          <FieldIssues issues={issuesAt(['spec', 'tier'])} />
        </label>
        <TextField
          label="priority"
          caption={`priority (${CNP_PRIORITY.min}–${CNP_PRIORITY.max}, lower decides first)`}
          value={fieldText(getIn(policy, ['spec', 'priority']))}
          issues={issuesAt(['spec', 'priority'])}
          onCommit={(text) => editAt(['spec', 'priority'], () => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim()))}
        />
        <fieldset className="policy-editor__types">
          <legend className="policy-editor__caption">subject</legend>
          {(['namespaces', 'pods'] as const).map((kind) => (
            <label key={kind} className="policy-editor__check">
              <input type="radio" name={`${listId}-subject`} checked={subjectKind === kind} onChange={() => editAt(['spec', 'subject'], (old) => setSubjectKind(old, kind))} />
              {kind === 'namespaces' ? 'every pod in namespaces' : 'pods'}
            </label>
          ))}
          {subjectKind === 'namespaces' && <SelectorEditor path={['spec', 'subject', 'namespaces']} label="subject namespaces" />}
          {subjectKind === 'pods' &&
            (['namespaceSelector', 'podSelector'] as const).map((key) => (
              <div key={key} className="policy-editor__peer-part">
                <span className="policy-editor__caption">{key}</span>
                <SelectorEditor path={['spec', 'subject', 'pods', key]} label={`subject ${key}`} />
              </div>
            ))}
          <FieldIssues issues={[...issuesAt(['spec', 'subject']), ...issuesAt(['spec', 'subject', 'pods'])]} />
        </fieldset>
        <ClusterRuleSection direction="ingress" listId={listId} />
        <ClusterRuleSection direction="egress" listId={listId} />
        <datalist id={listId}>
          {api.portNames.ingress.map((port) => (
            <option key={port.name} value={port.name} label={port.detail} />
          ))}
        </datalist>
        <button
          type="button"
          className="policy-editor__delete"
          onClick={() => {
            applyEdit((current) => editObject(current, ref, () => null));
            select(null);
          }}
        >
          Delete cluster policy
        </button>
      </section>
    </PolicyEditContext.Provider>
  );
}
