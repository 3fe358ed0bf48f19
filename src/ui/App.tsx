import { useEffect } from 'react';
import { loadWorkspace, restoreWorkspace, startAutosave } from '../store/persistWorkspace';
import { browserStorage } from '../store/workspaceStorage';
import { startAnalysis } from '../store/useAnalysisStore';
import { useDocumentStore } from '../store/useDocumentStore';
import { CanvasPane } from './canvas/CanvasPane';
import { FileDropZone } from './files/FileDropZone';
import { Inspector } from './inspector/Inspector';
import { Navigator } from './navigator/Navigator';
import { Toolbar } from './toolbar/Toolbar';
import { PanelBoundary } from './workspace/PanelBoundary';
import { takeStartFresh } from './workspace/startFresh';
import { WorkspaceBanner } from './workspace/WorkspaceBanner';
import { YamlPane } from './yaml/YamlPane';

const BUNDLED_EXAMPLE = `${import.meta.env.BASE_URL}examples/three-tier.yaml`;

/** The whole window: toolbar; navigator, canvas and inspector; the YAML pane below. Restores the saved workspace on start, else opens the bundled example; autosaves; analyses the document in a worker. */
export function App() {
  const openExample = useDocumentStore((state) => state.openExample);

  useEffect(() => startAnalysis(), []);

  useEffect(() => {
    const storage = browserStorage();
    let stop: (() => void) | null = null;
    let isUnmounted = false;
    // Started afresh after a panel failed: the saved workspace is kept aside, not restored (and not overwritten).
    const restore = takeStartFresh()
      ? storage.read().then(async (stored) => {
          if (stored !== undefined) await storage.keepAside(stored).catch(() => undefined);
          return null;
        })
      : loadWorkspace(storage);
    // Autosave starts only once the saved workspace is back, so it never writes over it with the empty start state.
    // Files the person opened meanwhile win: the saved workspace is then kept aside, and the example is not opened.
    void restore.then(async (saved) => {
      if (isUnmounted) return;
      const isTaken = useDocumentStore.getState().files.length > 0;
      if (isTaken && saved) await storage.read().then((stored) => storage.keepAside(stored)).catch(() => undefined);
      else if (saved) restoreWorkspace(saved);
      else if (!isTaken) void openExample(BUNDLED_EXAMPLE, { isOnlyIfEmpty: true });
      if (!isUnmounted) stop = startAutosave(storage);
    });
    return () => {
      isUnmounted = true;
      stop?.();
    };
  }, [openExample]);

  return (
    <FileDropZone>
      <div className="app">
        <PanelBoundary name="toolbar">
          <Toolbar />
        </PanelBoundary>
        <WorkspaceBanner />
        <div className="app__body">
          <PanelBoundary name="navigator">
            <Navigator />
          </PanelBoundary>
          <main className="app__canvas">
            <PanelBoundary name="canvas">
              <CanvasPane />
            </PanelBoundary>
          </main>
          <PanelBoundary name="inspector">
            <Inspector />
          </PanelBoundary>
        </div>
        <PanelBoundary name="YAML">
          <YamlPane />
        </PanelBoundary>
      </div>
    </FileDropZone>
  );
}
