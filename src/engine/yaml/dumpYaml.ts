import { CORE_SCHEMA, dump } from 'js-yaml';

/** Serialises plain objects as a multi-document YAML stream (`---` between documents), keys in insertion order. */
export function dumpYaml(objects: readonly unknown[]): string {
  return objects.map((o) => dump(o, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true })).join('---\n');
}
