import { useMemo } from 'react';
import { findObject, type ObjectRef, type RawMap } from '../../engine';
import { useDocumentStore } from '../../store/useDocumentStore';

/** The object `ref` names in the current files, as written (invalid or not), or undefined. */
export function useWorkspaceObject(ref: ObjectRef | undefined): RawMap | undefined {
  const files = useDocumentStore((state) => state.files);
  const kind = ref?.kind;
  const namespace = ref?.namespace;
  const name = ref?.name;
  return useMemo(() => (kind === undefined || name === undefined ? undefined : findObject(files, { kind, namespace, name })), [files, kind, namespace, name]);
}
