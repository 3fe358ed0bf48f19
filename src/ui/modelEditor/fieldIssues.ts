import type { Issue } from '../../engine';

/** The issues of object `object` (`Kind ns/name`) at `path` or inside it. */
export function fieldIssues(issues: readonly Issue[], object: string, path: string): Issue[] {
  return issues.filter((i) => i.object === object && i.path !== undefined && (i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`)));
}

const LABEL_CODES = ['label-key', 'label-value'];

/** The messages of issues about label `key` of the label map at `path` (a bad key or value is reported at the map, naming the key). */
export function labelIssueMessages(issues: readonly Issue[], path: string, key: string): string[] {
  return issues
    .filter((i) => i.path === `${path}.${key}` || (i.path === path && LABEL_CODES.includes(i.code) && i.message.includes(JSON.stringify(key))))
    .map((i) => i.message);
}

/** Parses a workload id `ns/name[Kind]` into its parts, or undefined. */
export function parseWorkloadId(id: string): { namespace: string; name: string; kind: string } | undefined {
  const match = /^([^/]*)\/(.*)\[([^\]]+)\]$/.exec(id);
  return match ? { namespace: match[1], name: match[2], kind: match[3] } : undefined;
}
