import { useAnalysisStore } from '../../store/useAnalysisStore';
import { selectAnalysis } from '../../store/selectAnalysis';
import { ConnectivityMatrix } from './ConnectivityMatrix';

/** The matrix of the files the views show; it needs the whole evaluation, so that is computed on this thread only while the matrix is shown. */
export function MatrixPane() {
  const files = useAnalysisStore((state) => state.liveFiles);
  return files === null ? null : <ConnectivityMatrix analysis={selectAnalysis({ files })} />;
}
