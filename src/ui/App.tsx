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
    // Autosave starts only once the saved workspace is back, so it never writes over it with the empty start state.
    void loadWorkspace(storage).then((saved) => {
      if (isUnmounted) return;
      if (saved) restoreWorkspace(saved);
      else void openExample(BUNDLED_EXAMPLE);
      stop = startAutosave(storage);
    });
    return () => {
      isUnmounted = true;
      stop?.();
    };
  }, [openExample]);

  return (
    <FileDropZone>
      <div className="app">
        <Toolbar />
        <div className="app__body">
          <Navigator />
          <main className="app__canvas">
            <CanvasPane />
          </main>
          <Inspector />
        </div>
        <YamlPane />
      </div>
    </FileDropZone>
  );
}
