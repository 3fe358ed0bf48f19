import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../engine';

const MANIFEST = /\.(ya?ml|json)$/i;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : MANIFEST.test(e.name) ? [join(dir, e.name)] : []));
}

/**
 * Reads the manifests named on the command line: files as given, directories
 * recursively (`.yaml`, `.yml`, `.json`), `-` for standard input.
 */
export function readInputs(paths: readonly string[], readStdin: () => string): SourceFile[] {
  return paths.flatMap((p) => {
    if (p === '-') return [{ name: '<stdin>', text: readStdin() }];
    if (statSync(p).isDirectory()) return walk(p).map((f) => ({ name: relative(process.cwd(), f) || f, text: readFileSync(f, 'utf8') }));
    return [{ name: p, text: readFileSync(p, 'utf8') }];
  });
}
