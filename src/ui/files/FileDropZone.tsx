import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useDocumentStore } from '../../store/useDocumentStore';
import { EditRefusalNotice } from './EditRefusalNotice';
import { importFiles } from './importFiles';
import { usePasteImport } from './usePasteImport';
import './files.css';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Wraps the app: files dropped anywhere on the window are added (with an overlay while dragging), pasted YAML too; shows why an open or an edit failed. */
export function FileDropZone({ children }: { children: ReactNode }) {
  const [isDragging, setDragging] = useState(false);
  const depth = useRef(0);
  const loadError = useDocumentStore((state) => state.loadError);
  const setLoadError = useDocumentStore((state) => state.setLoadError);
  usePasteImport();

  useEffect(() => {
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Captured before the code editor sees it, which would paste the file into the open text instead.
      event.preventDefault();
      event.stopPropagation();
      depth.current = 0;
      setDragging(false);
      if (event.dataTransfer !== null) void importFiles(event.dataTransfer.files, 'add');
    };
    const listeners = [
      ['dragenter', onEnter],
      ['dragover', onOver],
      ['dragleave', onLeave],
      ['drop', onDrop],
    ] as const;
    for (const [type, listener] of listeners) window.addEventListener(type, listener, true);
    return () => {
      for (const [type, listener] of listeners) window.removeEventListener(type, listener, true);
    };
  }, []);

  return (
    <>
      {children}
      <EditRefusalNotice />
      {loadError !== null && (
        <div className="load-error" role="alert">
          <span>{loadError}</span>
          <button type="button" className="load-error__close" aria-label="Dismiss" onClick={() => setLoadError(null)}>
            ×
          </button>
        </div>
      )}
      {isDragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <p className="drop-overlay__text">Drop YAML or JSON files to add them to the workspace</p>
        </div>
      )}
    </>
  );
}
