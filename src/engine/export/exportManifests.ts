import { isRawMap } from '../decode/decodeContext';
import { expandLists } from '../decode/expandLists';
import type { SourceFile } from '../model/types';
import { dumpYaml } from '../yaml/dumpYaml';
import { parseYamlFile } from '../yaml/parseYamlFile';
import { cleanManifest } from './cleanManifest';

/** What to export: every object, the NetworkPolicies, or one NetworkPolicy by `ns/name`. */
export type ExportScope = { kind: 'all' } | { kind: 'policies' } | { kind: 'policy'; id: string };

function policyId(raw: Record<string, unknown>): string {
  const m = isRawMap(raw.metadata) ? raw.metadata : {};
  return `${typeof m.namespace === 'string' && m.namespace !== '' ? m.namespace : 'default'}/${typeof m.name === 'string' ? m.name : ''}`;
}

/**
 * Exports the workspace as one multi-document YAML stream, ready for
 * `kubectl apply -f`: Lists flattened, objects cleaned by {@link cleanManifest},
 * nothing defaulted added; documents that do not parse are left out. A value
 * the input wrote once and aliased (`*ref`) is written once again, never expanded.
 */
export function exportManifests(files: readonly SourceFile[], scope: ExportScope): string {
  const objects = files.flatMap((f) => parseYamlFile(f).documents.flatMap((doc) => expandLists(doc, [])));
  const chosen = objects.filter(({ raw, kind }) => {
    if (scope.kind === 'all') return true;
    if (kind !== 'NetworkPolicy') return false;
    return scope.kind === 'policies' || policyId(raw) === scope.id;
  });
  return dumpYaml(chosen.map(({ raw, kind }) => cleanManifest(raw, kind)), { isAliased: true });
}
