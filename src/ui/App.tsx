import { useEffect, useMemo } from 'react';
import { selectAnalysis } from '../store/selectAnalysis';
import { useDocumentStore } from '../store/useDocumentStore';
import { buildGraph } from './canvas/buildGraph';
import { Canvas } from './canvas/Canvas';
import { Toolbar } from './toolbar/Toolbar';

const BUNDLED_EXAMPLE = `${import.meta.env.BASE_URL}examples/three-tier.yaml`;

/** The whole window: toolbar above, canvas below; opens the bundled example on start. */
export function App() {
  const openExample = useDocumentStore((state) => state.openExample);
  const revision = useDocumentStore((state) => state.revision);
  const loadError = useDocumentStore((state) => state.loadError);
  const analysis = useDocumentStore(selectAnalysis);
  const graph = useMemo(() => buildGraph(analysis), [analysis]);

  useEffect(() => {
    void openExample(BUNDLED_EXAMPLE);
  }, [openExample]);

  return (
    <div className="app">
      <Toolbar />
      <main className="app__canvas">
        {loadError !== null && (
          <p className="app__error" role="alert">
            {loadError}
          </p>
        )}
        {revision > 0 && <Canvas key={revision} graph={graph} />}
      </main>
    </div>
  );
}
