import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import { StartPanel } from '../start/StartPanel';
import { Canvas } from './Canvas';
import { MatrixPane } from '../matrix/MatrixPane';
import { PaletteDropZone } from '../palette/PaletteDropZone';
import './canvas.css';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The canvas column: the graph (or the matrix) of the worker's live analysis, a notice while it shows the last valid model, and Escape to clear the selection. */
export function CanvasPane() {
  const isStale = useAnalysisStore((state) => state.isStale);
  const errorCount = useAnalysisStore((state) => state.errorCount);
  const model = useAnalysisStore((state) => state.live.model);
  const isAnswered = useAnalysisStore((state) => state.answered !== null);
  const select = useViewStore((state) => state.select);
  const mainView = useViewStore((state) => state.mainView);
  const isEmpty = isAnswered && model.namespaces.length === 0 && model.workloads.length === 0;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !isTyping(event.target)) select(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [select]);

  return (
    <ReactFlowProvider>
      {isStale && (
        <p className="canvas-pane__stale" role="status" data-testid="stale-notice">
          Showing the last valid model — {errorCount} {errorCount === 1 ? 'error' : 'errors'} in the YAML
        </p>
      )}
      {isEmpty && <StartPanel />}
      {mainView === 'matrix' ? (
        <MatrixPane />
      ) : (
        <PaletteDropZone>
          <Canvas />
        </PaletteDropZone>
      )}
    </ReactFlowProvider>
  );
}
