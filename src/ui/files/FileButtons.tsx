import { useRef, type ChangeEvent } from 'react';
import { importFiles } from './importFiles';
import './files.css';

const ACCEPT = '.yaml,.yml,.json';

/** "Open…" replaces the workspace with picked files (undoable); "Add…" merges picked files into it. */
export function FileButtons() {
  const openInput = useRef<HTMLInputElement>(null);
  const addInput = useRef<HTMLInputElement>(null);

  const onPicked = (mode: 'open' | 'add') => (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    // Cleared so that picking the same file again is a change too.
    input.value = '';
    if (files.length > 0) void importFiles(files, mode);
  };

  return (
    <div className="file-buttons">
      <button type="button" title="Open files, replacing the workspace" onClick={() => openInput.current?.click()}>
        Open…
      </button>
      <button type="button" title="Add files to the workspace" onClick={() => addInput.current?.click()}>
        Add…
      </button>
      <input ref={openInput} type="file" multiple accept={ACCEPT} hidden data-testid="open-files" onChange={onPicked('open')} />
      <input ref={addInput} type="file" multiple accept={ACCEPT} hidden data-testid="add-files" onChange={onPicked('add')} />
    </div>
  );
}
