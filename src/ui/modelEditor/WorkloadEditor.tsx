import { useMemo, useState } from 'react';
import { editObject, listObjects, renameWorkload } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { ChangePreview } from '../design/ChangePreview';
import { fieldIssues, labelIssueMessages, parseWorkloadId } from './fieldIssues';
import { LabelRows } from './LabelRows';
import { NameField } from './NameField';
import { PortRows } from './PortRows';
import { useWorkspaceObject } from './useWorkspaceObject';
import { containerPortsPath, podLabelsPath, readContainerPorts, readPodLabels, setContainerPorts, setWorkloadLabels } from './workloadFields';
import './modelEditor.css';

/** Edits the workload `id` (`ns/name[Kind]`) of the what-if model: its name, pod labels and container ports, or deletes it. */
export function WorkloadEditor({ id }: { id: string }) {
  const parts = parseWorkloadId(id);
  const ref = parts && { kind: parts.kind, namespace: parts.namespace, name: parts.name };
  const raw = useWorkspaceObject(ref);
  const files = useDocumentStore((state) => state.files);
  const issues = useAnalysisStore((state) => state.current.issues);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const select = useViewStore((state) => state.select);
  const keepPositions = useViewStore((state) => state.keepPositions);
  const [deletion, setDeletion] = useState<typeof files | null>(null);
  const kindOfRaw = parts?.kind;
  const labels = useMemo(() => (raw && kindOfRaw ? readPodLabels(raw, kindOfRaw) : []), [raw, kindOfRaw]);
  const ports = useMemo(() => (raw && kindOfRaw ? readContainerPorts(raw, kindOfRaw) : []), [raw, kindOfRaw]);
  if (!parts || !ref) return null;
  if (!raw) {
    return <p className="inspector__hint">This workload comes from Pods owned by {parts.kind} {parts.name}; edit them in the YAML pane.</p>;
  }
  const { kind, namespace, name } = parts;
  const object = `${kind} ${namespace}/${name}`;
  const labelsPath = podLabelsPath(kind);
  const portsPath = containerPortsPath(kind);
  const messages = (path: string) => fieldIssues(issues, object, path).map((i) => i.message);
  const labelIssuesOf = (key: string) => labelIssueMessages(fieldIssues(issues, object, labelsPath), labelsPath, key);
  const rowMessages = new Set(labels.flatMap(([key]) => labelIssuesOf(key)));

  const rename = (to: string) => {
    const isTaken = listObjects(files).some((o) => o.ref.kind === kind && o.ref.namespace === namespace && o.ref.name === to);
    if (isTaken) return `${kind} ${namespace}/${to} already exists`;
    applyEdit((current) => renameWorkload(current, ref, to));
    const renamed = `${namespace}/${to}[${kind}]`;
    const placed = useViewStore.getState().positions[id];
    if (placed) keepPositions({ [renamed]: placed });
    select({ kind: 'workload', id: renamed });
    return null;
  };

  return (
    <section className="model-editor" aria-label={`Edit workload ${name}`}>
      <NameField label="Name" value={name} issues={messages('metadata.name')} onCommit={rename} />
      <h3>Pod labels</h3>
      <LabelRows
        labels={labels}
        issuesOf={labelIssuesOf}
        onCommit={(next) => applyEdit((current) => editObject(current, ref, (written) => setWorkloadLabels(written, kind, next)))}
      />
      {messages(labelsPath)
        .filter((m) => !rowMessages.has(m))
        .map((m) => (
          <p key={m} className="model-editor__error" role="alert">
            {m}
          </p>
        ))}
      <h3>Container ports</h3>
      <PortRows
        ports={ports}
        issuesOf={(index) => messages(`${portsPath}[${index}]`)}
        onCommit={(next) => applyEdit((current) => editObject(current, ref, (written) => setContainerPorts(written, kind, next)))}
      />
      <button type="button" className="model-editor__delete" onClick={() => setDeletion(editObject(files, ref, () => null))}>
        Delete workload
      </button>
      {deletion !== null && (
        <ChangePreview
          title={`Delete ${kind} ${namespace}/${name}`}
          descriptions={[`Delete ${kind} ${namespace}/${name}`]}
          before={files}
          after={deletion}
          onCancel={() => setDeletion(null)}
          onApply={() => {
            applyEdit(() => deletion);
            setDeletion(null);
            select(null);
          }}
        />
      )}
    </section>
  );
}
