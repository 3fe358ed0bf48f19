import { keepThisTabsWorkspace, openOtherTabsWorkspace } from '../../store/persistWorkspace';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useSaveStatus } from '../../store/useSaveStatus';
import { downloadText } from '../export/downloadFile';
import { storedText, workspaceText } from './workspaceText';
import './workspaceBanner.css';

/** What the autosave must tell the person and cannot leave to a console: a failed save, a saved workspace kept aside, another tab's save. */
export function WorkspaceBanner() {
  const { saveError, unreadable, otherTabSavedAt } = useSaveStatus();
  const downloadFiles = () => downloadText(workspaceText(useDocumentStore.getState().files), 'netpol-canvas-workspace.yaml');
  return (
    <>
      {saveError !== null && (
        <div className="workspace-banner workspace-banner--error" role="alert">
          <span>
            Your changes could not be saved in this browser ({saveError}). They are still here; download a copy to keep them.
          </span>
          <button type="button" onClick={downloadFiles}>
            Download a copy
          </button>
        </div>
      )}
      {unreadable !== undefined && (
        <div className="workspace-banner" role="alert">
          <span>The workspace saved in this browser could not be read (it may come from a newer version). It is kept aside, not overwritten.</span>
          <button type="button" onClick={() => downloadText(storedText(unreadable), 'netpol-canvas-unreadable-workspace.json', 'application/json')}>
            Download it
          </button>
          <button type="button" onClick={() => useSaveStatus.setState({ unreadable: undefined })}>
            Dismiss
          </button>
        </div>
      )}
      {otherTabSavedAt !== null && (
        <div className="workspace-banner" role="alert">
          <span>
            This workspace was changed in another tab ({new Date(otherTabSavedAt).toLocaleTimeString()}). Saving here is paused, so neither tab overwrites the other.
          </span>
          <button type="button" onClick={() => void openOtherTabsWorkspace()}>
            Open the other tab’s version
          </button>
          <button type="button" onClick={keepThisTabsWorkspace}>
            Keep this one
          </button>
        </div>
      )}
    </>
  );
}
