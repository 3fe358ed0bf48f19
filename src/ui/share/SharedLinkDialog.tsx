import { useEffect, useState } from 'react';
import { isShareFragment, readShareFragment, type SharedWorkspace } from '../../store/shareLink';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { Dialog } from '../shared/Dialog';

function fileList(names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/**
 * Opens a share link (a `#w=` fragment, on load or when the fragment changes): asks first, then opens the workspace
 * as one undo step; a link that cannot be read says why and changes nothing. The fragment is taken off the address
 * at once, so a reload does not ask again.
 */
export function SharedLinkDialog() {
  const [shared, setShared] = useState<SharedWorkspace | null>(null);
  // The saved workspace or the bundled example opens first, so that it is what Undo brings back.
  const hasStarted = useDocumentStore((state) => state.revision > 0 || state.loadError !== null);
  const openFiles = useDocumentStore((state) => state.openFiles);
  const keepPositions = useViewStore((state) => state.keepPositions);

  useEffect(() => {
    const read = () => {
      const { hash, pathname, search } = window.location;
      if (!isShareFragment(hash)) return;
      history.replaceState(history.state, '', pathname + search);
      void readShareFragment(hash).then(setShared);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);

  if (shared === null || !hasStarted) return null;
  const close = () => setShared(null);

  if (shared.kind === 'error') {
    return (
      <Dialog
        title="This link cannot be opened"
        role="alertdialog"
        onClose={close}
        buttons={
          <button type="button" onClick={close}>
            Close
          </button>
        }
      >
        <p>{shared.message}</p>
        <p>Nothing was changed.</p>
      </Dialog>
    );
  }

  const { files, positions } = shared.workspace;
  const open = () => {
    openFiles(files);
    keepPositions(positions);
    close();
  };
  return (
    <Dialog
      title="Open the shared workspace?"
      role="alertdialog"
      onClose={close}
      buttons={
        <>
          <button type="button" onClick={close}>
            Keep mine
          </button>
          <button type="button" onClick={open}>
            Open
          </button>
        </>
      }
    >
      <p>It replaces what is shown; Undo brings yours back.</p>
      <p>
        The link holds {files.length === 1 ? '1 file' : `${files.length} files`}
        {files.length > 0 && `: ${fileList(files.map((f) => f.name))}`}.
      </p>
    </Dialog>
  );
}
