import type { BaselineState } from './useBaselineStore';
import type { EditorState } from './useEditorStore';
import type { ObservedState } from './useObservedStore';
import type { DocumentState } from './useDocumentStore';
import type { ViewState } from './useViewStore';

/** Whether a state key is saved to browser storage and whether undo and redo restore it. */
export interface KeyPolicy {
  isPersisted: boolean;
  isUndoable: boolean;
}

/** The data keys of a store's state (its actions left out). */
type DataKeys<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? never : K }[keyof T];

const keep = { isPersisted: true, isUndoable: true } as const;
const saveOnly = { isPersisted: true, isUndoable: false } as const;
const transient = { isPersisted: false, isUndoable: false } as const;

/** Every data key of every store, classified once: the autosave and the undo history both read this map. */
export const STATE_KEYS = {
  document: { files: keep, revision: transient, loadError: transient, editRefusal: transient },
  view: { selection: transient, hiddenNamespaces: transient, searchText: transient, mainView: transient, positions: saveOnly, showAllFlows: transient, tierView: transient, collapsedNamespaces: transient, focusDepth: transient, layoutRound: transient },
  editor: { isOpen: transient, height: transient, activeFile: transient, jump: transient },
  baseline: { baseline: transient },
  observed: { observed: transient, importing: transient, importError: transient, filter: transient },
} as const satisfies {
  document: Record<DataKeys<DocumentState>, KeyPolicy>;
  view: Record<DataKeys<ViewState>, KeyPolicy>;
  editor: Record<DataKeys<EditorState>, KeyPolicy>;
  baseline: Record<DataKeys<BaselineState>, KeyPolicy>;
  observed: Record<DataKeys<ObservedState>, KeyPolicy>;
};

/** The keys of one store's part of {@link STATE_KEYS} that have `flag` set. */
export function keysWith<S extends keyof typeof STATE_KEYS>(store: S, flag: keyof KeyPolicy): (keyof (typeof STATE_KEYS)[S])[] {
  const policies: Record<string, KeyPolicy> = STATE_KEYS[store];
  return Object.keys(policies).filter((key) => policies[key][flag]) as (keyof (typeof STATE_KEYS)[S])[];
}

/** The entries of `state` whose keys are listed. */
export function pickKeys<T extends object, K extends keyof T>(state: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, state[key]])) as Pick<T, K>;
}
