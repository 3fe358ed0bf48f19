import type { SourceFile } from '../engine';
import { keysWith, pickKeys } from './stateKeys';
import { useDocumentStore } from './useDocumentStore';
import { useViewStore, type Point } from './useViewStore';
import { useSaveStatus } from './useSaveStatus';
import type { WorkspaceStorage } from './workspaceStorage';

/** The version of the saved shape this code writes; {@link migrate} reads it and every earlier one. */
export const WORKSPACE_VERSION = 1;

/** How long the workspace must stay unchanged before it is saved. */
export const AUTOSAVE_DELAY_MS = 500;

/** A saved workspace: its files and the positions the person dragged nodes to. */
export interface SavedWorkspace {
  version: typeof WORKSPACE_VERSION;
  files: SourceFile[];
  positions: Record<string, Point>;
  /** When it was saved, as an ISO 8601 time. */
  savedAt: string;
}

const PERSISTED_DOCUMENT_KEYS = keysWith('document', 'isPersisted');
const PERSISTED_VIEW_KEYS = keysWith('view', 'isPersisted');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function filesOf(value: unknown): SourceFile[] | null {
  if (!Array.isArray(value)) return null;
  const isValid = value.every((f) => isRecord(f) && typeof f.name === 'string' && f.name !== '' && typeof f.text === 'string');
  return isValid ? value.map((f: SourceFile) => ({ name: f.name, text: f.text })) : null;
}

function positionsOf(value: unknown): Record<string, Point> {
  if (!isRecord(value)) return {};
  const kept: Record<string, Point> = {};
  for (const [id, p] of Object.entries(value)) {
    if (isRecord(p) && Number.isFinite(p.x) && Number.isFinite(p.y)) kept[id] = { x: p.x as number, y: p.y as number };
  }
  return kept;
}

/**
 * Reads any saved shape into the current one, or null when it is not a workspace:
 * version 1 is `{ version, files, positions, savedAt }`; version 0 (no `version`) was
 * `{ files }` alone. Unreadable positions are dropped, unreadable files reject the save.
 */
export function migrate(saved: unknown): SavedWorkspace | null {
  if (!isRecord(saved)) return null;
  const version = saved.version ?? 0;
  if (version !== 0 && version !== WORKSPACE_VERSION) return null;
  const files = filesOf(saved.files);
  if (files === null) return null;
  if (version === 0) return { version: WORKSPACE_VERSION, files, positions: {}, savedAt: '' };
  return { version: WORKSPACE_VERSION, files, positions: positionsOf(saved.positions), savedAt: typeof saved.savedAt === 'string' ? saved.savedAt : '' };
}

/** The workspace saved in `storage`, or null when there is none or it cannot be read (then a console warning says why). */
export async function loadWorkspace(storage: WorkspaceStorage): Promise<SavedWorkspace | null> {
  let stored: unknown;
  try {
    stored = await storage.read();
  } catch (error) {
    console.warn('netpol-canvas: browser storage cannot be read, starting afresh.', error);
    return null;
  }
  if (stored === undefined || stored === null) return null;
  let parsed: unknown = stored;
  if (typeof stored === 'string') {
    try {
      parsed = JSON.parse(stored);
    } catch {
      parsed = undefined;
    }
  }
  const workspace = migrate(parsed);
  if (workspace === null) {
    console.warn('netpol-canvas: the saved workspace is unreadable or from a newer version; it is kept aside.');
    useSaveStatus.setState({ unreadable: stored });
    await storage.keepAside(stored).catch((error: unknown) => console.warn('netpol-canvas: the unreadable workspace could not be kept aside.', error));
  }
  return workspace;
}

/** The workspace's persisted state (see STATE_KEYS), as saved at `now`. */
function workspaceNow(now: Date): SavedWorkspace {
  return {
    version: WORKSPACE_VERSION,
    ...pickKeys(useDocumentStore.getState(), PERSISTED_DOCUMENT_KEYS),
    positions: { ...pickKeys(useViewStore.getState(), PERSISTED_VIEW_KEYS).positions },
    savedAt: now.toISOString(),
  };
}

