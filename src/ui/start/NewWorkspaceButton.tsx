import { useState } from 'react';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { Dialog } from '../shared/Dialog';

/** "New workspace": asks before discarding the current one (undoable), then leaves an empty workspace with its start panel. */
export function NewWorkspaceButton() {
  const openFiles = useDocumentStore((state) => state.openFiles);
  const select = useViewStore((state) => state.select);
  const resetPositions = useViewStore((state) => state.resetPositions);
  const [isAsking, setAsking] = useState(false);

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
      <button type="button" title="Start again from an empty workspace" onClick={onNew}>
        New workspace
      </button>
      {isAsking && (
        <Dialog
          title="New workspace"
          role="alertdialog"
          onClose={() => setAsking(false)}
          buttons={
            <>
              <button type="button" onClick={() => setAsking(false)}>
                Cancel
              </button>
              <button type="button" onClick={discard}>
                Discard
              </button>
            </>
          }
        >
          <p>Discard the current workspace? You can undo this.</p>
        </Dialog>
      )}
    </>
  );
}
