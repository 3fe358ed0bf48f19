import { useEffect } from 'react';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useEditorStore } from '../../store/useEditorStore';
import { importFiles } from './importFiles';
import { isEditableTarget } from './isEditableTarget';

/** The name a pasted text gets in the workspace (numbered when taken). */
export const PASTED_FILE_NAME = 'pasted.yaml';

/** Ctrl/Cmd+V outside text fields imports the clipboard: pasted files as they are, pasted text as `pasted.yaml`. */
export function usePasteImport(): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isEditableTarget(event.target) || event.clipboardData === null) return;
      const { files } = event.clipboardData;
      const text = event.clipboardData.getData('text/plain');
      if (files.length > 0) {
        event.preventDefault();
        void importFiles(files, 'add');
      } else if (text.trim() !== '') {
        event.preventDefault();
        const [name] = useDocumentStore.getState().addFiles([{ name: PASTED_FILE_NAME, text }]);
        useEditorStore.getState().setActiveFile(name);
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}
