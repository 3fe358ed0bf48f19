import { useMemo } from 'react';
import { editObject, listObjects, matchesSelector, type Issue } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useEditorStore } from '../../store/useEditorStore';
import { useViewStore } from '../../store/useViewStore';
import { formatSelector } from '../inspector/describePolicy';
import { SelectLink } from '../inspector/SelectLink';
import { FieldIssues } from './FieldIssues';
import { PolicyEditContext, type PolicyEditApi } from './policyEditContext';
import { fieldText, getIn, pathText, toLabelSelector, updateObject, type FieldPath } from './policyEdits';
import { policyId, policyRef } from './policyRef';
import { PolicyTypesField } from './PolicyTypesField';
import { RuleSection } from './RuleSection';
import { SelectorEditor } from './SelectorEditor';
import { TextField } from './TextField';
import { workloadPortNames } from './workloadPortNames';
import './policyEditor.css';

/**
 * The selected NetworkPolicy as a form over every field, read from the files as written (invalid
 * policies included) and written back with one undo step per committed edit; the engine's issues
 * show at their fields.
 */
export function PolicyEditor({ id }: { id: string }) {
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const select = useViewStore((state) => state.select);
  const requestJump = useEditorStore((state) => state.requestJump);
  const ref = useMemo(() => policyRef(id), [id]);
  const analysis = useAnalysisStore((state) => state.current);
  const found = useMemo(
    () => listObjects(files).find((o) => o.ref.kind === 'NetworkPolicy' && o.ref.name === ref.name && o.ref.namespace === ref.namespace),
    [files, ref],
  );
  const policy = found?.raw;
  const namespace = ref.namespace ?? 'default';
  const objectIssues = useMemo(() => analysis.issues.filter((issue) => issue.object === `NetworkPolicy ${id}`), [analysis, id]);
  const selected = useMemo(() => {
    const selector = toLabelSelector(getIn(policy, ['spec', 'podSelector']));
    return analysis.model.workloads.filter((w) => w.namespace === namespace && matchesSelector(selector, w.labels));
  }, [analysis, policy, namespace]);
  const api = useMemo((): PolicyEditApi | null => {
    if (policy === undefined) return null;
    const byPath = new Map<string, Issue[]>();
    for (const issue of objectIssues) byPath.set(issue.path ?? '', [...(byPath.get(issue.path ?? '') ?? []), issue]);
    return {
      policy,
      namespace,
      decoded: analysis.model.policies.find((p) => p.id === id),
      editAt: (path: FieldPath, update) => applyEdit((current) => editObject(current, ref, (raw) => updateObject(raw, path, update))),
      issuesAt: (path) => byPath.get(pathText(path)) ?? [],
      portNames: { ingress: workloadPortNames(selected), egress: workloadPortNames(analysis.model.workloads) },
    };
  }, [policy, namespace, analysis, id, applyEdit, ref, objectIssues, selected]);

  if (api === null || found === undefined) return <p className="inspector__hint">No NetworkPolicy {id} in the workspace any more (renamed, deleted or undone): pick one in the Policies list.</p>;
  const name = fieldText(getIn(api.policy, ['metadata', 'name']));
  const errorCount = objectIssues.filter((issue) => issue.severity === 'error').length;
  const rename = (path: FieldPath, text: string, nextId: string) => {
    api.editAt(path, () => text.trim());
    select({ kind: 'policy', id: nextId });
  };
  return (
    <PolicyEditContext.Provider value={api}>
      <section className="policy-editor" aria-label={`Policy ${id}`}>
        <p className="inspector__kind">NetworkPolicy</p>
        <h2 className="inspector__title">{name === '' ? '(no name)' : name}</h2>
        <p className="inspector__sub">
          namespace {namespace} ·{' '}
          <button type="button" className="link-button" onClick={() => requestJump(found.file, found.line)}>
            {found.file}:{found.line}
          </button>
        </p>
        {errorCount > 0 && (
          <p className="inspector__warning" data-testid="policy-invalid">
            {errorCount === 1 ? '1 error' : `${errorCount} errors`}: the canvas ignores this policy until fixed
          </p>
        )}
        <FieldIssues issues={[...api.issuesAt([]), ...api.issuesAt(['metadata']), ...api.issuesAt(['spec'])]} />
        <TextField label="name" value={name} issues={api.issuesAt(['metadata', 'name'])} onCommit={(text) => rename(['metadata', 'name'], text, policyId(namespace, text.trim()))} />
        <TextField
          label="namespace"
          value={fieldText(getIn(api.policy, ['metadata', 'namespace']))}
          placeholder="default"
          list="policy-editor-namespaces"
          issues={api.issuesAt(['metadata', 'namespace'])}
          onCommit={(text) => rename(['metadata', 'namespace'], text, policyId(text.trim(), ref.name))}
        />
        <datalist id="policy-editor-namespaces">
          {analysis.model.namespaces.map((ns) => (
            <option key={ns.name} value={ns.name} />
          ))}
        </datalist>
        <h3>podSelector: {formatSelector(toLabelSelector(getIn(api.policy, ['spec', 'podSelector'])))}</h3>
        <p className="policy-editor__count" data-testid="selects-count">
          selects {selected.length === 1 ? '1 workload' : `${selected.length} workloads`} in {namespace}
        </p>
        {selected.length > 0 && (
          <ul className="inspector__list" aria-label="Selected workloads">
            {selected.map((workload) => (
              <li key={workload.id}>
                <SelectLink target={{ kind: 'workload', id: workload.id }}>{workload.id}</SelectLink>
              </li>
            ))}
          </ul>
        )}
        <SelectorEditor path={['spec', 'podSelector']} label="podSelector" />
        <PolicyTypesField />
        <RuleSection direction="ingress" />
        <RuleSection direction="egress" />
        <button
          type="button"
          className="policy-editor__delete"
          onClick={() => {
            applyEdit((current) => editObject(current, ref, () => null));
            select(null);
          }}
        >
          Delete policy
        </button>
      </section>
    </PolicyEditContext.Provider>
  );
}
