import { useMemo, useState } from 'react';
import { appendObject, editObject, listObjectRefs, listObjects } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { ChangePreview } from '../design/ChangePreview';
import { fieldIssues, labelIssueMessages } from './fieldIssues';
import { LabelRows } from './LabelRows';
import { NameField } from './NameField';
import { deleteNamespace, renameNamespace, type WorkspaceEdit } from './namespaceEdits';
import { fileForNamespace, newDeployment, newNamespace, nextName } from './newObjects';
import { setIn } from './rawPath';
import { useWorkspaceObject } from './useWorkspaceObject';
import './modelEditor.css';

interface Pending extends WorkspaceEdit {
  title: string;
  /** What to select once applied. */
  then: string | null;
}

/** Edits namespace `name` of the what-if model: declare it, rename it (moving its objects), edit its labels, add a workload to it, or delete it with everything in it. */
export function NamespaceEditor({ name }: { name: string }) {
  const files = useDocumentStore((state) => state.files);
  const issues = useAnalysisStore((state) => state.current.issues);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const select = useViewStore((state) => state.select);
  const keepPositions = useViewStore((state) => state.keepPositions);
  const raw = useWorkspaceObject({ kind: 'Namespace', name });
  const [pending, setPending] = useState<Pending | null>(null);
  const [attempt, setAttempt] = useState(0);
  const labels = useMemo(() => {
    const written = raw?.metadata !== null && typeof raw?.metadata === 'object' ? (raw.metadata as Record<string, unknown>).labels : undefined;
    return typeof written === 'object' && written !== null && !Array.isArray(written)
      ? Object.entries(written).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v ?? '')])
      : [];
  }, [raw]);
  const names = useMemo(() => new Set(listObjectRefs(files).map(({ ref }) => (ref.kind === 'Namespace' ? ref.name : (ref.namespace ?? 'default')))), [files]);
  if (!raw && !names.has(name)) return null;
  const ref = { kind: 'Namespace', name };
  const object = `Namespace ${name}`;
  const messages = (path: string) => fieldIssues(issues, object, path).map((i) => i.message);

  const rename = (to: string) => {
    if (names.has(to)) return `namespace ${to} already exists`;
    setPending({ ...renameNamespace(files, name, to), title: `Rename namespace ${name} to ${to}`, then: to });
    return null;
  };
  const addWorkload = () => {
    const taken = listObjects(files).filter((o) => o.ref.namespace === name).map((o) => o.ref.name);
    const workload = nextName('workload', taken);
    applyEdit((current) => appendObject(current, newDeployment(workload, name), fileForNamespace(current, name)));
    select({ kind: 'workload', id: `${name}/${workload}[Deployment]` });
  };
  const apply = (edit: Pending) => {
    applyEdit(() => edit.files);
    setPending(null);
    const placed = useViewStore.getState().positions[`ns:${name}`];
    if (edit.then !== null && placed) keepPositions({ [`ns:${edit.then}`]: placed });
    select(edit.then === null ? null : { kind: 'namespace', id: edit.then });
  };

  return (
    <section className="model-editor" aria-label={`Edit namespace ${name}`}>
      <NameField key={attempt} label="Name" value={name} issues={messages('metadata.name')} onCommit={rename} />
      {raw ? (
        <>
          <h3>Namespace labels</h3>
          <LabelRows
            labels={labels}
            issuesOf={(key) => labelIssueMessages(fieldIssues(issues, object, 'metadata.labels'), 'metadata.labels', key)}
            onCommit={(next) =>
              applyEdit((current) => editObject(current, ref, (written) => setIn(written, ['metadata', 'labels'], Object.keys(next).length > 0 ? next : undefined)))
            }
          />
        </>
      ) : (
        <p className="inspector__hint">
          No Namespace object declares it.{' '}
          <button type="button" onClick={() => applyEdit((current) => appendObject(current, newNamespace(name), fileForNamespace(current, name)))}>
            Declare namespace
          </button>
        </p>
      )}
      <div className="model-editor__actions">
        <button type="button" onClick={addWorkload}>
          Add workload here
        </button>
        <button type="button" className="model-editor__delete" onClick={() => setPending({ ...deleteNamespace(files, name), title: `Delete namespace ${name}`, then: null })}>
          Delete namespace
        </button>
      </div>
      {pending !== null && (
        <ChangePreview
          title={pending.title}
          descriptions={pending.descriptions}
          before={files}
          after={pending.files}
          onCancel={() => {
            setPending(null);
            setAttempt((n) => n + 1);
          }}
          onApply={() => apply(pending)}
        />
      )}
    </section>
  );
}
