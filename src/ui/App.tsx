import { useEffect } from 'react';
import { useDocumentStore } from '../store/useDocumentStore';
import { CanvasPane } from './canvas/CanvasPane';
import { FileDropZone } from './files/FileDropZone';
import { Inspector } from './inspector/Inspector';
import { Navigator } from './navigator/Navigator';
import { Toolbar } from './toolbar/Toolbar';
import { YamlPane } from './yaml/YamlPane';

const BUNDLED_EXAMPLE = `${import.meta.env.BASE_URL}examples/three-tier.yaml`;

/** The whole window: toolbar; navigator, canvas and inspector; the YAML pane below. Opens the bundled example on start. */
export function App() {
  const openExample = useDocumentStore((state) => state.openExample);

  useEffect(() => {
    void openExample(BUNDLED_EXAMPLE);
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
