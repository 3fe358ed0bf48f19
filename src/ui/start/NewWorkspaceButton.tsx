import { useEffect, useRef, useState } from 'react';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import './start.css';

/** "New workspace": asks before discarding the current one (undoable), then leaves an empty workspace with its start panel. */
export function NewWorkspaceButton() {
  const openFiles = useDocumentStore((state) => state.openFiles);
  const select = useViewStore((state) => state.select);
  const resetPositions = useViewStore((state) => state.resetPositions);
  const [isAsking, setAsking] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (isAsking) cancelButton.current?.focus();
  }, [isAsking]);

  const close = () => {
    setAsking(false);
    newButton.current?.focus();
  };

  const discard = () => {
    openFiles([]);
    select(null);
    resetPositions();
    setAsking(false);
  };

  const onNew = () => {
    if (useDocumentStore.getState().files.length === 0) discard();
    else setAsking(true);
  };

  return (
    <>
      <button type="button" ref={newButton} title="Start again from an empty workspace" onClick={onNew}>
        New workspace
      </button>
      {isAsking && (
        <div className="confirm-dialog__backdrop" onKeyDown={(e) => e.key === 'Escape' && close()}>
          <div className="confirm-dialog" role="alertdialog" aria-modal="true" aria-label="New workspace">
            <p>Discard the current workspace? You can undo this.</p>
            <div className="confirm-dialog__buttons">
              <button type="button" ref={cancelButton} onClick={close}>
                Cancel
              </button>
              <button type="button" onClick={discard}>
                Discard
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
