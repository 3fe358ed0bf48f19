import { describe, expect, it } from 'vitest';
import { keysWith, pickKeys, STATE_KEYS } from './stateKeys';
import { useBaselineStore } from './useBaselineStore';
import { useDocumentStore } from './useDocumentStore';
import { useEditorStore } from './useEditorStore';
import { useObservedStore } from './useObservedStore';
import { useViewStore } from './useViewStore';

const dataKeys = (state: object) =>
  Object.entries(state)
    .filter(([, value]) => typeof value !== 'function')
    .map(([key]) => key)
    .sort();

describe('STATE_KEYS', () => {
  it('classifies every data key of every store, and nothing else', () => {
    expect(Object.keys(STATE_KEYS.document).sort()).toEqual(dataKeys(useDocumentStore.getState()));
    expect(Object.keys(STATE_KEYS.view).sort()).toEqual(dataKeys(useViewStore.getState()));
    expect(Object.keys(STATE_KEYS.editor).sort()).toEqual(dataKeys(useEditorStore.getState()));
    expect(Object.keys(STATE_KEYS.baseline).sort()).toEqual(dataKeys(useBaselineStore.getState()));
    expect(Object.keys(STATE_KEYS.observed).sort()).toEqual(dataKeys(useObservedStore.getState()));
  });

  it('persists the files and the dragged positions, and undoes only the files', () => {
    expect(keysWith('document', 'isPersisted')).toEqual(['files']);
    expect(keysWith('view', 'isPersisted')).toEqual(['positions']);
    expect(keysWith('editor', 'isPersisted')).toEqual([]);
    expect(keysWith('observed', 'isPersisted')).toEqual([]);
    expect(keysWith('document', 'isUndoable')).toEqual(['files']);
    expect(keysWith('view', 'isUndoable')).toEqual([]);
  });

  it('feeds the undo history, which records the files and nothing else', () => {
    useDocumentStore.temporal.getState().clear();
    useDocumentStore.getState().openFiles([{ name: 'a.yaml', text: 'kind: Pod\n' }]);
    useDocumentStore.getState().setLoadError('x');
    useDocumentStore.getState().applyEdit(() => []);
    expect(useDocumentStore.temporal.getState().pastStates).toEqual([{ files: [{ name: 'a.yaml', text: 'kind: Pod\n' }] }]);
  });
});

describe('pickKeys', () => {
  it('keeps only the listed keys', () => {
    expect(pickKeys({ a: 1, b: 2, c: 3 }, ['a', 'c'])).toEqual({ a: 1, c: 3 });
  });
});
