import { create } from 'zustand';
import type { Issue, ObservedFlow, ObservedFlowStats } from '../engine';

/** An observed-flows file as read: its name, its flows, the problems found and what it held. */
export interface ObservedFile {
  fileName: string;
  flows: readonly ObservedFlow[];
  issues: readonly Issue[];
  stats: ObservedFlowStats;
}

/** Which observed state the canvas shows: every state, or one. */
export type ObservedFilter = 'all' | 'wouldBreak' | 'used' | 'unused';

/** Observed traffic laid over the canvas; view state, never persisted nor undoable, never sent anywhere (see STATE_KEYS). */
export interface ObservedState {
  observed: ObservedFile | null;
  /** The name of the file being read, while it is. */
  importing: string | null;
  /** Why the last import failed, if it did (the previous flows stay). */
  importError: string | null;
  filter: ObservedFilter;
  /** Starts reading a file (the previous flows stay until it is read). */
  startImport: (fileName: string) => void;
  /** Shows these flows from now on. */
  setObserved: (observed: ObservedFile) => void;
  /** Ends an import that failed, keeping the flows shown before. */
  failImport: (message: string) => void;
  /** Stops showing observed flows. */
  clearObserved: () => void;
  setFilter: (filter: ObservedFilter) => void;
}

/** The observed-flows store. */
export const useObservedStore = create<ObservedState>()((set) => ({
  observed: null,
  importing: null,
  importError: null,
  filter: 'all',
  startImport: (fileName) => set({ importing: fileName, importError: null }),
  setObserved: (observed) => set({ observed, importing: null, importError: null, filter: 'all' }),
  failImport: (message) => set({ importing: null, importError: message }),
  clearObserved: () => set({ observed: null, importError: null, filter: 'all' }),
  setFilter: (filter) => set({ filter }),
}));
