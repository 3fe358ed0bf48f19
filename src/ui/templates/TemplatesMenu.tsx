import { useState } from 'react';
import { CLUSTER_TEMPLATES, POLICY_TEMPLATES, appendObject, clusterTemplate, type ClusterTemplateId, type PolicyTemplateId, type SourceFile, type TemplateOptions } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { ChangePreview } from '../design/ChangePreview';
import { DropdownMenu } from '../shared/DropdownMenu';
import { TemplateForm } from './TemplateForm';
import { templateTarget, type TemplateTarget } from './templateTarget';

/** The toolbar's "Templates ▾" menu: pick a ready-made policy and the namespace it applies to (or a cluster policy, cluster-wide), preview the change and apply it as one undo step. */
export function TemplatesMenu() {
  const model = useAnalysisStore((state) => state.live.model);
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const select = useViewStore((state) => state.select);
  const [chosen, setChosen] = useState<PolicyTemplateId | null>(null);
  const [target, setTarget] = useState<TemplateTarget | null>(null);
  const [cluster, setCluster] = useState<{ title: string; files: SourceFile[]; descriptions: string[]; policyId?: string } | null>(null);
  const namespaces = model.namespaces.map((n) => n.name);
  const title = POLICY_TEMPLATES.find((t) => t.id === chosen)?.title ?? '';

  // A cluster template is cluster-scoped: no namespace to choose, straight to the preview.
  const chooseCluster = (id: ClusterTemplateId, title: string) => {
    const manifests = clusterTemplate(id, new Set(model.clusterPolicies.map((p) => p.name)));
    const fileName = files[0]?.name ?? 'workspace.yaml';
    const after = manifests.reduce<SourceFile[]>((current, m) => appendObject(current, m, fileName), files);
    setCluster({ title, files: after, descriptions: manifests.map((m) => `Add ClusterNetworkPolicy ${String((m.metadata as { name: string }).name)} to ${fileName}`) });
  };
  const items = [
    ...POLICY_TEMPLATES.map((template) => ({ label: template.title, onSelect: () => setChosen(template.id) })),
    ...CLUSTER_TEMPLATES.map((template) => ({ label: template.title, onSelect: () => chooseCluster(template.id, template.title) })),
  ];
  const preview = (namespace: string, options: TemplateOptions) => {
    if (chosen !== null) setTarget(templateTarget(files, chosen, namespace, options));
  };
  const close = () => {
    setChosen(null);
    setTarget(null);
    setCluster(null);
  };

  // One preview for both kinds: a namespaced policy (selected once applied) or cluster policies.
  const shown = target !== null ? { title: `${title}: ${target.policyId}`, descriptions: target.descriptions, files: target.files, policyId: target.policyId } : cluster;

  return (
    <>
      <DropdownMenu buttonText="Templates ▾" label="Templates" items={items} />
      {chosen !== null && target === null && <TemplateForm templateId={chosen} namespaces={namespaces} onPreview={preview} onCancel={close} />}
      {shown !== null && (
        <ChangePreview
          title={shown.title}
          descriptions={shown.descriptions}
          before={files}
          after={shown.files}
          onCancel={close}
          onApply={() => {
            applyEdit(() => shown.files);
            if (shown.policyId !== undefined) select({ kind: 'policy', id: shown.policyId });
            close();
          }}
        />
      )}
    </>
  );
}
