import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { POLICY_TEMPLATES, type PolicyTemplateId, type TemplateOptions } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { ChangePreview } from '../design/ChangePreview';
import { TemplateForm } from './TemplateForm';
import { templateTarget, type TemplateTarget } from './templateTarget';
import '../export/exportMenu.css';
import './templates.css';

/** The toolbar's "Templates ▾" menu: pick a ready-made policy, the namespace it applies to, preview the change and apply it as one undo step. */
export function TemplatesMenu() {
  const model = useAnalysisStore((state) => state.live.model);
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const select = useViewStore((state) => state.select);
  const [isOpen, setOpen] = useState(false);
  const [chosen, setChosen] = useState<PolicyTemplateId | null>(null);
  const [target, setTarget] = useState<TemplateTarget | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const namespaces = model.namespaces.map((n) => n.name);
  const title = POLICY_TEMPLATES.find((t) => t.id === chosen)?.title ?? '';

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const current = items.findIndex((item) => item === document.activeElement);
    if (event.key === 'ArrowDown') items[(current + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(current - 1 + items.length) % items.length]?.focus();
    else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
  };
  const onBlur = (event: FocusEvent) => {
    if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  const preview = (namespace: string, options: TemplateOptions) => {
    if (chosen !== null) setTarget(templateTarget(files, chosen, namespace, options));
  };
  const close = () => {
    setChosen(null);
    setTarget(null);
  };

  return (
    <div className="export-menu" ref={root} onBlur={onBlur}>
      <button type="button" aria-haspopup="menu" aria-expanded={isOpen} aria-controls={isOpen ? menuId : undefined} onClick={() => setOpen(!isOpen)}>
        Templates ▾
      </button>
      {isOpen && (
        <ul id={menuId} className="export-menu__list" role="menu" aria-label="Templates" onKeyDown={onMenuKeyDown}>
          {POLICY_TEMPLATES.map((template) => (
            <li key={template.id} role="none">
              <button
                type="button"
                role="menuitem"
                className="export-menu__item"
                onClick={() => {
                  setOpen(false);
                  setChosen(template.id);
                }}
              >
                {template.title}
              </button>
            </li>
          ))}
        </ul>
      )}
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
    </div>
  );
}
