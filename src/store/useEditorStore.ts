import { create } from 'zustand';

/** A request to show a line of a file in the YAML pane; `id` tells two requests for the same line apart. */
export interface JumpRequest {
  file: string;
  line: number;
  id: number;
}

/** The YAML pane's view state: none of it is persisted or undoable. */
export interface EditorState {
  /** Whether the YAML pane is shown. */
  isOpen: boolean;
  /** The pane's height in pixels. */
  height: number;
  /** The file whose tab is chosen, or null for the first file. */
  activeFile: string | null;
  /** The latest unhandled request to show a line, if any. */
  jump: JumpRequest | null;
  /** Shows or hides the YAML pane. */
  setOpen: (isOpen: boolean) => void;
  /** Sets the pane's height, kept between 80 pixels and most of the window. */
  setHeight: (height: number) => void;
  /** Chooses the file whose tab is shown. */
  setActiveFile: (file: string) => void;
  /** Opens the pane on `file` and asks the editor to select, scroll to and focus `line`. */
  requestJump: (file: string, line: number) => void;
  /** Marks the jump request `id` as handled. */
  finishJump: (id: number) => void;
}

let nextJumpId = 1;

/** The smallest height the YAML pane may be dragged to. */
const MIN_PANE_HEIGHT = 80;

/** The YAML pane's view store. */
export const useEditorStore = create<EditorState>()((set) => ({
  isOpen: true,
  height: 240,
  activeFile: null,
  jump: null,
  setOpen: (isOpen) => set({ isOpen }),
  setHeight: (height) => {
    const max = typeof window === 'undefined' ? Infinity : window.innerHeight - 160;
    set({ height: Math.round(Math.max(MIN_PANE_HEIGHT, Math.min(height, max))) });
  },
  setActiveFile: (activeFile) => set({ activeFile }),
  requestJump: (file, line) => set({ isOpen: true, activeFile: file, jump: { file, line, id: nextJumpId++ } }),
  finishJump: (id) => set((state) => (state.jump?.id === id ? { jump: null } : {})),
}));