/** Saves the workspace's persisted state to `storage`; false, with a console warning, when storage refuses it. */
export async function saveWorkspace(storage: WorkspaceStorage, now: Date = new Date()): Promise<boolean> {
  try {
    await storage.write(workspaceNow(now));
    if (useSaveStatus.getState().saveError !== null) useSaveStatus.setState({ saveError: null });
    return true;
  } catch (error) {
    console.warn('netpol-canvas: the workspace could not be saved to browser storage.', error);
    useSaveStatus.setState({ saveError: error instanceof Error ? error.message || error.name : String(error) });
    return false;
  }
}

/** Opens a saved workspace (files and dragged positions) without making it an undo step. */
export function restoreWorkspace(saved: SavedWorkspace): void {
  const history = useDocumentStore.temporal.getState();
  history.pause();
  useDocumentStore.getState().openFiles(saved.files);
  history.resume();
  useViewStore.getState().keepPositions(saved.positions);
}

/** The name of the channel tabs of the app tell each other about their saves on. */
export const TABS_CHANNEL = 'netpol-canvas:workspace';

/** What the running autosave offers the banner when another tab saved: keep this tab's workspace, or open the other's. */
let choices: { keepMine: () => void; takeTheirs: () => Promise<void> } | null = null;

/** Keeps this tab's workspace after another tab saved: saves it now (the other tab is told in turn) and autosaves again. */
export function keepThisTabsWorkspace(): void {
  choices?.keepMine();
}

/** Opens the workspace another tab saved, replacing this tab's, and autosaves again. */
export async function openOtherTabsWorkspace(): Promise<void> {
  await choices?.takeTheirs();
}

/**
 * Saves the workspace `delayMs` after each change of its files or positions, and at once when the page is hidden.
 * Tabs tell each other about their saves: a tab that hears of another's save stops saving until the person chooses
 * whose workspace to keep (never a silent overwrite). Returns the stop function.
 */
export function startAutosave(storage: WorkspaceStorage, delayMs: number = AUTOSAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tab = Math.random().toString(36).slice(2);
  let channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(TABS_CHANNEL);
  const isWaiting = () => useSaveStatus.getState().otherTabSavedAt !== null;
  const save = async () => {
    const now = new Date();
    if (await saveWorkspace(storage, now)) channel?.postMessage({ tab, savedAt: now.toISOString() });
  };
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    if (!isWaiting()) void save();
  };
  // The page is going away: an asynchronous write may never finish, so a pending change is also written at once.
  const flushNow = () => {
    if (timer === undefined || isWaiting()) return;
    clearTimeout(timer);
    timer = undefined;
    if (!storage.writeNow(workspaceNow(new Date()))) void save();
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  };
  if (channel !== null) {
    channel.onmessage = (event: MessageEvent<{ tab?: unknown; savedAt?: unknown }>) => {
      if (event.data?.tab === tab || typeof event.data?.savedAt !== 'string') return;
      useSaveStatus.setState({ otherTabSavedAt: event.data.savedAt });
    };
  }
  choices = {
    keepMine: () => {
      useSaveStatus.setState({ otherTabSavedAt: null });
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      void save();
    },
    takeTheirs: async () => {
      const theirs = await loadWorkspace(storage);
      if (theirs !== null) restoreWorkspace(theirs);
      // What was just read needs no saving (and saving it would make the other tab ask in turn).
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      useSaveStatus.setState({ otherTabSavedAt: null });
    },
  };
  const stopDocument = useDocumentStore.subscribe((state, previous) => {
    if (PERSISTED_DOCUMENT_KEYS.some((key) => state[key] !== previous[key])) schedule();
  });
  const stopView = useViewStore.subscribe((state, previous) => {
    if (PERSISTED_VIEW_KEYS.some((key) => state[key] !== previous[key])) schedule();
  });
  const hasWindow = typeof window !== 'undefined';
  if (hasWindow) window.addEventListener('pagehide', flushNow);
  return () => {
    flush();
    stopDocument();
    stopView();
    channel?.close();
    channel = null;
    choices = null;
    if (hasWindow) window.removeEventListener('pagehide', flushNow);
  };
}
