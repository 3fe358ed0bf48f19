import { createStore, get, set } from 'idb-keyval';

/** Where the autosave keeps the workspace: one value, written asynchronously (never a long task on the page). */
export interface WorkspaceStorage {
  /** The newest saved value as stored (an object, or JSON text), or undefined when there is none. */
  read(): Promise<unknown>;
  /** Replaces the saved value; rejects when the browser refuses it (e.g. storage full). */
  write(value: unknown): Promise<void>;
  /** Saves at once, synchronously, for a page that is going away (an asynchronous write may not finish); false when it could not. */
  writeNow(value: unknown): boolean;
  /** Keeps a saved value the app cannot read under a second key, so that the next save does not destroy it. */
  keepAside(value: unknown): Promise<void>;
}

/** The `localStorage` key of the synchronous copy written when the page goes away (and of saves by older versions). */
export const PAGE_EXIT_KEY = 'netpol-canvas:workspace';
/** Above this many characters of JSON the page-exit copy is not written (it would block the exit and may not fit). */
const PAGE_EXIT_LIMIT = 4_000_000;
const DATABASE = 'netpol-canvas';
const STORE = 'workspace';
const KEY = 'current';
const ASIDE_KEY = 'unreadable';

/** A storage that keeps the value in memory only (tests, and browsers that refuse IndexedDB). */
export function memoryStorage(initial?: unknown): WorkspaceStorage & { value: unknown; aside: unknown } {
  const storage = {
    value: initial,
    read: () => Promise.resolve(storage.value),
    write: (value: unknown) => {
      storage.value = structuredClone(value);
      return Promise.resolve();
    },
    writeNow: (value: unknown) => {
      storage.value = structuredClone(value);
      return true;
    },
    aside: undefined as unknown,
    keepAside: (value: unknown) => {
      storage.aside = value;
      return Promise.resolve();
    },
  };
  return storage;
}

function savedAtOf(value: unknown): string {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return '';
    }
  }
  const savedAt = typeof parsed === 'object' && parsed !== null ? (parsed as { savedAt?: unknown }).savedAt : undefined;
  return typeof savedAt === 'string' ? savedAt : '';
}

function localStore(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The browser's IndexedDB (database `netpol-canvas`, store `workspace`): values are stored as structured clones, so a
 * 10 MB workspace is neither stringified on the page nor bounded by `localStorage`'s few megabytes. When the page goes
 * away, a copy is written to `localStorage` synchronously (if small enough); reading takes whichever is newer, so an
 * edit made just before a reload is not lost. Memory only when IndexedDB is unavailable.
 */
export function browserStorage(): WorkspaceStorage {
  const local = localStore();
  const exitCopy = () => {
    try {
      return local?.getItem(PAGE_EXIT_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const writeNow = (value: unknown) => {
    const text = JSON.stringify(value);
    if (local === null || text.length > PAGE_EXIT_LIMIT) return false;
    try {
      local.setItem(PAGE_EXIT_KEY, text);
      return true;
    } catch {
      return false;
    }
  };
  if (typeof indexedDB === 'undefined') return { ...memoryStorage(exitCopy()), writeNow };
  const store = createStore(DATABASE, STORE);
  return {
    read: async () => {
      const saved: unknown = await get(KEY, store);
      const copy = exitCopy();
      if (copy === undefined) return saved;
      return saved === undefined || savedAtOf(copy) > savedAtOf(saved) ? copy : saved;
    },
    write: async (value) => {
      await set(KEY, value, store);
      // An older page-exit copy would only take space; a newer one (written while this save was on its way, as the
      // page went away) is the newest state and stays.
      try {
        const copy = exitCopy();
        if (copy !== undefined && savedAtOf(copy) <= savedAtOf(value)) local?.removeItem(PAGE_EXIT_KEY);
      } catch {
        // Nothing to free.
      }
    },
    writeNow,
    keepAside: (value) => set(ASIDE_KEY, value, store),
  };
}
