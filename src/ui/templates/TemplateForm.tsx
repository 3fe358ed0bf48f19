import { useId, useState, type FormEvent } from 'react';
import { POLICY_TEMPLATES, type PolicyTemplateId, type TemplateOptions } from '../../engine';
import { isCidr } from '../palette/isCidr';
import { Dialog } from '../shared/Dialog';
import './templates.css';

/** Props of {@link TemplateForm}. */
export interface TemplateFormProps {
  templateId: PolicyTemplateId;
  /** The namespaces of the model to choose from. */
  namespaces: readonly string[];
  onPreview: (namespace: string, options: TemplateOptions) => void;
  onCancel: () => void;
}

/** A dialog asking where a template applies: the namespace, and the controller namespace or CIDRs the template needs. */
export function TemplateForm({ templateId, namespaces, onPreview, onCancel }: TemplateFormProps) {
  const title = POLICY_TEMPLATES.find((t) => t.id === templateId)?.title ?? templateId;
  const [namespace, setNamespace] = useState(namespaces[0] ?? 'default');
  const [ingressNamespace, setIngressNamespace] = useState('ingress-nginx');
  const [cidrText, setCidrText] = useState('10.0.0.0/8');
  const errorId = useId();
  const cidrs = cidrText.split(/[\s,]+/).filter((c) => c !== '');
  const badCidrs = cidrs.filter((c) => !isCidr(c));
  const isCidrList = templateId === 'deny-egress-except-cidrs';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isCidrList && badCidrs.length > 0) return;
    onPreview(namespace, templateId === 'allow-from-ingress-controller' ? { ingressNamespace: ingressNamespace.trim() } : isCidrList ? { cidrs } : {});
  };
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      onSubmit={submit}
      buttons={
        <>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit">Preview</button>
        </>
      }
    >
      <div className="template-form">
        <label className="template-form__field">
          Namespace
          <select value={namespace} onChange={(e) => setNamespace(e.target.value)}>
            {(namespaces.length > 0 ? namespaces : ['default']).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {templateId === 'allow-from-ingress-controller' && (
          <label className="template-form__field">
            Ingress controller namespace
            <input type="text" value={ingressNamespace} spellCheck={false} onChange={(e) => setIngressNamespace(e.target.value)} />
          </label>
        )}
        {isCidrList && (
          <label className="template-form__field">
            CIDRs egress stays open to (comma or space separated)
            <input
              type="text"
              value={cidrText}
              spellCheck={false}
              aria-invalid={badCidrs.length > 0}
              aria-describedby={badCidrs.length > 0 ? errorId : undefined}
              onChange={(e) => setCidrText(e.target.value)}
            />
            {badCidrs.length > 0 && (
              <span id={errorId} className="template-form__error" role="alert">
                not a CIDR: {badCidrs.join(', ')}
              </span>
            )}
          </label>
        )}
      </div>
    </Dialog>
  );
}
