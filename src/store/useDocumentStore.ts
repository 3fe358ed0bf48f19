import { temporal } from 'zundo';
import { create } from 'zustand';
import { checkEdit, type BrokenEdit, type SourceFile } from '../engine';
import { keysWith, pickKeys } from './stateKeys';
import { noteTextChange, type KnownEdit } from './textChange';

/** The document being edited: the input files, as text. */
export interface DocumentState {
  /** The files the workspace holds, in the order they were opened; persisted and undoable (see STATE_KEYS). */
  files: SourceFile[];
  /** Bumped whenever a new document replaces the files; views that reset with the document key on it. Not undoable. */
  revision: number;
  /** Why the last open, add or read failed, if it did. Not undoable. */
  loadError: string | null;
  /** The broken document the last edit was refused for (see {@link DocumentState.applyEdit}), until the next edit or dismissal. Not undoable. */
  editRefusal: BrokenEdit | null;
  /** Replaces the workspace with the given files (undoable). */
  openFiles: (files: SourceFile[]) => void;
  /** Merges files into the workspace; a name already taken gets a suffix such as `pods (2).yaml` (undoable). Returns the names given. */
  addFiles: (files: SourceFile[]) => string[];
  /**
   * Replaces the text of the file called `name` (undoable); unknown names and unchanged text are ignored. `edit`, when
   * known, is the change that turned `edit.base` into `text` (the editor knows what was typed).
   */
  setFileText: (name: string, text: string, edit?: KnownEdit) => void;
  /**
   * Replaces the files with `update(files)` as one undo step, e.g. a panel edit or an applied plan; unchanged files are
   * ignored, and an edit that leaves a broken document broken is refused with `editRefusal` (see checkEdit).
   */
  applyEdit: (update: (files: SourceFile[]) => SourceFile[]) => void;
  /** Clears the message of a refused edit. */
  dismissEditRefusal: () => void;
  /** Fetches one YAML file from `url` and opens it as the whole workspace; with `isOnlyIfEmpty`, only when nothing was opened meanwhile (the start example never replaces a file the person opened while it loaded). */
  openExample: (url: string, options?: { isOnlyIfEmpty?: boolean }) => Promise<void>;
  /** Shows why an open, add or read failed, or clears the message with `null`. */
  setLoadError: (message: string | null) => void;
}

/** The part of the document that undo and redo restore. */
export type UndoableDocument = Pick<DocumentState, 'files'>;

/** The document keys undo and redo restore, as the one map in stateKeys.ts classifies them. */
const UNDOABLE_KEYS = keysWith('document', 'isUndoable');

/** A name for `name` that none of `taken` uses: `pods.yaml`, then `pods (2).yaml`, `pods (3).yaml`, … */
export function uniqueFileName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = (dot > 0 ? name.slice(0, dot) : name).replace(/ \(\d+\)$/, '');
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Edits of one file closer together than this make one undo step. */
export const TYPING_BURST_MS = 1000;

/** The files arrays that edits made through the app (not typing) without errors in what they wrote produced: the views show these as they are, errors elsewhere and all. */
const appliedEdits = new WeakSet<readonly SourceFile[]>();

/** True when `files` came from {@link DocumentState.applyEdit} by an edit that wrote no error (or from its undo or redo). */
export function isAppliedEdit(files: readonly SourceFile[]): boolean {
  return appliedEdits.has(files);
}

/** The last text edit: which file, when, and the files it left (any other change replaces them). */
let lastTextEdit: { file: string; at: number; files: SourceFile[] } | null = null;

/** The document store; `useDocumentStore.temporal` holds its undo and redo history of `files`. */
export const useDocumentStore = create<DocumentState>()(
  temporal(
    (set, get) => ({
      files: [],
      revision: 0,
      loadError: null,
      editRefusal: null,
      openFiles: (files) => {
        // Replacing an empty workspace loses nothing, so it is not worth an undo step (e.g. the start example).
        const isWorthUndo = get().files.length > 0;
        if (!isWorthUndo) useDocumentStore.temporal.getState().pause();
        set((state) => ({ files, revision: state.revision + 1, loadError: null }));
        if (!isWorthUndo) useDocumentStore.temporal.getState().resume();
      },
      addFiles: (added) => {
        if (added.length === 0) return [];
        const taken = new Set(get().files.map((f) => f.name));
        const renamed = added.map((file) => {
          const name = uniqueFileName(file.name, taken);
          taken.add(name);
          return name === file.name ? file : { ...file, name };
        });
        set((state) => ({ files: [...state.files, ...renamed], loadError: null }));
        return renamed.map((f) => f.name);
      },
      setFileText: (name, text, edit) => {
        const { files } = get();
        const index = files.findIndex((f) => f.name === name);
        if (index < 0) return;
        const before = files[index].text;
        // A known edit of this very text needs no comparison of the two texts (a rope of slices would be copied whole).
        const isKnownEdit = edit !== undefined && edit.base === before;
        if (!isKnownEdit && before === text) return;
        if (isKnownEdit) noteTextChange(before, text, edit.change);
        const history = useDocumentStore.temporal.getState();
        const now = Date.now();
        // A burst of typing in one file, with no other change since, extends the last undo step.
        const isBurst =
          lastTextEdit !== null &&
          lastTextEdit.file === name &&
          lastTextEdit.files === files &&
          now - lastTextEdit.at < TYPING_BURST_MS &&
          history.futureStates.length === 0;
        const edited = files.map((f, i) => (i === index ? { name, text } : f));
        if (isBurst) history.pause();
        set({ files: edited });
        if (isBurst) history.resume();
        lastTextEdit = { file: name, at: now, files: edited };
      },
      applyEdit: (update) => {
        const { files } = get();
        const next = update(files);
        if (next.length === files.length && next.every((f, i) => f.name === files[i].name && f.text === files[i].text)) return;
        const { broken, isClean } = checkEdit(files, next);
        if (broken !== null) {
          set({ editRefusal: broken });
          return;
        }
        if (isClean) appliedEdits.add(next);
        set({ files: next, editRefusal: null });
      },
      dismissEditRefusal: () => set({ editRefusal: null }),
      openExample: async (url, { isOnlyIfEmpty = false } = {}) => {
        try {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
          const text = await response.text();
          if (isOnlyIfEmpty && get().files.length > 0) return;
          get().openFiles([{ name: url.slice(url.lastIndexOf('/') + 1), text }]);
        } catch (error) {
          set({ loadError: `Could not open ${url}: ${error instanceof Error ? error.message : String(error)}` });
        }
      },
      setLoadError: (loadError) => set({ loadError }),
    }),
    {
      partialize: (state): UndoableDocument => pickKeys(state, UNDOABLE_KEYS) as UndoableDocument,
      equality: (past, current) => past.files === current.files,
      limit: 200,
    },
  ),
);
