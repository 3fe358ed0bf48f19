import { ConnectivityMatrix } from './ConnectivityMatrix';

/** The matrix of the document, its cells computed by the analysis worker as they come into view. */
export function MatrixPane() {
  return <ConnectivityMatrix />;
}
