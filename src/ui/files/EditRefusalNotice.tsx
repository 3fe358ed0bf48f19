import { useDocumentStore } from '../../store/useDocumentStore';
import { useEditorStore } from '../../store/useEditorStore';
import './files.css';

/** Says why the last edit was not made (its object's document has an error it would keep) and shows that line in the YAML. */
export function EditRefusalNotice() {
  const refusal = useDocumentStore((state) => state.editRefusal);
  const dismiss = useDocumentStore((state) => state.dismissEditRefusal);
  const requestJump = useEditorStore((state) => state.requestJump);
  if (refusal === null) return null;
  const { file, line, object, message } = refusal;
  return (
    <div className="load-error" role="alert" data-testid="edit-refusal">
      <span>
        Not changed: {object ?? 'the document'} at {file} line {line} has an error ({message}). Fix it first, then edit it.
      </span>
      <button type="button" className="link-button edit-refusal__show" onClick={() => requestJump(file, line)}>
        Show line {line}
      </button>
      <button type="button" className="load-error__close" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
