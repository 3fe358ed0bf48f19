import { useCallback, useMemo } from 'react';
import type { Model } from '../../engine';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { collapsedNamespacesOf } from './collapsedNamespacesOf';

/** Which namespaces of `model` are collapsed, and actions to expand or collapse one or all of them. */
export function useNamespaceExpansion(model: Pick<Model, 'namespaces' | 'workloads'>) {
  const revision = useDocumentStore((state) => state.revision);
  const chosen = useViewStore((state) => state.collapsedNamespaces);
  const setCollapsed = useViewStore((state) => state.setCollapsedNamespaces);
  const collapsed = useMemo(() => collapsedNamespacesOf(model, revision, chosen), [model, revision, chosen]);
  const expand = useCallback((name: string) => setCollapsed(revision, collapsed.filter((n) => n !== name)), [setCollapsed, revision, collapsed]);
  const collapse = useCallback((name: string) => setCollapsed(revision, collapsed.includes(name) ? collapsed : [...collapsed, name]), [setCollapsed, revision, collapsed]);
  const expandAll = useCallback(() => setCollapsed(revision, []), [setCollapsed, revision]);
  const collapseAll = useCallback(() => setCollapsed(revision, model.namespaces.map((n) => n.name)), [setCollapsed, revision, model]);
  return { collapsed, expand, collapse, expandAll, collapseAll };
}
