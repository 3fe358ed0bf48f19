import { useState, type KeyboardEvent } from 'react';

/** Props of {@link LabelRows}. */
export interface LabelRowsProps {
  /** The labels as written, in order. */
  labels: readonly (readonly [string, string])[];
  /** The engine's messages about label `key`. */
  issuesOf: (key: string) => string[];
  /** Writes the labels. */
  onCommit: (labels: Record<string, string>) => void;
}

type Row = readonly [string, string];

function isSame(a: readonly Row[], b: readonly Row[]): boolean {
  return a.length === b.length && a.every(([k, v], i) => k === b[i][0] && v === b[i][1]);
}

function written(rows: readonly Row[]): Row[] {
  return rows.filter(([key]) => key !== '');
}

function duplicateAt(rows: readonly Row[], index: number): boolean {
  const key = rows[index][0];
  return key !== '' && rows.findIndex(([k]) => k === key) < index;
}

/** Key/value rows for a label map: edits apply on Enter or leaving a field; rows without a key or with a repeated key stay here, marked, until fixed. */
export function LabelRows({ labels, issuesOf, onCommit }: LabelRowsProps) {
  const [rows, setRows] = useState<readonly Row[]>(labels);
  const [shown, setShown] = useState(labels);
  if (shown !== labels) {
    setShown(labels);
    if (!isSame(written(rows), labels)) setRows(labels);
  }
  const commit = (next: readonly Row[]) => {
    const kept = written(next);
    if (next.some((_, i) => duplicateAt(next, i)) || isSame(kept, labels)) return;
    onCommit(Object.fromEntries(kept));
  };
  const edit = (index: number, row: Row) => setRows(rows.map((r, i) => (i === index ? row : r)));
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    commit(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    commit(rows);
  };
  return (
    <div className="model-editor__rows">
      {rows.map(([key, value], i) => {
        const messages = [
          ...(key === '' && value !== '' ? ['a key is required'] : []),
          ...(duplicateAt(rows, i) ? [`${key} is already a label above`] : []),
          ...(key === '' ? [] : issuesOf(key)),
        ];
        return (
          <div key={i} className="model-editor__row">
            <input
              type="text"
              aria-label={`Label ${i + 1} key`}
              placeholder="key"
              value={key}
              aria-invalid={messages.length > 0}
              spellCheck={false}
              onChange={(e) => edit(i, [e.target.value, value])}
              onBlur={() => commit(rows)}
              onKeyDown={onKeyDown}
            />
            <span className="model-editor__equals">=</span>
            <input
              type="text"
              aria-label={`Label ${i + 1} value`}
              placeholder="value"
              value={value}
              aria-invalid={messages.length > 0}
              spellCheck={false}
              onChange={(e) => edit(i, [key, e.target.value])}
              onBlur={() => commit(rows)}
              onKeyDown={onKeyDown}
            />
            <button type="button" className="model-editor__remove" aria-label={`Remove label ${key || i + 1}`} onClick={() => remove(i)}>
              ×
            </button>
            {messages.map((m) => (
              <span key={m} className="model-editor__error" role="alert">
                {m}
              </span>
            ))}
          </div>
        );
      })}
      <button type="button" className="model-editor__add" onClick={() => setRows([...rows, ['', '']])}>
        Add label
      </button>
    </div>
  );
}
