import { create } from 'zustand';

/** The keyboard's way to design a flow: "Allow to…" on a workload, then a destination; view state, neither persisted nor undoable. */
export interface AllowFlowState {
  /** The workload (node id) the flow starts from, while the destination is being picked or the flow planned. */
  source: string | null;
  /** The destination node id, once picked: the port chooser and the plan preview follow. */
  target: string | null;
  /** What had focus when it started, focused again when it ends. */
  opener: HTMLElement | null;
  /** Starts picking a destination for a flow from `source`. */
  allowFrom: (source: string, opener: HTMLElement | null) => void;
  /** Chooses the destination. */
  chooseTarget: (target: string) => void;
  /** Ends it (cancelled, applied or nothing to change). */
  finish: () => void;
}

/** The "Allow to…" flow in progress, shared by the buttons that start it (inspector, selected card) and the dialogs that carry it out. */
export const useAllowFlow = create<AllowFlowState>()((set) => ({
  source: null,
  target: null,
  opener: null,
  allowFrom: (source, opener) => set({ source, target: null, opener }),
  chooseTarget: (target) => set((state) => (state.source === null ? state : { target })),
  finish: () => set({ source: null, target: null, opener: null }),
}));
