import { DUMP_SCHEMA, dump } from 'js-yaml';

/** How to serialise: `isAliased` writes a value met twice in one document once, with an anchor and aliases (as parsed YAML aliases are), instead of copying it. */
export interface DumpYamlOptions {
  isAliased?: boolean;
}

/**
 * Serialises plain objects as a multi-document YAML stream (`---` between documents), keys in insertion order; a
 * string that a YAML 1.1 or 1.2 reader would take for a boolean, number, date or null (`yes`, `n`, `0777`, `2024-01-01`) is quoted.
 */
export function dumpYaml(objects: readonly unknown[], options: DumpYamlOptions = {}): string {
  return objects.map((o) => dump(o, { schema: DUMP_SCHEMA, lineWidth: -1, noRefs: options.isAliased !== true })).join('---\n');
}
