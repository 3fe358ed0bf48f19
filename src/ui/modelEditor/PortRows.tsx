import { useState, type KeyboardEvent } from 'react';
import { PROTOCOLS } from '../../engine';
import type { PortRow } from './workloadFields';

/** Props of {@link PortRows}. */
export interface PortRowsProps {
  /** The first container's ports as written. */
  ports: readonly PortRow[];
  /** The engine's messages about port `index` as written. */
  issuesOf: (index: number) => string[];
  /** Writes the ports. */
  onCommit: (ports: PortRow[]) => void;
}

function isSame(a: readonly PortRow[], b: readonly PortRow[]): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i].name && p.containerPort === b[i].containerPort && p.protocol === b[i].protocol);
}

function written(rows: readonly PortRow[]): PortRow[] {
  return rows.filter((row) => row.containerPort.trim() !== '');
}

/** Container port rows (name, number, protocol): edits apply on Enter, on leaving a field or on choosing a protocol; a row without a number stays here until it has one. */
export function PortRows({ ports, issuesOf, onCommit }: PortRowsProps) {
  const [rows, setRows] = useState<readonly PortRow[]>(ports);
  const [shown, setShown] = useState(ports);
  if (shown !== ports) {
    setShown(ports);
    if (!isSame(written(rows), ports)) setRows(ports);
  }
  const commit = (next: readonly PortRow[]) => {
    const kept = written(next);
    if (!isSame(kept, ports)) onCommit(kept);
  };
  const edit = (index: number, change: Partial<PortRow>, isFinal = false) => {
    const next = rows.map((r, i) => (i === index ? { ...r, ...change } : r));
    setRows(next);
    if (isFinal) commit(next);
  };
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
  const writtenIndex = rows.map((_, i) => written(rows.slice(0, i + 1)).length - 1);
  return (
    <div className="model-editor__rows">
      {rows.map((row, i) => {
        const isWritten = row.containerPort.trim() !== '';
        const messages = isWritten ? issuesOf(writtenIndex[i]) : row.name !== '' ? ['a port number is required'] : [];
        return (
          <div key={i} className="model-editor__row model-editor__row--port">
            <input
              type="text"
              aria-label={`Port ${i + 1} name`}
              placeholder="name"
              value={row.name}
              spellCheck={false}
              onChange={(e) => edit(i, { name: e.target.value })}
              onBlur={() => commit(rows)}
              onKeyDown={onKeyDown}
            />
            <input
              type="text"
              inputMode="numeric"
              aria-label={`Port ${i + 1} number`}
              placeholder="port"
              value={row.containerPort}
              aria-invalid={messages.length > 0}
              onChange={(e) => edit(i, { containerPort: e.target.value })}
              onBlur={() => commit(rows)}
              onKeyDown={onKeyDown}
            />
            <select aria-label={`Port ${i + 1} protocol`} value={row.protocol} onChange={(e) => edit(i, { protocol: e.target.value }, true)}>
              {[...new Set([...PROTOCOLS, row.protocol])].map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            <button type="button" className="model-editor__remove" aria-label={`Remove port ${i + 1}`} onClick={() => remove(i)}>
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
      <button type="button" className="model-editor__add" onClick={() => setRows([...rows, { name: '', containerPort: '', protocol: 'TCP' }])}>
        Add port
      </button>
    </div>
  );
}
