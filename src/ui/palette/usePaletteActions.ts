import { useMemo } from 'react';
import { appendObject, listObjects } from '../../engine';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore, type Point } from '../../store/useViewStore';
import { fileForNamespace, newDeployment, newNamespace, nextName } from '../modelEditor/newObjects';
import { useDraftExternals } from './useDraftExternals';

/** What the palette adds: each document change is one undo step; the external range is view state (not undoable). */
export interface PaletteActions {
  /** Adds a Namespace `namespace-N` (the layout places its frame, so that it overlaps no other) and selects it. */
  addNamespace: () => void;
  /** Adds a Deployment `workload-N` (label `app: workload-N`) to `namespace` (the layout places it inside the frame) and selects it. */
  addWorkload: (namespace: string) => void;
  /** Shows `cidr` as an external node, at `position` when given, until a policy mentions it. */
  addExternal: (cidr: string, position?: Point) => void;
}

/** The palette's actions on the workspace and the view. */
export function usePaletteActions(): PaletteActions {
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const select = useViewStore((state) => state.select);
  const keepPositions = useViewStore((state) => state.keepPositions);
  const addCidr = useDraftExternals((state) => state.addCidr);
  return useMemo(
    () => ({
      addNamespace: () => {
        const taken = listObjects(useDocumentStore.getState().files).map(({ ref }) => (ref.kind === 'Namespace' ? ref.name : (ref.namespace ?? 'default')));
        const name = nextName('namespace', taken);
        applyEdit((files) => appendObject(files, newNamespace(name)));
        select({ kind: 'namespace', id: name });
      },
      addWorkload: (namespace) => {
        const name = nextName('workload', listObjects(useDocumentStore.getState().files).map(({ ref }) => ref.name));
        const id = `${namespace}/${name}[Deployment]`;
        applyEdit((files) => appendObject(files, newDeployment(name, namespace), fileForNamespace(files, namespace)));
        select({ kind: 'workload', id });
      },
      addExternal: (cidr, position) => {
        addCidr(cidr);
        if (position) keepPositions({ [`ext:${cidr}`]: position });
      },
    }),
    [applyEdit, select, keepPositions, addCidr],
  );
}
