import { closeSync, openSync, readSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../engine';

const MANIFEST = /\.(ya?ml|json)$/i;

/** The largest file read, in bytes (16 MiB; the biggest example cluster, 5,000 workloads, is about 6 MB). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The manifests read, and one line per input left out and why. */
export interface Inputs {
  files: SourceFile[];
  skipped: string[];
}

/** Reads at most {@link MAX_FILE_BYTES} + 1 bytes from `fd`, so an endless stream stops and says so. */
function readCapped(fd: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(1 << 16);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > MAX_FILE_BYTES) return undefined;
  }
}

/** Why a manifest cannot be read as text: a NUL byte means a binary file. */
function textOf(bytes: Buffer): string | undefined {
  return bytes.includes(0) ? undefined : bytes.toString('utf8');
}

const tooLarge = `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`;

/** Standard input, read up to the size cap. */
export function readStandardInput(): string | undefined {
  const bytes = readCapped(0);
  return bytes === undefined ? undefined : bytes.toString('utf8');
}

/** Reads one regular file (following a symlink), or says why it is left out. */
function readRegularFile(path: string, stats: Stats): string | { reason: string } {
  if (!stats.isFile()) return { reason: 'not a regular file (a FIFO, socket or device)' };
  if (stats.size > MAX_FILE_BYTES) return { reason: tooLarge };
  const fd = openSync(path, 'r');
  try {
    const bytes = readCapped(fd);
    if (bytes === undefined) return { reason: tooLarge };
    return textOf(bytes) ?? { reason: 'a binary file (it holds NUL bytes)' };
  } finally {
    closeSync(fd);
  }
}

function errorReason(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'ENOENT') return 'no such file (or a dangling symlink)';
  if (e.code === 'EACCES') return 'permission denied';
  return e.code ?? e.message ?? 'unreadable';
}

/**
 * Reads the manifests named on the command line: files as given, directories recursively (`.yaml`, `.yml`, `.json`;
 * symlinked directories are not entered, so a link loop ends), `-` for standard input. Never throws: what cannot be
 * read (missing, a dangling symlink, a FIFO or device, a binary file, over {@link MAX_FILE_BYTES}) is left out with a
 * line in `skipped`, and the rest is read.
 */
export function readInputs(paths: readonly string[], readStdin: () => string | undefined): Inputs {
  const inputs: Inputs = { files: [], skipped: [] };
  const skip = (name: string, reason: string) => inputs.skipped.push(`${name}: skipped, ${reason}`);
  const readFile = (path: string, name: string, stats: Stats) => {
    try {
      const read = readRegularFile(path, stats);
      if (typeof read === 'string') inputs.files.push({ name, text: read });
      else skip(name, read.reason);
    } catch (err) {
      skip(name, errorReason(err));
    }
  };
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      skip(relative(process.cwd(), dir) || dir, errorReason(err));
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      const name = relative(process.cwd(), path) || path;
      if (e.isDirectory()) walk(path);
      else if (MANIFEST.test(e.name)) {
        try {
          const stats = statSync(path);
          if (stats.isDirectory()) skip(name, 'a link to a directory');
          else readFile(path, name, stats);
        } catch (err) {
          skip(name, errorReason(err));
        }
      }
    }
  };
  for (const path of paths) {
    if (path === '-') {
      const text = readStdin();
      if (text === undefined) skip('<stdin>', tooLarge);
      else inputs.files.push({ name: '<stdin>', text });
      continue;
    }
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (err) {
      const reason = errorReason(err);
      if (reason.startsWith('no such')) inputs.skipped.push(`no such file or directory: ${path}`);
      else skip(path, reason);
      continue;
    }
    if (stats.isDirectory()) walk(path);
    else readFile(path, path, stats);
  }
  return inputs;
}
