import { useRef } from 'react';
import { useBaselineStore } from '../../store/useBaselineStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { readTextFiles } from '../files/readTextFiles';
import './baseline.css';

/** Toolbar controls of the what-if diff: set the workspace as baseline, compare with other files, or stop comparing. */
export function BaselineControls() {
  const baseline = useBaselineStore((state) => state.baseline);
  const setBaseline = useBaselineStore((state) => state.setBaseline);
  const clearBaseline = useBaselineStore((state) => state.clearBaseline);
  const setLoadError = useDocumentStore((state) => state.setLoadError);
  const input = useRef<HTMLInputElement>(null);

  const compareWith = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const { files, problems } = await readTextFiles([...list]);
    if (problems.length > 0) setLoadError(problems.join('; '));
    if (files.length > 0) setBaseline(files, files.map((f) => f.name).join(', '));
  };

  return (
    <span className="baseline-controls" role="group" aria-label="Baseline">
      {baseline === null ? (
        <button type="button" title="Snapshot the workspace; the canvas then marks what changes against it" onClick={() => setBaseline(useDocumentStore.getState().files, 'snapshot')}>
          Set baseline
        </button>
      ) : (
        <button type="button" aria-label={`Clear baseline (${baseline.label})`} onClick={clearBaseline}>
          Clear baseline
        </button>
      )}
      <button type="button" title="Compare the workspace with other manifests" onClick={() => input.current?.click()}>
        Compare…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept=".yaml,.yml,.json"
        data-testid="compare-files"
        onChange={(e) => {
          void compareWith(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
    </span>
  );
}
