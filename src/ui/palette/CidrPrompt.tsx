import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isCidr } from './isCidr';

/** The range a new external node suggests. */
export const DEFAULT_CIDR = '203.0.113.0/24';

/** A small inline form asking for the address range of a new external node; a range that does not parse is kept and marked. */
export function CidrPrompt({ onAdd, onCancel }: { onAdd: (cidr: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(DEFAULT_CIDR);
  const [isTried, setTried] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const isValid = isCidr(text.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (isValid) onAdd(text.trim());
  };
  return (
    <form className="cidr-prompt" aria-label="New external range" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label className="cidr-prompt__label">
        CIDR
        <input ref={input} type="text" value={text} aria-invalid={isTried && !isValid} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit">Add</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {isTried && !isValid && (
        <span className="cidr-prompt__error" role="alert">
          not a CIDR: write an address and a prefix length, such as {DEFAULT_CIDR}
        </span>
      )}
    </form>
  );
}
