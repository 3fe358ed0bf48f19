import type { Selection } from '../../store/useViewStore';

/** What selecting an object named in a lint selects: a workload `ns/name[Kind]`, a namespace `ns:<name>`, else a policy `ns/name`. */
export function selectionOf(id: string): Selection {
  if (id.startsWith('ns:')) return { kind: 'namespace', id: id.slice(3) };
  return id.endsWith(']') ? { kind: 'workload', id } : { kind: 'policy', id };
}
