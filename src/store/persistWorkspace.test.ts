import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepThisTabsWorkspace, loadWorkspace, migrate, openOtherTabsWorkspace, restoreWorkspace, saveWorkspace, startAutosave, TABS_CHANNEL } from './persistWorkspace';
import { useSaveStatus } from './useSaveStatus';
import { useDocumentStore } from './useDocumentStore';
import { useViewStore } from './useViewStore';
import { memoryStorage, type WorkspaceStorage } from './workspaceStorage';

const file = { name: 'shop.yaml', text: 'kind: Namespace\nmetadata: {name: shop}\n' };
const documentState = useDocumentStore.getState();
const viewState = useViewStore.getState();

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

  it('saves the files and dragged positions as one versioned value, and loads them back', async () => {
    const storage = memoryStorage();
    useDocumentStore.getState().openFiles([file]);
    useViewStore.getState().keepPositions({ 'ns:shop': { x: 10, y: 20 } });
    useViewStore.getState().select({ kind: 'namespace', id: 'shop' });
    expect(await saveWorkspace(storage, new Date('2026-11-25T10:00:00Z'))).toBe(true);
    expect(storage.value).toEqual({
      version: 1,
      files: [file],
      positions: { 'ns:shop': { x: 10, y: 20 } },
      savedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(await loadWorkspace(storage)).toEqual({ version: 1, files: [file], positions: { 'ns:shop': { x: 10, y: 20 } }, savedAt: '2026-11-25T10:00:00.000Z' });
  });

  it('restores a saved workspace with its positions, and restoring is not an undo step', () => {
    useDocumentStore.getState().openFiles([{ name: 'other.yaml', text: '' }]);
    restoreWorkspace({ version: 1, files: [file], positions: { 'ns:shop': { x: 1, y: 2 } }, savedAt: '' });
    expect(useDocumentStore.getState().files).toEqual([file]);
    expect(useViewStore.getState().positions).toEqual({ 'ns:shop': { x: 1, y: 2 } });
    expect(useDocumentStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it('saves once, after a quiet moment, whatever the number of changes before it', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const setItem = vi.spyOn(storage, 'write');
    const stop = startAutosave(storage, 500);
    useDocumentStore.getState().openFiles([file]);
    vi.advanceTimersByTime(300);
    useViewStore.getState().keepPositions({ a: { x: 1, y: 1 } });
    useViewStore.getState().select({ kind: 'workload', id: 'a' });
    vi.advanceTimersByTime(300);
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect((await loadWorkspace(storage))?.positions).toEqual({ a: { x: 1, y: 1 } });
    useViewStore.getState().setSearchText('api');
    vi.advanceTimersByTime(1000);
    expect(setItem).toHaveBeenCalledTimes(1);
    useDocumentStore.getState().setFileText('shop.yaml', 'kind: Pod\n');
    stop();
    expect(setItem).toHaveBeenCalledTimes(2);
    expect((await loadWorkspace(storage))?.files).toEqual([{ name: 'shop.yaml', text: 'kind: Pod\n' }]);
  });

  it('writes a pending change at once when the page is hidden, since an asynchronous write may never finish', async () => {
    const page = new EventTarget();
    vi.stubGlobal('window', page);
    const storage = memoryStorage();
    const write = vi.spyOn(storage, 'write');
    const stop = startAutosave(storage, 500);
    useDocumentStore.getState().openFiles([file]);
    page.dispatchEvent(new Event('pagehide'));
    expect(write).not.toHaveBeenCalled();
    expect((await loadWorkspace(storage))?.files).toEqual([file]);
    stop();
    vi.unstubAllGlobals();
  });

  it('reads the JSON text an older version saved, as well as the stored object', async () => {
    const saved = { version: 1, files: [file], positions: {}, savedAt: 'then' };
    expect(await loadWorkspace(memoryStorage(JSON.stringify(saved)))).toEqual(saved);
    expect(await loadWorkspace(memoryStorage(saved))).toEqual(saved);
  });

  it('ignores a corrupt save with a warning instead of failing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const stored of ['{not json', 'null', '42', '{"version":1,"files":"x"}', '{"version":99,"files":[]}', 42, { version: 99, files: [] }]) {
      expect(await loadWorkspace(memoryStorage(stored))).toBeNull();
    }
    expect(warn).toHaveBeenCalledTimes(7);
    expect(await loadWorkspace(memoryStorage())).toBeNull();
    expect(warn).toHaveBeenCalledTimes(7);
  });

  it('survives storage that fails on read or write', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken: WorkspaceStorage = {
      read: () => Promise.reject(new Error('SecurityError')),
      write: () => Promise.reject(new Error('QuotaExceededError')),
      writeNow: () => false,
      keepAside: () => Promise.reject(new Error('QuotaExceededError')),
    };
    expect(await loadWorkspace(broken)).toBeNull();
    expect(await saveWorkspace(broken)).toBe(false);
    expect(useSaveStatus.getState().saveError).toBe('QuotaExceededError');
    const working = memoryStorage();
    expect(await saveWorkspace(working)).toBe(true);
    expect(useSaveStatus.getState().saveError).toBeNull();
  });

  it('keeps a saved workspace it cannot read aside, so that no save overwrites it, and says so', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fromTheFuture = { version: 99, files: [{ name: 'a.yaml', text: 'kind: Pod\n' }] };
    const storage = memoryStorage(fromTheFuture);
    expect(await loadWorkspace(storage)).toBeNull();
    expect(storage.aside).toEqual(fromTheFuture);
    expect(useSaveStatus.getState().unreadable).toEqual(fromTheFuture);
    await saveWorkspace(storage);
    expect(storage.aside).toEqual(fromTheFuture);
  });

  it('stops saving when another tab saved, until the person keeps this tab’s workspace or opens the other’s', async () => {
    const storage = memoryStorage();
    const stopThis = startAutosave(storage, 10);
    const other = new BroadcastChannel(TABS_CHANNEL);
    other.postMessage({ tab: 'other', savedAt: '2026-12-02T10:00:00.000Z' });
    await vi.waitFor(() => expect(useSaveStatus.getState().otherTabSavedAt).toBe('2026-12-02T10:00:00.000Z'));
    const write = vi.spyOn(storage, 'write');
    useDocumentStore.getState().openFiles([file]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(write).not.toHaveBeenCalled();

    const heard: unknown[] = [];
    other.onmessage = (event) => heard.push(event.data);
    keepThisTabsWorkspace();
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(write).toHaveBeenCalledTimes(1);
    expect(useSaveStatus.getState().otherTabSavedAt).toBeNull();

    await storage.write({ version: 1, files: [{ name: 'theirs.yaml', text: '' }], positions: {}, savedAt: 'later' });
    other.postMessage({ tab: 'other', savedAt: 'later' });
    await vi.waitFor(() => expect(useSaveStatus.getState().otherTabSavedAt).toBe('later'));
    await openOtherTabsWorkspace();
    expect(useDocumentStore.getState().files).toEqual([{ name: 'theirs.yaml', text: '' }]);
    expect(useSaveStatus.getState().otherTabSavedAt).toBeNull();
    other.close();
    stopThis();
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
