import { lazy, Suspense, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useEditorStore } from '../../store/useEditorStore';
import { PaneResizer } from './PaneResizer';
import './yamlPane.css';

const YamlEditor = lazy(() => import('./YamlEditor').then((module) => ({ default: module.YamlEditor })));

/** The bottom pane: a YAML toggle, one tab per workspace file, and the editor; resizable by its top edge. */
export function YamlPane() {
  const names = useDocumentStore(useShallow((state) => state.files.map((f) => f.name)));
  const revision = useDocumentStore((state) => state.revision);
  const issues = useAnalysisStore((state) => state.current.issues);
  const { isOpen, height, activeFile, setOpen, setActiveFile } = useEditorStore(
    useShallow((state) => ({
      isOpen: state.isOpen,
      height: state.height,
      activeFile: state.activeFile,
      setOpen: state.setOpen,
      setActiveFile: state.setActiveFile,
    })),
  );
  const shown = activeFile !== null && names.includes(activeFile) ? activeFile : (names[0] ?? null);
  const errorsByFile = useMemo(() => {
    const counts = new Map<string, number>();
    for (const issue of issues) if (issue.severity === 'error') counts.set(issue.file, (counts.get(issue.file) ?? 0) + 1);
    return counts;
  }, [issues]);

  return (
    <section className="yaml-pane" aria-label="YAML" style={isOpen ? { height } : undefined}>
      {isOpen && <PaneResizer />}
      <div className="yaml-pane__bar">
        <button
          type="button"
          className="yaml-pane__toggle"
          aria-expanded={isOpen}
          aria-controls="yaml-pane-body"
          onClick={() => setOpen(!isOpen)}
        >
          {isOpen ? '▾' : '▸'} YAML
        </button>
        <div className="yaml-pane__tabs" role="tablist" aria-label="Workspace files">
          {names.map((name) => {
            const errors = errorsByFile.get(name) ?? 0;
            return (
              <button
                key={name}
                type="button"
                role="tab"
                className="yaml-pane__tab"
                aria-selected={name === shown}
                onClick={() => {
                  setActiveFile(name);
                  setOpen(true);
                }}
              >
                {name}
                {errors > 0 && (
                  <span className="yaml-pane__tab-errors" title={`${errors} ${errors === 1 ? 'error' : 'errors'}`}>
                    {errors}
                  </span>
                )}
              </button>
            );
          })}
        </div>
      </div>
      <div id="yaml-pane-body" className="yaml-pane__body" role="tabpanel" aria-label={shown ?? 'No file'} hidden={!isOpen}>
        {shown === null ? (
          <p className="yaml-pane__empty">No files yet: open or add files, drop them on the window, or paste YAML.</p>
        ) : (
          <Suspense fallback={<p className="yaml-pane__empty">Loading the editor…</p>}>
            <YamlEditor key={revision} fileName={shown} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
