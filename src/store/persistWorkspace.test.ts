import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadWorkspace, migrate, restoreWorkspace, saveWorkspace, startAutosave, WORKSPACE_STORAGE_KEY, type WorkspaceStorage } from './persistWorkspace';
import { useDocumentStore } from './useDocumentStore';
import { useViewStore } from './useViewStore';

const file = { name: 'shop.yaml', text: 'kind: Namespace\nmetadata: {name: shop}\n' };
const documentState = useDocumentStore.getState();
const viewState = useViewStore.getState();

function memoryStorage(initial: Record<string, string> = {}): WorkspaceStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe('persistWorkspace', () => {
  beforeEach(() => {
    useDocumentStore.setState(documentState, true);
    useDocumentStore.temporal.getState().clear();
    useViewStore.setState(viewState, true);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('saves the files and dragged positions under one versioned key, and loads them back', () => {
    const storage = memoryStorage();
    useDocumentStore.getState().openFiles([file]);
    useViewStore.getState().keepPositions({ 'ns:shop': { x: 10, y: 20 } });
    useViewStore.getState().select({ kind: 'namespace', id: 'shop' });
    expect(saveWorkspace(storage, new Date('2026-11-25T10:00:00Z'))).toBe(true);
    expect(JSON.parse(storage.data[WORKSPACE_STORAGE_KEY])).toEqual({
      version: 1,
      files: [file],
      positions: { 'ns:shop': { x: 10, y: 20 } },
      savedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(loadWorkspace(storage)).toEqual({ version: 1, files: [file], positions: { 'ns:shop': { x: 10, y: 20 } }, savedAt: '2026-11-25T10:00:00.000Z' });
  });

  it('restores a saved workspace with its positions, and restoring is not an undo step', () => {
    useDocumentStore.getState().openFiles([{ name: 'other.yaml', text: '' }]);
    restoreWorkspace({ version: 1, files: [file], positions: { 'ns:shop': { x: 1, y: 2 } }, savedAt: '' });
    expect(useDocumentStore.getState().files).toEqual([file]);
    expect(useViewStore.getState().positions).toEqual({ 'ns:shop': { x: 1, y: 2 } });
    expect(useDocumentStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it('saves once, after a quiet moment, whatever the number of changes before it', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const stop = startAutosave(storage, 500);
    useDocumentStore.getState().openFiles([file]);
    vi.advanceTimersByTime(300);
    useViewStore.getState().keepPositions({ a: { x: 1, y: 1 } });
    useViewStore.getState().select({ kind: 'workload', id: 'a' });
    vi.advanceTimersByTime(300);
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(loadWorkspace(storage)?.positions).toEqual({ a: { x: 1, y: 1 } });
    useViewStore.getState().setSearchText('api');
    vi.advanceTimersByTime(1000);
    expect(setItem).toHaveBeenCalledTimes(1);
    useDocumentStore.getState().setFileText('shop.yaml', 'kind: Pod\n');
    stop();
    expect(setItem).toHaveBeenCalledTimes(2);
    expect(loadWorkspace(storage)?.files).toEqual([{ name: 'shop.yaml', text: 'kind: Pod\n' }]);
  });

  it('ignores a corrupt save with a warning instead of failing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const text of ['{not json', 'null', '42', '{"version":1,"files":"x"}', '{"version":99,"files":[]}']) {
      expect(loadWorkspace(memoryStorage({ [WORKSPACE_STORAGE_KEY]: text }))).toBeNull();
    }
    expect(warn).toHaveBeenCalledTimes(5);
    expect(loadWorkspace(memoryStorage())).toBeNull();
    expect(warn).toHaveBeenCalledTimes(5);
  });

  it('survives storage that throws on read or write', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken: WorkspaceStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadWorkspace(broken)).toBeNull();
    expect(saveWorkspace(broken)).toBe(false);
  });
});

describe('migrate', () => {
  it('reads version 1 as it is, dropping unreadable positions', () => {
    expect(migrate({ version: 1, files: [file], positions: { a: { x: 1, y: 2 }, b: { x: 'no', y: 2 }, c: null }, savedAt: 'then' })).toEqual({
      version: 1,
      files: [file],
      positions: { a: { x: 1, y: 2 } },
      savedAt: 'then',
    });
  });

  it('reads version 0, files without a version, with no positions', () => {
    expect(migrate({ files: [file] })).toEqual({ version: 1, files: [file], positions: {}, savedAt: '' });
  });

  it('keeps an empty workspace', () => {
    expect(migrate({ version: 1, files: [], positions: {}, savedAt: '' })?.files).toEqual([]);
  });

  it('rejects garbage and versions it does not know', () => {
    for (const bad of [undefined, null, 'text', [], { version: 2, files: [] }, { version: 1 }, { files: [{ name: 'a.yaml' }] }, { files: [{ name: '', text: '' }] }, { files: [null] }]) {
      expect(migrate(bad)).toBeNull();
    }
  });
});
