import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserStorage, PAGE_EXIT_KEY } from './workspaceStorage';

const saved = (savedAt: string, text = 'kind: Pod\n') => ({ version: 1, files: [{ name: 'a.yaml', text }], positions: {}, savedAt });

/** A page's localStorage, as a plain map. */
function pageStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('browserStorage (IndexedDB, with a synchronous copy when the page goes away)', () => {
  let local: ReturnType<typeof pageStorage>;
  beforeEach(() => {
    local = pageStorage();
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('window', { localStorage: local });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a 12 MB workspace as a structured value, and a second page reads it back', async () => {
    const big = saved('2026-12-02T10:00:00.000Z', 'x'.repeat(12 * 2 ** 20));
    await browserStorage().write(big);
    expect(await browserStorage().read()).toEqual(big);
  });

  it('reads the page-exit copy when it is newer than the database, and the database once a later save lands', async () => {
    const storage = browserStorage();
    await storage.write(saved('2026-12-02T10:00:00.000Z'));
    expect(storage.writeNow(saved('2026-12-02T10:00:05.000Z', 'kind: Service\n'))).toBe(true);
    expect(await browserStorage().read()).toBe(JSON.stringify(saved('2026-12-02T10:00:05.000Z', 'kind: Service\n')));
    await storage.write(saved('2026-12-02T10:00:09.000Z', 'kind: Namespace\n'));
    expect(local.data.has(PAGE_EXIT_KEY)).toBe(false);
    expect(await browserStorage().read()).toEqual(saved('2026-12-02T10:00:09.000Z', 'kind: Namespace\n'));
  });

  it('keeps a page-exit copy written while an older save was still on its way, so a reload shows the newest state', async () => {
    const storage = browserStorage();
    const late = storage.write(saved('2026-12-02T10:00:00.000Z'));
    expect(storage.writeNow(saved('2026-12-02T10:00:05.000Z', 'kind: Service\n'))).toBe(true);
    await late;
    expect(local.data.has(PAGE_EXIT_KEY)).toBe(true);
    expect(await browserStorage().read()).toBe(JSON.stringify(saved('2026-12-02T10:00:05.000Z', 'kind: Service\n')));
  });

  it('reads a workspace an older version saved in localStorage', async () => {
    local.setItem(PAGE_EXIT_KEY, JSON.stringify({ files: [{ name: 'old.yaml', text: '' }] }));
    expect(await browserStorage().read()).toBe(local.getItem(PAGE_EXIT_KEY));
  });

  it('writes no page-exit copy of a workspace too large to write at once', () => {
    expect(browserStorage().writeNow(saved('2026-12-02T10:00:00.000Z', 'x'.repeat(5_000_000)))).toBe(false);
    expect(local.data.size).toBe(0);
  });
});
