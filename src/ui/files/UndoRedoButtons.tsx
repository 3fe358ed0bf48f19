import { useStore } from 'zustand';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useUndoShortcuts } from './useUndoShortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

/** Undo and Redo of workspace changes (open, add, edits), disabled when there is nothing to undo or redo; also the shortcuts. */
export function UndoRedoButtons() {
  const canUndo = useStore(useDocumentStore.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(useDocumentStore.temporal, (state) => state.futureStates.length > 0);
  const undo = useStore(useDocumentStore.temporal, (state) => state.undo);
  const redo = useStore(useDocumentStore.temporal, (state) => state.redo);
  useUndoShortcuts();

  return (
    <div className="undo-redo" role="group" aria-label="History">
      <button type="button" disabled={!canUndo} title={`Undo (${MOD}Z)`} onClick={() => undo()}>
        Undo
      </button>
      <button type="button" disabled={!canRedo} title={`Redo (${MOD}Shift+Z)`} onClick={() => redo()}>
        Redo
      </button>
    </div>
  );
}
