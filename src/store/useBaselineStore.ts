import { create } from 'zustand';
import type { SourceFile } from '../engine';

/** A snapshot to compare the workspace with: its files and what to call it. */
export interface Baseline {
  files: SourceFile[];
  label: string;
}

/** The what-if baseline; view state, neither persisted nor undoable (see STATE_KEYS). */
export interface BaselineState {
  baseline: Baseline | null;
  /** Compares the workspace with these files from now on. */
  setBaseline: (files: SourceFile[], label: string) => void;
  /** Stops comparing. */
  clearBaseline: () => void;
}

/** The baseline store. */
export const useBaselineStore = create<BaselineState>()((set) => ({
  baseline: null,
  setBaseline: (files, label) => set({ baseline: { files, label } }),
  clearBaseline: () => set({ baseline: null }),
}));
