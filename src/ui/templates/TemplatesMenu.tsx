import { useState } from 'react';
import { POLICY_TEMPLATES, type PolicyTemplateId, type TemplateOptions } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { ChangePreview } from '../design/ChangePreview';
import { DropdownMenu } from '../shared/DropdownMenu';
import { TemplateForm } from './TemplateForm';
import { templateTarget, type TemplateTarget } from './templateTarget';

/** The toolbar's "Templates ▾" menu: pick a ready-made policy, the namespace it applies to, preview the change and apply it as one undo step. */
export function TemplatesMenu() {
  const model = useAnalysisStore((state) => state.live.model);
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const select = useViewStore((state) => state.select);
  const [chosen, setChosen] = useState<PolicyTemplateId | null>(null);
  const [target, setTarget] = useState<TemplateTarget | null>(null);
  const namespaces = model.namespaces.map((n) => n.name);
  const title = POLICY_TEMPLATES.find((t) => t.id === chosen)?.title ?? '';

  const items = POLICY_TEMPLATES.map((template) => ({ label: template.title, onSelect: () => setChosen(template.id) }));
  const preview = (namespace: string, options: TemplateOptions) => {
    if (chosen !== null) setTarget(templateTarget(files, chosen, namespace, options));
  };
  const close = () => {
    setChosen(null);
    setTarget(null);
  };

  return (
    <>
      <DropdownMenu buttonText="Templates ▾" label="Templates" items={items} />
      {chosen !== null && target === null && <TemplateForm templateId={chosen} namespaces={namespaces} onPreview={preview} onCancel={close} />}
      {target !== null && (
        <ChangePreview
          title={`${title}: ${target.policyId}`}
          descriptions={target.descriptions}
          before={files}
          after={target.files}
          onCancel={close}
          onApply={() => {
            applyEdit(() => target.files);
            select({ kind: 'policy', id: target.policyId });
            close();
          }}
        />
      )}
    </>
  );
}
