import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Issue } from '../../engine';
import { FieldIssues } from './FieldIssues';

/** How long typing may pause before the text is written to the document. */
export const COMMIT_DELAY_MS = 600;

interface TextFieldProps {
  /** The accessible name; shown as a caption unless `caption` says otherwise. */
  label: string;
  /** A visible caption shorter than the accessible name, or null for none. */
  caption?: string | null;
  value: string;
  onCommit: (text: string) => void;
  issues?: readonly Issue[];
  placeholder?: string;
  /** The id of a datalist of suggestions. */
  list?: string;
  isDisabled?: boolean;
  className?: string;
}

/**
 * A text input bound to the document: it shows the document's value, keeps what is typed while it has
 * focus, and writes it (one undo step) after a short pause, on Enter or when focus leaves. Issues of the
 * field are shown beside it and mark it invalid; what was typed is never discarded.
 */
export function TextField({ label, caption = label, value, onCommit, issues = [], placeholder, list, isDisabled = false, className }: TextFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);
  const latest = useRef({ onCommit, value });
  const issuesId = useId();
  useEffect(() => {
    latest.current = { onCommit, value };
  });
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const text = pending.current;
    pending.current = null;
    if (text !== null && text !== latest.current.value) latest.current.onCommit(text);
  }, []);
  useEffect(() => flush, [flush]);
  const isInvalid = issues.some((issue) => issue.severity === 'error');
  return (
    <label className={`policy-editor__field ${className ?? ''}`}>
      {caption !== null && <span className="policy-editor__caption">{caption}</span>}
      <input
        type="text"
        aria-label={label}
        aria-invalid={isInvalid}
        aria-describedby={issues.length > 0 ? issuesId : undefined}
        value={draft ?? value}
        placeholder={placeholder}
        list={list}
        disabled={isDisabled}
        spellCheck={false}
        onFocus={() => setDraft(value)}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          pending.current = text;
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, COMMIT_DELAY_MS);
        }}
        onBlur={() => {
          flush();
          setDraft(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') flush();
        }}
      />
      <FieldIssues id={issuesId} issues={issues} />
    </label>
  );
}
