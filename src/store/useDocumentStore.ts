import { create } from 'zustand';
import type { SourceFile } from '../engine';

/** The document being edited: the input files, as text. */
export interface DocumentState {
  /** The files the workspace holds, in the order they were opened. */
  files: SourceFile[];
  /** Bumped whenever a new document replaces the files; views that reset with the document key on it. */
  revision: number;
  /** Why the last open failed, if it did. */
  loadError: string | null;
  /** Replaces the workspace with the given files. */
  openFiles: (files: SourceFile[]) => void;
  /** Fetches one YAML file from `url` and opens it as the whole workspace. */
  openExample: (url: string) => Promise<void>;
}

/** The document store. */
export const useDocumentStore = create<DocumentState>()((set, get) => ({
  files: [],
  revision: 0,
  loadError: null,
  openFiles: (files) => set((state) => ({ files, revision: state.revision + 1, loadError: null })),
  openExample: async (url) => {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const text = await response.text();
      get().openFiles([{ name: url.slice(url.lastIndexOf('/') + 1), text }]);
    } catch (error) {
      set({ loadError: `Could not open ${url}: ${error instanceof Error ? error.message : String(error)}` });
    }
  },
}));
