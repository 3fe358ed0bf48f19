import { DUMP_SCHEMA, dump } from 'js-yaml';

/**
 * Serialises plain objects as a multi-document YAML stream (`---` between documents), keys in insertion order; a
 * string that a YAML 1.1 or 1.2 reader would take for a boolean, number, date or null (`yes`, `n`, `0777`, `2024-01-01`) is quoted.
 */
export function dumpYaml(objects: readonly unknown[]): string {
  return objects.map((o) => dump(o, { schema: DUMP_SCHEMA, lineWidth: -1, noRefs: true })).join('---\n');
}
