import { useDocumentStore } from '../../store/useDocumentStore';
import { useEditorStore } from '../../store/useEditorStore';
import { readTextFiles } from './readTextFiles';

/** Reads picked, dropped or pasted files and opens them (replacing the workspace) or adds them (and shows the first in the YAML pane); problems show as the load error. */
export async function importFiles(list: ArrayLike<File>, mode: 'open' | 'add'): Promise<void> {
  const { files, problems } = await readTextFiles(Array.from(list));
  const store = useDocumentStore.getState();
  if (files.length > 0) {
    if (mode === 'open') store.openFiles(files);
    else useEditorStore.getState().setActiveFile(store.addFiles(files)[0]);
  }
  if (problems.length > 0) store.setLoadError(problems.join(' '));
}
