import { editObject, listObjects, NAMESPACE_NAME_LABEL, type RawMap, type SourceFile } from '../../engine';
import { setIn } from './rawPath';

/** A workspace edit with one sentence per object it touches, for the change preview. */
export interface WorkspaceEdit {
  files: SourceFile[];
  descriptions: string[];
}

function name(ref: { kind: string; namespace?: string; name: string }): string {
  return ref.kind === 'Namespace' ? `Namespace ${ref.name}` : `${ref.kind} ${ref.namespace ?? 'default'}/${ref.name}`;
}

/** Rewrites selectors on `kubernetes.io/metadata.name` that name `from` to name `to`; returns `value` itself when nothing changes. */
function renameSelectorRefs(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => renameSelectorRefs(item, from, to));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const map = value as RawMap;
  let next = map;
  for (const [key, child] of Object.entries(map)) {
    let replaced = renameSelectorRefs(child, from, to);
    if (key === 'matchLabels' && typeof child === 'object' && child !== null && (child as RawMap)[NAMESPACE_NAME_LABEL] === from) {
      replaced = { ...(child as RawMap), [NAMESPACE_NAME_LABEL]: to };
    }
    if (key === 'values' && map.key === NAMESPACE_NAME_LABEL && Array.isArray(child) && child.includes(from)) {
      replaced = child.map((v) => (v === from ? to : v));
    }
    if (replaced !== child) next = { ...next, [key]: replaced };
  }
  return next;
}

/**
 * Renames namespace `from` to `to`: 1. the Namespace object (and its written
 * `kubernetes.io/metadata.name` label), 2. every object in it moves to `to`,
 * 3. namespaceSelectors that name `from` by `kubernetes.io/metadata.name` name `to`,
 * so the policies keep meaning the same pods.
 */
export function renameNamespace(files: readonly SourceFile[], from: string, to: string): WorkspaceEdit {
  const objects = listObjects(files);
  const descriptions: string[] = [];
  let next = [...files];
  for (const { ref } of objects) {
    if (ref.kind === 'Namespace' && ref.name === from) {
      next = editObject(next, ref, (raw) => {
        const renamed = setIn(raw, ['metadata', 'name'], to);
        const labels = (renamed.metadata as RawMap).labels;
        const isLabelWritten = typeof labels === 'object' && labels !== null && (labels as RawMap)[NAMESPACE_NAME_LABEL] === from;
        return isLabelWritten ? setIn(renamed, ['metadata', 'labels', NAMESPACE_NAME_LABEL], to) : renamed;
      });
      descriptions.push(`Rename Namespace ${from} to ${to}`);
    } else if (ref.kind !== 'Namespace' && ref.namespace === from) {
      next = editObject(next, ref, (raw) => setIn(raw, ['metadata', 'namespace'], to));
      descriptions.push(`Move ${name(ref)} to namespace ${to}`);
    }
  }
  for (const { ref, raw } of listObjects(next)) {
    if (ref.kind !== 'NetworkPolicy' || renameSelectorRefs(raw, from, to) === raw) continue;
    next = editObject(next, ref, (written) => renameSelectorRefs(written, from, to) as RawMap);
    descriptions.push(`Point the namespaceSelectors of ${name(ref)} at ${to}`);
  }
  return { files: next, descriptions };
}

/** Deletes namespace `name`: its Namespace object and every object in it. */
export function deleteNamespace(files: readonly SourceFile[], namespace: string): WorkspaceEdit {
  const doomed = listObjects(files).filter(({ ref }) => (ref.kind === 'Namespace' ? ref.name === namespace : ref.namespace === namespace));
  let next = [...files];
  for (const { ref } of doomed) next = editObject(next, ref, () => null);
  return { files: next, descriptions: doomed.map(({ ref }) => `Delete ${name(ref)}`) };
}
