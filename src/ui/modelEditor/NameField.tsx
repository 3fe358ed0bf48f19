import { useState, type KeyboardEvent } from 'react';

/** Props of {@link NameField}. */
export interface NameFieldProps {
  label: string;
  value: string;
  /** Errors the engine reports for the written name. */
  issues: readonly string[];
  /** Applies a new name, or returns why it cannot be applied (the typed text stays). */
  onCommit: (name: string) => string | null;
}

/** A text field for an object's name, applied on Enter or when it loses focus. */
export function NameField({ label, value, issues, onCommit }: NameFieldProps) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (shown !== value) {
    setShown(value);
    setText(value);
    setError(null);
  }
  const commit = () => {
    const name = text.trim();
    if (name === value) return setError(null);
    setError(name === '' ? 'a name is required' : onCommit(name));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      // Keeps the Enter from also pressing a button the commit may focus, such as a preview's Apply.
      event.preventDefault();
      commit();
    }
    if (event.key === 'Escape') {
      setText(value);
      setError(null);
    }
  };
  const messages = [...(error === null ? [] : [error]), ...issues];
  return (
    <label className="model-editor__field">
      <span className="model-editor__label">{label}</span>
      <input
        type="text"
        value={text}
        aria-invalid={messages.length > 0}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {messages.map((m) => (
        <span key={m} className="model-editor__error" role="alert">
          {m}
        </span>
      ))}
    </label>
  );
}
