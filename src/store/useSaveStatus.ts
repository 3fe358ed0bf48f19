import { create } from 'zustand';

/** What the autosave has to tell the person: derived state, never persisted or undone. */
export interface SaveStatus {
  /** Why the last save failed (storage full, refused), or null while saves succeed. */
  saveError: string | null;
  /** The saved workspace the app could not read (corrupt, or from a newer version), kept aside instead of overwritten. */
  unreadable: unknown;
  /** Another tab saved this workspace (at that time): the autosave waits for the person to choose whose version to keep. */
  otherTabSavedAt: string | null;
}

/** The autosave's news for the banner. */
export const useSaveStatus = create<SaveStatus>()(() => ({ saveError: null, unreadable: undefined, otherTabSavedAt: null }));
