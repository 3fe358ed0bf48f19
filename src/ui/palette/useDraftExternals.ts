import { create } from 'zustand';

/** Address ranges dragged in from the palette that no policy mentions yet; view state: neither persisted nor undoable. */
export interface DraftExternalsState {
  /** The ranges, in CIDR form, in the order they were added. */
  cidrs: readonly string[];
  /** Adds a range (once). */
  addCidr: (cidr: string) => void;
  /** Forgets a range. */
  removeCidr: (cidr: string) => void;
}

/** The palette's what-if external ranges, drawn as external nodes until a policy mentions them. */
export const useDraftExternals = create<DraftExternalsState>()((set) => ({
  cidrs: [],
  addCidr: (cidr) => set((state) => (state.cidrs.includes(cidr) ? state : { cidrs: [...state.cidrs, cidr] })),
  removeCidr: (cidr) => set((state) => ({ cidrs: state.cidrs.filter((c) => c !== cidr) })),
}));
