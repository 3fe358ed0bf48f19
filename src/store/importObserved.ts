import { MAX_OBSERVED_CHARS } from '../engine';
import type { ObservedSource } from './analysisJobs';
import { runOnDocument } from './useAnalysisStore';
import { useObservedStore } from './useObservedStore';

/**
 * Reads an observed-flows file in the analysis worker (the page stays responsive: a picked file goes there as a Blob)
 * and shows its flows; a file over the size limit, unreadable, or holding no flow leaves the flows shown before in
 * place, with a message.
 */
export async function importObserved(fileName: string, size: number, read: () => Promise<ObservedSource>): Promise<void> {
  const store = useObservedStore.getState();
  if (size > MAX_OBSERVED_CHARS) {
    store.failImport(`${fileName}: ${(size / 2 ** 20).toFixed(0)} MiB is over the ${MAX_OBSERVED_CHARS / 2 ** 20} MiB limit for observed flows`);
    return;
  }
  store.startImport(fileName);
  let source: ObservedSource;
  try {
    source = await read();
  } catch (error) {
    useObservedStore.getState().failImport(`${fileName}: could not be read (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  const outcome = await runOnDocument('parseObserved', { source, fileName });
  if (outcome.status !== 'done') {
    useObservedStore.getState().failImport(`${fileName}: ${outcome.status === 'error' ? outcome.message : 'reading was interrupted'}`);
    return;
  }
  const { flows, issues, stats } = outcome.result;
  if (flows.length === 0) {
    const first = issues[0];
    useObservedStore.getState().failImport(`${fileName}: no flow found${first ? ` (line ${first.line ?? '?'}: ${first.message})` : ` in ${stats.records} records`}`);
    return;
  }
  useObservedStore.getState().setObserved({ fileName, flows, issues, stats });
}
