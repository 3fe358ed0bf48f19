import { migrate, type SavedWorkspace } from './persistWorkspace';

/**
 * The longest share link made or opened, in characters: under Chromium's 2 MiB URL limit
 * (2,097,152), with room for the address before the fragment. Longer workspaces are shared as a file.
 */
export const SHARE_LINK_MAX_CHARS = 2_000_000;

/** The most a link may unpack to (UTF-8 JSON), so a small hostile link cannot fill the tab's memory. */
export const SHARED_WORKSPACE_MAX_BYTES = 32 * 1024 * 1024;

/** What the fragment of a share link starts with: `#w=` and the compressed workspace. */
export const SHARE_FRAGMENT_PREFIX = '#w=';

/** A share link read: the workspace it holds, or why it cannot be opened (in words for the person). */
export type SharedWorkspace = { kind: 'workspace'; workspace: SavedWorkspace } | { kind: 'error'; message: string };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** The fragment that holds `workspace`: `#w=` and its JSON, deflated (raw) and in base64url. */
export async function shareFragmentOf(workspace: SavedWorkspace): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(workspace));
  const deflated = await readAll(streamOf(json).pipeThrough(new CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY);
  return SHARE_FRAGMENT_PREFIX + toBase64Url(deflated ?? new Uint8Array());
}

/** Whether a location's hash (`location.hash`) is a share link's fragment. */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(SHARE_FRAGMENT_PREFIX);
}

const DAMAGED = 'This link is damaged or incomplete: its workspace cannot be unpacked. Ask for the link again, or for a file.';

/**
 * Reads the workspace in a share link's fragment, treating it as untrusted: its length is capped before
 * unpacking and what it unpacks to is capped while unpacking; the JSON must be a workspace {@link migrate} reads.
 */
export async function readShareFragment(hash: string): Promise<SharedWorkspace> {
  const error = (message: string): SharedWorkspace => ({ kind: 'error', message });
  if (!isShareFragment(hash)) return error('This link holds no shared workspace.');
  if (hash.length > SHARE_LINK_MAX_CHARS) return error(`This link is longer than the ${SHARE_LINK_MAX_CHARS.toLocaleString('en')} characters a share link may have. Ask for a file instead.`);
  const bytes = fromBase64Url(hash.slice(SHARE_FRAGMENT_PREFIX.length));
  if (bytes === null || bytes.length === 0) return error(DAMAGED);
  let json: Uint8Array | null;
  try {
    json = await readAll(streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')), SHARED_WORKSPACE_MAX_BYTES);
  } catch {
    return error(DAMAGED);
  }
  if (json === null) return error(`This link unpacks to more than ${SHARED_WORKSPACE_MAX_BYTES / 1024 / 1024} MB, more than a shared workspace may hold.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return error(DAMAGED);
  }
  const workspace = migrate(parsed);
  if (workspace === null) return error('This link holds no workspace this version of netpol-canvas can read (it may come from a newer version).');
  return { kind: 'workspace', workspace };
}
